/**
 * Song structures (intro, verses, choruses, ...) and the logic that stretches or trims one to a target
 * length. Lengths are whole bars so sections, lyrics and drum fills always line up.
 */

export type SectionKind = 'intro' | 'verse' | 'preChorus' | 'chorus' | 'bridge' | 'solo' | 'outro';

export interface FormSection {
  readonly kind: SectionKind;
  readonly bars: number;
}

/** Sections that carry lyrics (the rest are instrumental). */
export const SUNG_SECTIONS: ReadonlySet<SectionKind> = new Set(['verse', 'preChorus', 'chorus', 'bridge']);

const s = (kind: SectionKind, bars: number): FormSection => ({ kind, bars });

export const SONG_FORMS: Record<string, readonly FormSection[]> = {
  radio: [
    s('intro', 4),
    s('verse', 8),
    s('chorus', 8),
    s('verse', 8),
    s('chorus', 8),
    s('bridge', 8),
    s('chorus', 8),
    s('outro', 4),
  ],
  doubleVerse: [
    s('intro', 4),
    s('verse', 8),
    s('verse', 8),
    s('chorus', 8),
    s('bridge', 4),
    s('chorus', 8),
    s('outro', 4),
  ],
  hookFirst: [
    s('intro', 4),
    s('chorus', 8),
    s('verse', 8),
    s('chorus', 8),
    s('solo', 8),
    s('chorus', 8),
    s('outro', 4),
  ],
  preChorus: [
    s('intro', 4),
    s('verse', 8),
    s('preChorus', 4),
    s('chorus', 8),
    s('verse', 8),
    s('preChorus', 4),
    s('chorus', 8),
    s('outro', 4),
  ],
  ballad: [s('intro', 4), s('verse', 8), s('chorus', 8), s('verse', 8), s('chorus', 8), s('outro', 8)],
  loop: [s('intro', 4), s('verse', 8), s('chorus', 8), s('verse', 8), s('chorus', 8), s('outro', 4)],
  solo: [
    s('intro', 4),
    s('verse', 8),
    s('chorus', 8),
    s('solo', 8),
    s('verse', 8),
    s('chorus', 8),
    s('outro', 4),
  ],
  drift: [s('intro', 8), s('verse', 8), s('chorus', 8), s('bridge', 8), s('chorus', 8), s('outro', 8)],
  // Jazz head: A A B A, a solo chorus, then the last A.
  aaba: [
    s('intro', 4),
    s('verse', 8),
    s('verse', 8),
    s('bridge', 8),
    s('verse', 8),
    s('solo', 8),
    s('verse', 8),
    s('outro', 4),
  ],
};

export const MIN_SONG_SECONDS = 60;
export const MAX_SONG_SECONDS = 180;
/** Ring-out after the last bar, where the final chord and the reverb decay. */
export const TAIL_SECONDS = 2.5;

const isCore = (kind: SectionKind) => kind === 'intro' || kind === 'outro';

/** What a too-short song gets more of, in turn, so it grows like a song rather than a loop. */
const GROWTH_ORDER: readonly SectionKind[] = ['verse', 'chorus', 'bridge', 'chorus'];

/**
 * Adjusts a form until its length lands within ~12 s of the target: trims 8-bar sections to 4 bars or
 * drops a repeated section when too long, inserts verses, choruses and a bridge before the outro when too short.
 */
export function fitForm(
  form: readonly FormSection[],
  barSeconds: number,
  targetSeconds: number,
): FormSection[] {
  const sections = [...form];
  const maxMusic = MAX_SONG_SECONDS - TAIL_SECONDS - 1;
  const minMusic = MIN_SONG_SECONDS - TAIL_SECONDS + 1;
  const low = Math.max(minMusic, targetSeconds - 12);
  const high = Math.min(maxMusic, targetSeconds + 12);
  const seconds = () => sections.reduce((sum, section) => sum + section.bars, 0) * barSeconds;
  let added = 0;

  for (let guard = 0; guard < 40; guard++) {
    const length = seconds();
    if (length > high) {
      const longIndex = sections.findLastIndex((section) => section.bars === 8 && !isCore(section.kind));
      if (longIndex >= 0) {
        sections[longIndex] = s(sections[longIndex]!.kind, 4);
        continue;
      }
      // Everything is already short: drop the last repeated verse/chorus/bridge/solo.
      const dropIndex = sections.findLastIndex(
        (section, index) =>
          !isCore(section.kind) && sections.findIndex((other) => other.kind === section.kind) !== index,
      );
      if (dropIndex < 0) break;
      sections.splice(dropIndex, 1);
    } else if (length < low) {
      const extraBars = length + 8 * barSeconds <= high ? 8 : 4;
      const outroIndex = sections.findLastIndex((section) => section.kind === 'outro');
      const kind = GROWTH_ORDER[added++ % GROWTH_ORDER.length]!;
      sections.splice(outroIndex < 0 ? sections.length : outroIndex, 0, s(kind, extraBars));
    } else {
      break;
    }
  }
  const total = seconds() + TAIL_SECONDS;
  if (total < MIN_SONG_SECONDS || total > MAX_SONG_SECONDS) {
    throw new Error(`Could not fit song form to ${targetSeconds}s (got ${total.toFixed(1)}s)`);
  }
  return sections;
}
