/**
 * The arranger turns a composition into concrete events: which note each part plays when, every drum
 * hit, and where each lyric line starts. Melodies are built from a one-bar motif per section kind,
 * re-fitted to the chord under each bar, so verses and choruses are recognisable when they return.
 */
import { barSeconds, type Composition, type Section } from './composer.ts';
import { DRUM_PATTERNS, stepVelocity, type DrumPattern, type DrumVoice } from './drum-patterns.ts';
import { PROGRESSIONS, chordDegrees, degreeToMidi, melodyDegrees } from './music-theory.ts';
import { createRng, type Rng } from './prng.ts';
import { SUNG_SECTIONS, TAIL_SECONDS, type SectionKind } from './song-forms.ts';

export type Part = 'lead' | 'chords' | 'bass';

export interface NoteEvent {
  readonly part: Part;
  readonly midi: number;
  readonly start: number;
  readonly duration: number;
  readonly velocity: number;
}

export interface DrumHit {
  readonly voice: DrumVoice;
  readonly start: number;
  readonly velocity: number;
}

export interface LyricCue {
  readonly time: number;
  readonly section: SectionKind;
  readonly occurrence: number;
  /** Line number within the section, or -1 for an instrumental break. */
  readonly line: number;
}

export interface Arrangement {
  readonly notes: NoteEvent[];
  readonly drums: DrumHit[];
  readonly cues: LyricCue[];
}

/** Overall loudness of each section, so songs breathe instead of staying flat. */
const ENERGY: Record<SectionKind, number> = {
  intro: 0.7,
  verse: 0.8,
  preChorus: 0.87,
  chorus: 1,
  bridge: 0.75,
  solo: 0.95,
  outro: 0.7,
};

/** Where a phrase's melody starts, in scale degrees above the tonic: choruses sit higher. */
const MELODY_ANCHOR: Record<SectionKind, number> = {
  intro: 4,
  verse: 2,
  preChorus: 4,
  chorus: 4,
  bridge: 3,
  solo: 5,
  outro: 4,
};

/** Drums that keep playing in sparse bars (intro, end of the outro) and under fills. */
const TIMEKEEPERS: ReadonlySet<DrumVoice> = new Set(['kick', 'closedHat', 'shaker', 'ride', 'rim']);

/** Per-phrase shift of the melody's starting degree across a section. */
const PHRASE_LIFT = [0, 2, 1, -1];

interface MotifNote {
  readonly step: number;
  readonly length: number;
  readonly move: number;
}

class ArrangementBuilder {
  readonly notes: NoteEvent[] = [];
  readonly drums: DrumHit[] = [];
  readonly cues: LyricCue[] = [];
  readonly bar: number;
  readonly step: number;
  readonly stepsPerBar: number;
  readonly rng: Rng;
  private readonly motifs = new Map<string, MotifNote[]>();
  private melodyDegree = 0;

  constructor(readonly c: Composition) {
    this.bar = barSeconds(c);
    this.step = this.bar / (c.beatsPerBar * 4);
    this.stepsPerBar = c.beatsPerBar * 4;
    this.rng = createRng(c.seed).fork('arrangement');
  }

  /** Time of a 16th step in a bar, with swing on off-beats and a little human looseness. */
  time(barIndex: number, step: number, loose = true): number {
    const swing =
      step % 4 === 2 ? this.c.swing * 2 * this.step : step % 2 === 1 ? this.c.swing * this.step : 0;
    const wobble = loose && this.c.humanize > 0 ? this.rng.range(-this.c.humanize, this.c.humanize) : 0;
    return Math.max(0, barIndex * this.bar + step * this.step + swing + wobble);
  }

  addNote(part: Part, midi: number, start: number, duration: number, velocity: number): void {
    this.notes.push({ part, midi, start, duration, velocity });
  }

  chordRoot(section: Section, barInSection: number, isFinalBar: boolean): number {
    if (isFinalBar) return 0;
    const main = PROGRESSIONS[this.c.progression].degrees;
    if (section.kind === 'bridge') {
      // Contrast: start the progression halfway through and end on the dominant to lead back in.
      const half = Math.floor(main.length / 2);
      const bridge = [...main.slice(half), ...main.slice(0, half)];
      bridge[bridge.length - 1] = 4;
      return bridge[barInSection % bridge.length]!;
    }
    return main[barInSection % main.length]!;
  }

  chordSize(): 3 | 4 {
    return this.c.sevenths ? 4 : 3;
  }

  /** Chord tones as MIDI notes in root position, with the root inside [low, low + 12). */
  rootPosition(rootDegree: number, low: number): number[] {
    const pitches = chordDegrees(rootDegree, this.chordSize()).map((d) =>
      degreeToMidi(60 + this.c.tonic, this.c.mode, d),
    );
    const shift = low + positiveModulo(pitches[0]! - low, 12) - pitches[0]!;
    return pitches.map((p) => p + shift);
  }

  /** Close voicing around a centre note, for pads and stabs. */
  closeVoicing(rootDegree: number, center: number): number[] {
    return this.rootPosition(rootDegree, center - 6)
      .map((p) => (p >= center + 6 ? p - 12 : p))
      .sort((a, b) => a - b);
  }

  comp(barIndex: number, rootDegree: number, energy: number, isFinalBar: boolean): void {
    const voicing = this.closeVoicing(rootDegree, 62);
    const velocity = 0.75 * energy;
    const s = this.step;
    if (isFinalBar) {
      for (const midi of voicing)
        this.addNote('chords', midi, this.time(barIndex, 0), this.bar + TAIL_SECONDS * 0.5, velocity);
      return;
    }
    const steps = this.stepsPerBar;
    switch (this.c.comping) {
      case 'pad':
        for (const midi of voicing)
          this.addNote('chords', midi, this.time(barIndex, 0, false), this.bar * 0.98, velocity);
        return;
      case 'stabs':
        for (let step = 2; step < steps; step += 4) {
          const at = this.time(barIndex, step);
          for (const midi of voicing) this.addNote('chords', midi, at, s * 1.6, velocity);
        }
        return;
      case 'pulse':
        for (let step = 0; step < steps; step += 2) {
          const at = this.time(barIndex, step);
          const accent = step % 4 === 0 ? 1 : 0.75;
          for (const midi of voicing) this.addNote('chords', midi, at, s * 1.5, velocity * accent);
        }
        return;
      case 'charleston':
        for (const [step, length] of [
          [0, 3],
          [6, 2],
        ] as const) {
          const at = this.time(barIndex, step);
          for (const midi of voicing) this.addNote('chords', midi, at, s * length, velocity);
        }
        return;
      case 'arpeggio': {
        const tones = [...voicing, ...voicing.map((p) => p + 12)];
        const cycle = [...tones, ...tones.slice(1, -1).reverse()];
        const rate = this.c.tempo < 80 ? 2 : 1;
        for (let step = 0, i = 0; step < steps; step += rate, i++) {
          this.addNote(
            'chords',
            cycle[i % cycle.length]!,
            this.time(barIndex, step),
            s * rate * 1.8,
            velocity * (step % 4 === 0 ? 1 : 0.8),
          );
        }
        return;
      }
      case 'strum': {
        const pattern = this.c.beatsPerBar === 4 ? [0, 4, 6, 10, 12, 14] : [0, 4, 6, 8, 10];
        const downs = new Set([0, 4, 12]);
        const tones = this.rootPosition(rootDegree, 52);
        const strummed = [...tones, tones[0]! + 12];
        pattern.forEach((step, i) => {
          const next = pattern[i + 1] ?? steps;
          const down = downs.has(step);
          const order = down ? strummed : [...strummed].reverse();
          const at = this.time(barIndex, step);
          order.forEach((midi, j) =>
            this.addNote('chords', midi, at + j * 0.012, (next - step) * s, velocity * (down ? 1 : 0.65)),
          );
        });
        return;
      }
      case 'broken': {
        const [root, third, fifth] = this.rootPosition(rootDegree, 48) as [number, number, number];
        const figure = [root, fifth, root + 12, third + 12, fifth + 12, third + 12, root + 12, fifth];
        for (let step = 0, i = 0; step < steps; step += 2, i++) {
          this.addNote(
            'chords',
            figure[i % figure.length]!,
            this.time(barIndex, step),
            s * 4,
            velocity * (i === 0 ? 1 : 0.8),
          );
        }
        return;
      }
    }
  }

  bassBar(
    barIndex: number,
    rootDegree: number,
    nextRootDegree: number,
    energy: number,
    isFinalBar: boolean,
  ): void {
    const [root, third, fifth] = this.rootPosition(rootDegree, 36) as [number, number, number];
    const velocity = 0.85 * energy;
    const s = this.step;
    const steps = this.stepsPerBar;
    const play = (midi: number, step: number, length: number, accent = 1) =>
      this.addNote('bass', midi, this.time(barIndex, step), length * s * 0.95, velocity * accent);
    if (isFinalBar) {
      this.addNote('bass', root, this.time(barIndex, 0), this.bar + TAIL_SECONDS * 0.4, velocity);
      return;
    }
    switch (this.c.bassLine) {
      case 'whole':
        play(root, 0, steps);
        return;
      case 'eighths':
        for (let step = 0; step < steps; step += 2)
          play(step === steps - 2 ? fifth : root, step, 1.7, step % 4 === 0 ? 1 : 0.8);
        return;
      case 'octaves':
        for (let step = 0; step < steps; step += 2)
          play(step % 4 === 0 ? root : root + 12, step, 1.6, step % 4 === 0 ? 1 : 0.75);
        return;
      case 'rootFifth':
        play(root, 0, 8);
        play(fifth, 8, steps - 8, 0.85);
        return;
      case 'syncopated': {
        const hits = this.c.beatsPerBar === 4 ? [0, 3, 6, 10] : [0, 3, 6];
        const notes = [root, root, fifth, root];
        hits.forEach((step, i) => play(notes[i]!, step, (hits[i + 1] ?? steps) - step, i === 0 ? 1 : 0.8));
        return;
      }
      case 'walking': {
        // Chord tones, then a chromatic approach into the next bar's root.
        const nextRoot = this.rootPosition(nextRootDegree, 36)[0]!;
        const approach = nextRoot > root ? nextRoot - 1 : nextRoot + 1;
        const line = this.c.beatsPerBar === 4 ? [root, third, fifth, approach] : [root, fifth, approach];
        line.forEach((midi, beat) => play(midi, beat * 4, 4, beat === 0 ? 1 : 0.85));
        return;
      }
    }
  }

  /** The one-bar motif for a section kind (cached, so it returns), or for any other label. */
  motif(kind: SectionKind, label: string = kind): MotifNote[] {
    const cached = this.motifs.get(label);
    if (cached) return cached;
    const rng = this.rng.fork(`motif:${label}`);
    const density = this.c.melodyDensity + (kind === 'chorus' || kind === 'solo' ? 0.12 : 0);
    const steps: number[] = [];
    for (let step = 0; step < this.stepsPerBar; step += 2) {
      const strong = step % 4 === 0;
      if (rng.chance(step === 0 ? 0.75 : strong ? density + 0.2 : density - 0.1)) steps.push(step);
      if (density > 0.6 && rng.chance(density - 0.55)) steps.push(step + 1);
    }
    if (steps.length < 2) steps.splice(0, steps.length, 0, this.stepsPerBar / 2);
    const moves = [-2, -1, -1, 0, 1, 1, 2, 3, -3];
    const notes = steps.map((step, i) => ({
      step,
      length: (steps[i + 1] ?? this.stepsPerBar) - step,
      // Choruses open upwards; everything else wanders.
      move: i === 0 ? 0 : kind === 'chorus' && i < 3 ? rng.pick([1, 2]) : rng.pick(moves),
    }));
    this.motifs.set(label, notes);
    return notes;
  }

  /** Moves `count` melody-scale steps from a degree (pentatonic melodies skip the leaning tones). */
  stepMelody(degree: number, count: number): number {
    const allowed = melodyDegrees(this.c.mode, this.c.pentatonic);
    const direction = Math.sign(count);
    let remaining = Math.abs(count);
    let result = degree;
    while (remaining > 0) {
      result += direction;
      if (allowed.includes(positiveModulo(result, 7))) remaining--;
    }
    return result;
  }

  nearestChordTone(degree: number, rootDegree: number): number {
    const tones = new Set(chordDegrees(rootDegree, 3).map((d) => positiveModulo(d, 7)));
    for (const offset of [0, 1, -1, 2, -2, 3, -3]) {
      if (tones.has(positiveModulo(degree + offset, 7))) return degree + offset;
    }
    return degree;
  }

  melodyPhrase(
    section: Section,
    phraseIndex: number,
    firstBar: number,
    bars: number,
    rootAt: (barInSection: number) => number,
    energy: number,
  ): void {
    const kind = section.kind;
    // Phrases alternate a "question" and an "answer" motif and climb and fall a little, so a
    // section has a shape; the same labels make a chorus sound the same every time it returns.
    const anchor = MELODY_ANCHOR[kind] + PHRASE_LIFT[phraseIndex % PHRASE_LIFT.length]!;
    const motifLabel = `${kind}:${phraseIndex % 2}`;
    const half = this.stepsPerBar / 2;
    const strongEvery = this.c.beatsPerBar === 4 ? 8 : 12;
    const melodyTonic = this.c.melodyCenter - positiveModulo(this.c.melodyCenter - this.c.tonic, 12);
    this.melodyDegree = this.nearestChordTone(anchor, rootAt(firstBar - section.startBar));
    for (let j = 0; j < bars; j++) {
      const barIndex = firstBar + j;
      const rootDegree = rootAt(barIndex - section.startBar);
      const cadence = j === bars - 1;
      // A solo improvises a new motif every bar; sung sections repeat theirs.
      const motif = this.motif(kind, kind === 'solo' ? `solo:${barIndex}` : motifLabel);
      const notes = cadence ? motif.filter((note) => note.step < half) : motif;
      notes.forEach((note, i) => {
        let degree = this.stepMelody(this.melodyDegree, note.move);
        if (degree > Math.min(11, anchor + 5) || degree < anchor - 4)
          degree = this.stepMelody(this.melodyDegree, -note.move || -1);
        if (note.step % strongEvery === 0) degree = this.nearestChordTone(degree, rootDegree);
        this.melodyDegree = degree;
        const length =
          cadence && i === notes.length - 1 ? Math.min(note.length, half - note.step) : note.length;
        const accent = note.step % 4 === 0 ? 1 : 0.85;
        this.addNote(
          'lead',
          degreeToMidi(melodyTonic, this.c.mode, degree),
          this.time(barIndex, note.step),
          length * this.step * 0.92,
          0.8 * energy * accent,
        );
      });
      if (cadence) {
        // Phrase ending: a long chord tone, leaving a breath before the next phrase.
        const degree = this.nearestChordTone(this.melodyDegree, rootDegree);
        this.melodyDegree = degree;
        this.addNote(
          'lead',
          degreeToMidi(melodyTonic, this.c.mode, degree),
          this.time(barIndex, half),
          (half - 1) * this.step,
          0.78 * energy,
        );
      }
    }
  }

  drumBar(
    section: Section,
    barInSection: number,
    barIndex: number,
    nextKind: SectionKind | undefined,
    isFinalBar: boolean,
  ): void {
    const pattern: DrumPattern = DRUM_PATTERNS[this.c.drumPattern];
    const kind = section.kind;
    const hit = (voice: DrumVoice, step: number, velocity: number) =>
      this.drums.push({
        voice,
        start: this.time(barIndex, step),
        velocity: velocity * this.rng.range(0.9, 1.05),
      });
    if (isFinalBar) {
      hit('kick', 0, 1);
      hit('crash', 0, 0.9);
      return;
    }
    // Drums come in halfway through the intro, with only kick and time-keeping voices.
    if (kind === 'intro' && barInSection < section.bars / 2) return;
    const sparse = kind === 'intro' || (kind === 'outro' && barInSection >= section.bars / 2);
    const fill = barInSection === section.bars - 1 && (nextKind === 'chorus' || nextKind === 'solo');
    const fillFrom = this.stepsPerBar - 4;
    const energy = ENERGY[kind];
    for (const [voice, steps] of Object.entries(pattern.steps) as [DrumVoice, string][]) {
      if (sparse && !TIMEKEEPERS.has(voice)) continue;
      if (voice === 'openHat' && kind !== 'chorus' && kind !== 'solo') continue;
      for (let step = 0; step < this.stepsPerBar; step++) {
        const strength = stepVelocity(steps[step]);
        if (strength === 0) continue;
        if (kind === 'bridge' && voice === 'kick' && step !== 0) continue;
        if (fill && step >= fillFrom && !TIMEKEEPERS.has(voice)) continue;
        hit(voice, step, strength * energy);
      }
    }
    if (fill) {
      const fillVoice: DrumVoice = pattern.steps.snare ? 'snare' : pattern.steps.tom ? 'tom' : 'rim';
      for (let i = 0; i < 4; i++) hit(fillVoice, fillFrom + i, 0.45 + 0.15 * i);
    }
    if (barInSection === 0 && (kind === 'chorus' || kind === 'solo')) hit('crash', 0, 0.8);
  }
}

function positiveModulo(value: number, modulus: number): number {
  return ((value % modulus) + modulus) % modulus;
}

/** Lays out every bar of every section: chords, bass, drums, melody phrases and lyric cue points. */
export function arrange(composition: Composition): Arrangement {
  const builder = new ArrangementBuilder(composition);
  const sections = composition.sections;
  const phraseBars = composition.barsPerPhrase;
  // The chord root of every bar up front, so a walking bass can lead into the next section too.
  const roots = sections.flatMap((section, sectionIndex) =>
    Array.from({ length: section.bars }, (_, barInSection) =>
      builder.chordRoot(
        section,
        barInSection,
        sectionIndex === sections.length - 1 && barInSection === section.bars - 1,
      ),
    ),
  );
  const totalBars = roots.length;
  let sungSoFar = false;
  sections.forEach((section, sectionIndex) => {
    const next = sections[sectionIndex + 1];
    const energy = ENERGY[section.kind];
    const rootAt = (barInSection: number) => roots[section.startBar + barInSection]!;

    for (let barInSection = 0; barInSection < section.bars; barInSection++) {
      const barIndex = section.startBar + barInSection;
      const isFinalBar = barIndex === totalBars - 1;
      builder.comp(barIndex, roots[barIndex]!, energy, isFinalBar);
      const bassRests = section.kind === 'intro' && barInSection < section.bars / 2 && section.bars > 1;
      if (!bassRests)
        builder.bassBar(barIndex, roots[barIndex]!, roots[barIndex + 1] ?? 0, energy, isFinalBar);
      builder.drumBar(section, barInSection, barIndex, next?.kind, isFinalBar);
    }

    const sung = SUNG_SECTIONS.has(section.kind);
    if (sung || section.kind === 'solo') {
      for (let first = 0, line = 0; first < section.bars; first += phraseBars, line++) {
        const bars = Math.min(phraseBars, section.bars - first);
        builder.melodyPhrase(section, line, section.startBar + first, bars, rootAt, energy);
        if (sung) {
          builder.cues.push({
            time: builder.time(section.startBar + first, 0, false),
            section: section.kind,
            occurrence: section.occurrence,
            line,
          });
        }
      }
    }
    if (sung) sungSoFar = true;
    else if (sungSoFar && section.kind !== 'intro') {
      // An empty line clears the lyrics display during solos and the outro.
      builder.cues.push({
        time: builder.time(section.startBar, 0, false),
        section: section.kind,
        occurrence: section.occurrence,
        line: -1,
      });
    }
  });
  return { notes: builder.notes, drums: builder.drums, cues: builder.cues };
}
