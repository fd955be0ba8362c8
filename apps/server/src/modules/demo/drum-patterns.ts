/**
 * One-bar drum patterns on a 16th-note grid ("x" = hit, "o" = soft ghost hit, "." = rest). A bar in
 * 3/4 has 12 steps. Styles pick from these by name; the arranger thins them out for quiet sections
 * and adds the crash cymbal itself at section starts.
 */

export type DrumVoice =
  'kick' | 'snare' | 'clap' | 'closedHat' | 'openHat' | 'rim' | 'shaker' | 'ride' | 'tom' | 'crash';

export const DRUM_VOICES: readonly DrumVoice[] = [
  'kick',
  'snare',
  'clap',
  'closedHat',
  'openHat',
  'rim',
  'shaker',
  'ride',
  'tom',
  'crash',
];

export interface DrumPattern {
  readonly name: string;
  readonly beatsPerBar: 3 | 4;
  readonly steps: Partial<Record<DrumVoice, string>>;
}

export const DRUM_PATTERNS = {
  fourOnFloor: {
    name: 'four-on-the-floor',
    beatsPerBar: 4,
    steps: {
      kick: 'x...x...x...x...',
      clap: '....x.......x...',
      closedHat: 'x.x.x.x.x.x.x.x.',
      openHat: '..x...x...x...x.',
    },
  },
  synthDisco: {
    name: 'synth disco',
    beatsPerBar: 4,
    steps: {
      kick: 'x...x...x...x...',
      snare: '....x.......x...',
      closedHat: 'xxxxxxxxxxxxxxxx',
      openHat: '......x.......x.',
    },
  },
  backbeat: {
    name: 'rock backbeat',
    beatsPerBar: 4,
    steps: { kick: 'x.....x.x.......', snare: '....x.......x...', closedHat: 'x.x.x.x.x.x.x.x.' },
  },
  driving: {
    name: 'driving rock',
    beatsPerBar: 4,
    steps: { kick: 'x.x...x.x.x...x.', snare: '....x.......x..o', closedHat: 'x.x.x.x.x.x.x.x.' },
  },
  boomBap: {
    name: 'boom bap',
    beatsPerBar: 4,
    steps: {
      kick: 'x......x..x.....',
      snare: '....x.......x...',
      closedHat: 'x.x.x.x.x.x.x.xo',
    },
  },
  lazyBreak: {
    name: 'lazy break',
    beatsPerBar: 4,
    steps: {
      kick: 'x.....x...x..x..',
      snare: '....x..o....x...',
      closedHat: 'x.xox.x.x.xox.x.',
      rim: '.......x........',
    },
  },
  halfTime: {
    name: 'half time',
    beatsPerBar: 4,
    steps: { kick: 'x.........x.....', snare: '........x.......', closedHat: 'x...x...x...x...' },
  },
  chipDrive: {
    name: 'chip drive',
    beatsPerBar: 4,
    steps: { kick: 'x...x...x..x.x..', snare: '....x..x....x...', closedHat: 'x.xxx.xxx.xxx.xx' },
  },
  chipGallop: {
    name: 'chip gallop',
    beatsPerBar: 4,
    steps: { kick: 'x..x..x.x..x..x.', snare: '....x.......x.x.', closedHat: 'xxx.xxx.xxx.xxx.' },
  },
  jazzRide: {
    name: 'swing ride',
    beatsPerBar: 4,
    steps: { ride: 'x...x.xox...x.xo', closedHat: '....x.......x...', kick: 'o.......o.......' },
  },
  brushes: {
    name: 'brushes',
    beatsPerBar: 4,
    steps: { shaker: 'xoxoxoxoxoxoxoxo', rim: '....x.......x...', kick: 'x.......x.......' },
  },
  folkShuffle: {
    name: 'folk shuffle',
    beatsPerBar: 4,
    steps: { kick: 'x.....x.x.......', rim: '....x.......x..o', shaker: 'xoxoxoxoxoxoxoxo' },
  },
  folkStomp: {
    name: 'folk stomp',
    beatsPerBar: 4,
    steps: { kick: 'x...x...x...x...', tom: '......x.......x.', shaker: 'x.x.x.x.x.x.x.x.' },
  },
  waltz: {
    name: 'waltz',
    beatsPerBar: 3,
    steps: { kick: 'x...........', rim: '....x...x...', shaker: 'x.x.x.x.x.x.' },
  },
  balladWaltz: {
    name: 'ballad waltz',
    beatsPerBar: 3,
    steps: { kick: 'x.......x...', snare: '....x.......', closedHat: 'x.x.x.x.x.x.' },
  },
  ambientPulse: {
    name: 'ambient pulse',
    beatsPerBar: 4,
    steps: { kick: 'x.......x.......', rim: '............x...', shaker: '..x...x...x...x.' },
  },
  ambientTick: {
    name: 'ambient tick',
    beatsPerBar: 4,
    steps: { kick: 'x..........x....', closedHat: '..o...o...o...o.', rim: '......x.........' },
  },
  ballad: {
    name: 'ballad',
    beatsPerBar: 4,
    steps: { kick: 'x.......x.x.....', snare: '....x.......x...', closedHat: 'x.x.x.x.x.x.x.x.' },
  },
  balladSoft: {
    name: 'soft ballad',
    beatsPerBar: 4,
    steps: { kick: 'x.........x.....', rim: '....x.......x...', shaker: 'x.x.x.x.x.x.x.x.' },
  },
} satisfies Record<string, DrumPattern>;

export type DrumPatternName = keyof typeof DRUM_PATTERNS;

/** Step strength: 1 for "x", 0.45 for a ghost "o", 0 for rest. */
export function stepVelocity(symbol: string | undefined): number {
  if (symbol === 'x') return 1;
  if (symbol === 'o') return 0.45;
  return 0;
}
