/**
 * Just enough music theory to write songs that sound intentional: modes, diatonic chords built by
 * stacking thirds inside the mode, and a handful of well-worn progressions. Progressions are written
 * as scale degrees, so the same progression sounds different in dorian than in major.
 */

export const NOTE_NAMES = ['C', 'C#', 'D', 'Eb', 'E', 'F', 'F#', 'G', 'Ab', 'A', 'Bb', 'B'] as const;

export type ModeName =
  'ionian' | 'dorian' | 'phrygian' | 'lydian' | 'mixolydian' | 'aeolian' | 'harmonicMinor';

/** Semitone offsets of the seven degrees of each mode. */
export const MODES: Record<ModeName, readonly number[]> = {
  ionian: [0, 2, 4, 5, 7, 9, 11],
  dorian: [0, 2, 3, 5, 7, 9, 10],
  phrygian: [0, 1, 3, 5, 7, 8, 10],
  lydian: [0, 2, 4, 6, 7, 9, 11],
  mixolydian: [0, 2, 4, 5, 7, 9, 10],
  aeolian: [0, 2, 3, 5, 7, 8, 10],
  harmonicMinor: [0, 2, 3, 5, 7, 8, 11],
};

/** Human-readable mode names, used in key descriptions. */
export const MODE_LABELS: Record<ModeName, string> = {
  ionian: 'major',
  dorian: 'dorian',
  phrygian: 'phrygian',
  lydian: 'lydian',
  mixolydian: 'mixolydian',
  aeolian: 'minor',
  harmonicMinor: 'harmonic minor',
};

/** Whether the mode's tonic triad is major: decides which degrees a pentatonic melody keeps. */
function hasMajorThird(mode: ModeName): boolean {
  return MODES[mode][2] === 4;
}

/**
 * Degrees (0-based) a melody may use. Pentatonic melodies drop the two "leaning" degrees, which is
 * what gives folk and Mandopop ballads their open sound.
 */
export function melodyDegrees(mode: ModeName, pentatonic: boolean): number[] {
  if (!pentatonic) return [0, 1, 2, 3, 4, 5, 6];
  return hasMajorThird(mode) ? [0, 1, 2, 4, 5] : [0, 2, 3, 4, 6];
}

/** MIDI note of a scale degree; degrees beyond 0-6 wrap into neighbouring octaves. */
export function degreeToMidi(tonicMidi: number, mode: ModeName, degree: number): number {
  const steps = MODES[mode];
  const octave = Math.floor(degree / 7);
  const index = ((degree % 7) + 7) % 7;
  return tonicMidi + 12 * octave + steps[index]!;
}

/** Pitch classes of the diatonic chord on a degree: triad, or seventh chord when `size` is 4. */
export function chordDegrees(rootDegree: number, size: 3 | 4): number[] {
  const degrees = [rootDegree, rootDegree + 2, rootDegree + 4];
  if (size === 4) degrees.push(rootDegree + 6);
  return degrees;
}

export function midiToFrequency(midi: number): number {
  return 440 * Math.pow(2, (midi - 69) / 12);
}

export function keyName(tonicPitchClass: number, mode: ModeName): string {
  return `${NOTE_NAMES[((tonicPitchClass % 12) + 12) % 12]} ${MODE_LABELS[mode]}`;
}

export interface Progression {
  readonly name: string;
  /** One 0-based scale degree per bar. */
  readonly degrees: readonly number[];
}

/** Named progressions; styles choose from these by name. */
export const PROGRESSIONS = {
  pop: { name: 'I-V-vi-IV', degrees: [0, 4, 5, 3] },
  sensitive: { name: 'vi-IV-I-V', degrees: [5, 3, 0, 4] },
  fifties: { name: 'I-vi-IV-V', degrees: [0, 5, 3, 4] },
  royalRoad: { name: 'IV-V-iii-vi', degrees: [3, 4, 2, 5] },
  canon: { name: 'I-V-vi-iii-IV-I-IV-V', degrees: [0, 4, 5, 2, 3, 0, 3, 4] },
  aeolianLoop: { name: 'i-VI-III-VII', degrees: [0, 5, 2, 6] },
  minorCadence: { name: 'i-iv-v-i', degrees: [0, 3, 4, 0] },
  andalusian: { name: 'i-VII-VI-V', degrees: [0, 6, 5, 4] },
  epicMinor: { name: 'i-VII-VI-VII', degrees: [0, 6, 5, 6] },
  jazzTurnaround: { name: 'ii-V-I-vi', degrees: [1, 4, 0, 5] },
  rhythmChanges: { name: 'I-vi-ii-V', degrees: [0, 5, 1, 4] },
  dorianVamp: { name: 'i-IV', degrees: [0, 3, 0, 3] },
  lydianFloat: { name: 'I-II-I-vii', degrees: [0, 1, 0, 6] },
  mixoRock: { name: 'I-bVII-IV-I', degrees: [0, 6, 3, 0] },
  plagal: { name: 'I-IV-I-V', degrees: [0, 3, 0, 4] },
  climb: { name: 'I-ii-iii-IV', degrees: [0, 1, 2, 3] },
  folkCircle: { name: 'vi-iii-IV-I', degrees: [5, 2, 3, 0] },
  longMinor: { name: 'i-iv-VII-III-VI-ii-V-i', degrees: [0, 3, 6, 2, 5, 1, 4, 0] },
} satisfies Record<string, Progression>;

export type ProgressionName = keyof typeof PROGRESSIONS;
