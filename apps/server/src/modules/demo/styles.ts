/**
 * Musical styles: the palette each album draws from. A style bounds the choices (tempo range, modes,
 * progressions, sounds, grooves); the composer then picks a different combination for every track,
 * so an album sounds coherent while its tracks stay distinct.
 */
import type { ModeName, ProgressionName } from './music-theory.ts';
import type { DrumPatternName } from './drum-patterns.ts';
import type { KitName, PatchName } from './instruments.ts';

/** How the chord instrument plays each bar. */
export type CompStyle = 'pad' | 'stabs' | 'arpeggio' | 'strum' | 'broken' | 'charleston' | 'pulse';
/** How the bass plays each bar. */
export type BassStyle = 'whole' | 'eighths' | 'octaves' | 'rootFifth' | 'walking' | 'syncopated';

export type StyleId =
  'synthpop' | 'mandopop' | 'chiptune' | 'lofi' | 'indieRock' | 'folk' | 'ambient' | 'jazz';

export interface Style {
  readonly id: StyleId;
  readonly genre: string;
  readonly tempo: readonly [number, number];
  readonly modes: readonly ModeName[];
  /** Pentatonic melodies (folk, Mandopop) over diatonic harmony. */
  readonly pentatonic: boolean;
  readonly progressions: readonly ProgressionName[];
  readonly drumPatterns: readonly DrumPatternName[];
  readonly kits: readonly KitName[];
  readonly leads: readonly PatchName[];
  readonly chordSounds: readonly PatchName[];
  readonly basses: readonly PatchName[];
  readonly comping: readonly CompStyle[];
  readonly bassLines: readonly BassStyle[];
  readonly forms: readonly string[];
  /** Probability of seventh chords instead of triads. */
  readonly sevenths: number;
  /** Swing range: how late the off-beat 16ths land (fraction of a 16th). */
  readonly swing: readonly [number, number];
  /** 0-1: how busy the melody is. */
  readonly melodyDensity: number;
  /** MIDI note around which the melody sits. */
  readonly melodyCenter: number;
  /** Reverb send range. */
  readonly reverb: readonly [number, number];
  /** Timing wobble in seconds, for styles that should not sound quantized. */
  readonly humanize: number;
  readonly vinyl: boolean;
}

export const STYLES: Record<StyleId, Style> = {
  synthpop: {
    id: 'synthpop',
    genre: 'Synthpop',
    tempo: [106, 126],
    modes: ['ionian', 'aeolian', 'mixolydian', 'dorian'],
    pentatonic: false,
    progressions: ['pop', 'sensitive', 'aeolianLoop', 'epicMinor', 'fifties'],
    drumPatterns: ['synthDisco', 'fourOnFloor', 'backbeat'],
    kits: ['electronic', 'boomy'],
    leads: ['sawLead', 'squareLead', 'bell'],
    chordSounds: ['warmPad', 'stabSquare', 'ePiano'],
    basses: ['acidBass', 'pickBass', 'subBass'],
    comping: ['pad', 'stabs', 'arpeggio', 'pulse'],
    bassLines: ['eighths', 'octaves', 'syncopated'],
    forms: ['radio', 'doubleVerse', 'hookFirst', 'preChorus'],
    sevenths: 0.15,
    swing: [0, 0],
    melodyDensity: 0.6,
    melodyCenter: 72,
    reverb: [0.22, 0.32],
    humanize: 0,
    vinyl: false,
  },
  mandopop: {
    id: 'mandopop',
    genre: 'Mandopop',
    tempo: [64, 84],
    modes: ['ionian', 'aeolian'],
    pentatonic: true,
    progressions: ['royalRoad', 'canon', 'sensitive', 'fifties', 'folkCircle'],
    drumPatterns: ['ballad', 'balladSoft', 'balladWaltz'],
    kits: ['acoustic', 'soft'],
    leads: ['flute', 'whistle', 'softSaw', 'guzheng'],
    chordSounds: ['pianoish', 'nylonGuitar', 'warmPad'],
    basses: ['roundBass', 'subBass'],
    comping: ['broken', 'pad', 'strum'],
    bassLines: ['rootFifth', 'whole'],
    forms: ['ballad', 'preChorus', 'radio'],
    sevenths: 0.25,
    swing: [0, 0],
    melodyDensity: 0.45,
    melodyCenter: 71,
    reverb: [0.35, 0.45],
    humanize: 0.008,
    vinyl: false,
  },
  chiptune: {
    id: 'chiptune',
    genre: 'Chiptune',
    tempo: [132, 168],
    modes: ['ionian', 'aeolian', 'mixolydian', 'harmonicMinor', 'dorian'],
    pentatonic: false,
    progressions: ['pop', 'andalusian', 'minorCadence', 'epicMinor', 'climb'],
    drumPatterns: ['chipDrive', 'chipGallop'],
    kits: ['chip'],
    leads: ['chipPulse', 'squareLead'],
    chordSounds: ['chipArp'],
    basses: ['chipBass'],
    comping: ['arpeggio'],
    bassLines: ['octaves', 'eighths'],
    forms: ['radio', 'hookFirst', 'solo'],
    sevenths: 0,
    swing: [0, 0],
    melodyDensity: 0.75,
    melodyCenter: 76,
    reverb: [0.05, 0.1],
    humanize: 0,
    vinyl: false,
  },
  lofi: {
    id: 'lofi',
    genre: 'Lo-fi Hip Hop',
    tempo: [70, 90],
    modes: ['dorian', 'aeolian', 'ionian'],
    pentatonic: false,
    progressions: ['jazzTurnaround', 'rhythmChanges', 'dorianVamp', 'aeolianLoop', 'royalRoad'],
    drumPatterns: ['boomBap', 'lazyBreak'],
    kits: ['dusty'],
    leads: ['bell', 'whistle', 'softSaw'],
    chordSounds: ['ePiano', 'warmPad', 'organ'],
    basses: ['roundBass', 'subBass'],
    comping: ['stabs', 'pad', 'charleston'],
    bassLines: ['syncopated', 'whole', 'rootFifth'],
    forms: ['loop', 'doubleVerse', 'radio'],
    sevenths: 0.9,
    swing: [0.12, 0.25],
    melodyDensity: 0.4,
    melodyCenter: 72,
    reverb: [0.25, 0.35],
    humanize: 0.012,
    vinyl: true,
  },
  indieRock: {
    id: 'indieRock',
    genre: 'Indie Rock',
    tempo: [128, 156],
    modes: ['ionian', 'mixolydian', 'aeolian'],
    pentatonic: false,
    progressions: ['pop', 'mixoRock', 'plagal', 'climb', 'fifties'],
    drumPatterns: ['backbeat', 'driving'],
    kits: ['acoustic'],
    leads: ['squareLead', 'softSaw', 'sawLead'],
    chordSounds: ['steelGuitar', 'organ'],
    basses: ['pickBass', 'roundBass'],
    comping: ['strum', 'pulse'],
    bassLines: ['eighths', 'rootFifth'],
    forms: ['radio', 'doubleVerse', 'solo'],
    sevenths: 0,
    swing: [0, 0],
    melodyDensity: 0.55,
    melodyCenter: 69,
    reverb: [0.15, 0.22],
    humanize: 0.006,
    vinyl: false,
  },
  folk: {
    id: 'folk',
    genre: 'Folk',
    tempo: [84, 108],
    modes: ['ionian', 'aeolian', 'dorian'],
    pentatonic: true,
    progressions: ['folkCircle', 'plagal', 'royalRoad', 'dorianVamp', 'pop'],
    drumPatterns: ['folkShuffle', 'folkStomp', 'waltz'],
    kits: ['soft', 'acoustic'],
    leads: ['guzheng', 'flute', 'whistle'],
    chordSounds: ['nylonGuitar', 'steelGuitar'],
    basses: ['uprightBass', 'roundBass'],
    comping: ['strum', 'arpeggio'],
    bassLines: ['rootFifth', 'whole'],
    forms: ['ballad', 'doubleVerse', 'solo'],
    sevenths: 0,
    swing: [0, 0.1],
    melodyDensity: 0.5,
    melodyCenter: 74,
    reverb: [0.25, 0.35],
    humanize: 0.01,
    vinyl: false,
  },
  ambient: {
    id: 'ambient',
    genre: 'Ambient',
    tempo: [60, 78],
    modes: ['lydian', 'dorian', 'mixolydian', 'ionian'],
    pentatonic: false,
    progressions: ['lydianFloat', 'dorianVamp', 'climb', 'plagal'],
    drumPatterns: ['ambientPulse', 'ambientTick', 'halfTime'],
    kits: ['soft'],
    leads: ['bell', 'whistle', 'softSaw'],
    chordSounds: ['glassPad', 'warmPad'],
    basses: ['subBass'],
    comping: ['pad', 'arpeggio'],
    bassLines: ['whole'],
    forms: ['drift', 'ballad'],
    sevenths: 0.5,
    swing: [0, 0],
    melodyDensity: 0.3,
    melodyCenter: 74,
    reverb: [0.5, 0.65],
    humanize: 0.01,
    vinyl: false,
  },
  jazz: {
    id: 'jazz',
    genre: 'Jazz',
    tempo: [96, 138],
    modes: ['ionian', 'dorian', 'mixolydian'],
    pentatonic: false,
    progressions: ['jazzTurnaround', 'rhythmChanges', 'longMinor'],
    drumPatterns: ['jazzRide', 'brushes'],
    kits: ['acoustic'],
    leads: ['softSaw', 'flute', 'organ'],
    chordSounds: ['pianoish', 'ePiano'],
    basses: ['uprightBass'],
    comping: ['charleston', 'stabs'],
    bassLines: ['walking'],
    forms: ['aaba', 'solo'],
    sevenths: 1,
    swing: [0.28, 0.34],
    melodyDensity: 0.55,
    melodyCenter: 70,
    reverb: [0.2, 0.3],
    humanize: 0.01,
    vinyl: false,
  },
};
