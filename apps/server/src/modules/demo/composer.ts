/**
 * The composer makes the big decisions for each track: key, mode, tempo, progression, groove, sounds
 * and song form, all drawn from the album's style with a seeded PRNG. Choices rotate through
 * per-album shuffles so tracks on one album never repeat a progression, groove or form back to back,
 * and a fingerprint check guarantees no two tracks in the catalog share the same core recipe.
 */
import { DRUM_PATTERNS, type DrumPatternName } from './drum-patterns.ts';
import { TONE_PATCHES, type KitName, type PatchName, type TonePatch } from './instruments.ts';
import { keyName, type ModeName, type ProgressionName } from './music-theory.ts';
import { createRng, type Rng } from './prng.ts';
import { SONG_FORMS, TAIL_SECONDS, fitForm, type SectionKind } from './song-forms.ts';
import { STYLES, type BassStyle, type CompStyle, type StyleId } from './styles.ts';

export interface Section {
  readonly kind: SectionKind;
  readonly bars: number;
  readonly startBar: number;
  /** How many sections of this kind came before (verse 0, verse 1, ...). */
  readonly occurrence: number;
}

export interface Composition {
  readonly styleId: StyleId;
  /** Seed for everything decided while arranging and rendering (melody, noise, humanizing). */
  readonly seed: number;
  /** Pitch class of the tonic, 0 = C. */
  readonly tonic: number;
  readonly mode: ModeName;
  readonly pentatonic: boolean;
  readonly tempo: number;
  readonly beatsPerBar: 3 | 4;
  readonly swing: number;
  readonly progression: ProgressionName;
  readonly drumPattern: DrumPatternName;
  readonly kit: KitName;
  readonly sounds: { readonly lead: PatchName; readonly chords: PatchName; readonly bass: PatchName };
  /** The sounds after per-track tweaks (cutoff, pulse width, ...), so even shared presets differ. */
  readonly patches: { readonly lead: TonePatch; readonly chords: TonePatch; readonly bass: TonePatch };
  readonly comping: CompStyle;
  readonly bassLine: BassStyle;
  readonly form: string;
  readonly sections: readonly Section[];
  /** Bars per melodic phrase (and per lyric line). */
  readonly barsPerPhrase: 1 | 2 | 4;
  readonly sevenths: boolean;
  readonly melodyDensity: number;
  readonly melodyCenter: number;
  readonly reverb: number;
  readonly humanize: number;
  readonly vinyl: boolean;
  readonly durationSec: number;
}

export interface TrackRequest {
  readonly styleId: StyleId;
  /** Tracks of one album share shuffles keyed by this label. */
  readonly albumKey: string;
  /** 0-based position on the album. */
  readonly trackIndex: number;
}

export function barSeconds(composition: Pick<Composition, 'tempo' | 'beatsPerBar'>): number {
  return (composition.beatsPerBar * 60) / composition.tempo;
}

/** What must differ between any two tracks of the catalog. */
export function compositionFingerprint(composition: Composition): string {
  return `${keyName(composition.tonic, composition.mode)}|${composition.tempo}|${composition.progression}|${composition.drumPattern}`;
}

/** Composes every requested track, re-rolling a track whose fingerprint an earlier track already has. */
export function composeCatalog(requests: readonly TrackRequest[], seed: number): Composition[] {
  const root = createRng(seed);
  const seen = new Set<string>();
  return requests.map((request) => {
    for (let attempt = 0; attempt < 50; attempt++) {
      const composition = composeTrack(request, root, attempt);
      const fingerprint = compositionFingerprint(composition);
      if (!seen.has(fingerprint)) {
        seen.add(fingerprint);
        return composition;
      }
    }
    throw new Error(`Could not find a unique composition for ${request.albumKey} #${request.trackIndex + 1}`);
  });
}

/** Picks item `index` of a list shuffled once per album, so neighbouring tracks differ. */
function rotate<T>(albumRng: Rng, label: string, items: readonly T[], index: number): T {
  const shuffled = albumRng.fork(label).shuffle(items);
  return shuffled[index % shuffled.length]!;
}

export function composeTrack(request: TrackRequest, root: Rng, attempt = 0): Composition {
  const style = STYLES[request.styleId];
  const album = root.fork(`album:${request.albumKey}`);
  const rng = root.fork(`track:${request.albumKey}:${request.trackIndex}:${attempt}`);
  const slot = request.trackIndex + attempt;

  const drumPattern = rotate(album, 'drums', style.drumPatterns, slot);
  const beatsPerBar = DRUM_PATTERNS[drumPattern].beatsPerBar;
  // Split the tempo range into four lanes, one per album slot, so an album spans slow to fast.
  const lane = rotate(album, 'tempo', [0, 1, 2, 3], slot);
  const laneWidth = (style.tempo[1] - style.tempo[0]) / 4;
  const tempo = Math.round(style.tempo[0] + laneWidth * (lane + rng.next()));
  const bar = (beatsPerBar * 60) / tempo;

  const formName = rotate(album, 'form', style.forms, slot);
  const form = SONG_FORMS[formName];
  if (!form) throw new Error(`Unknown song form ${formName}`);
  const target = rng.range(72, 150);
  let startBar = 0;
  const counts = new Map<SectionKind, number>();
  const sections = fitForm(form, bar, target).map((section) => {
    const occurrence = counts.get(section.kind) ?? 0;
    counts.set(section.kind, occurrence + 1);
    const placed = { ...section, startBar, occurrence };
    startBar += section.bars;
    return placed;
  });

  const sounds = {
    lead: rotate(album, 'lead', style.leads, slot),
    chords: rotate(album, 'chords', style.chordSounds, slot),
    bass: rotate(album, 'bass', style.basses, slot),
  };
  const phrase = Math.round(4.4 / bar);
  return {
    styleId: style.id,
    seed: rng.fork('performance').seed,
    tonic: rotate(album, 'tonic', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], slot),
    mode: rotate(album, 'mode', style.modes, slot),
    pentatonic: style.pentatonic,
    tempo,
    beatsPerBar,
    swing: rng.range(style.swing[0], style.swing[1]),
    progression: rotate(album, 'progression', style.progressions, slot),
    drumPattern,
    kit: rng.pick(style.kits),
    sounds,
    patches: {
      lead: varyPatch(TONE_PATCHES[sounds.lead], rng.fork('lead')),
      chords: varyPatch(TONE_PATCHES[sounds.chords], rng.fork('chords')),
      bass: varyPatch(TONE_PATCHES[sounds.bass], rng.fork('bass')),
    },
    comping: rotate(album, 'comping', style.comping, slot),
    bassLine: rotate(album, 'bassLine', style.bassLines, slot),
    form: formName,
    sections,
    barsPerPhrase: phrase >= 3 ? 4 : phrase >= 2 ? 2 : 1,
    sevenths: rng.chance(style.sevenths),
    melodyDensity: Math.min(0.9, Math.max(0.2, style.melodyDensity + rng.range(-0.1, 0.1))),
    melodyCenter: style.melodyCenter + rng.int(-2, 2),
    reverb: rng.range(style.reverb[0], style.reverb[1]),
    humanize: style.humanize,
    vinyl: style.vinyl,
    durationSec: startBar * bar + TAIL_SECONDS,
  };
}

/** Small per-track tweaks to a preset: brighter or darker, different pulse width, FM ratio, ... */
function varyPatch(patch: TonePatch, rng: Rng): TonePatch {
  return {
    ...patch,
    cutoff: patch.cutoff * rng.range(0.75, 1.3),
    attack: patch.attack * rng.range(0.8, 1.3),
    release: patch.release * rng.range(0.8, 1.25),
    ...(patch.pulseWidth !== undefined && { pulseWidth: rng.pick([0.125, 0.25, 0.33, 0.5]) }),
    ...(patch.fmRatio !== undefined && { fmRatio: patch.fmRatio * rng.pick([1, 1, 2, 0.5]) }),
    ...(patch.brightness !== undefined && {
      brightness: Math.min(1, patch.brightness * rng.range(0.8, 1.15)),
    }),
    ...(patch.detune !== undefined && { detune: patch.detune * rng.range(0.7, 1.4) }),
  };
}

/**
 * A shorter cut of a composition (used by tests via `durationScale`): keeps whole bars up to the
 * requested length, so lyrics and music still line up, and keeps the usual ring-out tail. The intro
 * shrinks to one bar so even a very short cut reaches the first sung section.
 */
export function shortenComposition(composition: Composition, maxSeconds: number): Composition {
  const bar = barSeconds(composition);
  let budget = Math.max(1, Math.floor((maxSeconds - TAIL_SECONDS) / bar));
  const sections: Section[] = [];
  let startBar = 0;
  for (const section of composition.sections) {
    if (budget <= 0) break;
    const bars = Math.min(section.kind === 'intro' ? 1 : section.bars, budget);
    sections.push({ ...section, bars, startBar });
    startBar += bars;
    budget -= bars;
  }
  const totalBars = sections.reduce((sum, section) => sum + section.bars, 0);
  return { ...composition, sections, durationSec: totalBars * bar + TAIL_SECONDS };
}
