/**
 * The synthesizer: oscillators, envelopes and a filter for pitched parts, plus noise-and-sine drum
 * voices. Everything writes straight into the mix buffers with a pan position and a reverb send, so
 * rendering a whole song needs only three full-length buffers.
 */
import { midiToFrequency } from './music-theory.ts';
import type { DrumVoice } from './drum-patterns.ts';
import type { Rng } from './prng.ts';

export type Waveform = 'sine' | 'triangle' | 'saw' | 'square' | 'supersaw' | 'fm' | 'pluck' | 'organ';

export interface TonePatch {
  readonly wave: Waveform;
  /** Envelope: seconds for attack/decay/release, level 0-1 for sustain. */
  readonly attack: number;
  readonly decay: number;
  readonly sustain: number;
  readonly release: number;
  /** Low-pass cutoff in Hz, plus an extra amount at note start that falls away with `decay`. */
  readonly cutoff: number;
  readonly cutoffEnv: number;
  /** 0 (smooth) to 0.85 (squelchy). */
  readonly resonance: number;
  /** Detune in cents between the voices of a supersaw. */
  readonly detune?: number;
  /** Vibrato depth in cents and rate in Hz; it fades in so short notes stay clean. */
  readonly vibrato?: number;
  readonly vibratoRate?: number;
  readonly pulseWidth?: number;
  /** FM: modulator frequency ratio and peak modulation index (radians). */
  readonly fmRatio?: number;
  readonly fmIndex?: number;
  /** Pluck: 0 (dull nylon) to 1 (bright steel). */
  readonly brightness?: number;
  readonly gain: number;
}

/** Named sounds. Styles list the ones that suit them and the composer picks per track. */
export const TONE_PATCHES = {
  // leads
  sawLead: {
    wave: 'saw',
    attack: 0.01,
    decay: 0.3,
    sustain: 0.7,
    release: 0.15,
    cutoff: 2400,
    cutoffEnv: 2500,
    resonance: 0.35,
    vibrato: 12,
    vibratoRate: 5.5,
    gain: 0.5,
  },
  squareLead: {
    wave: 'square',
    attack: 0.005,
    decay: 0.2,
    sustain: 0.6,
    release: 0.1,
    cutoff: 3200,
    cutoffEnv: 1500,
    resonance: 0.2,
    pulseWidth: 0.5,
    vibrato: 10,
    vibratoRate: 6,
    gain: 0.42,
  },
  chipPulse: {
    wave: 'square',
    attack: 0.002,
    decay: 0.08,
    sustain: 0.8,
    release: 0.03,
    cutoff: 6500,
    cutoffEnv: 0,
    resonance: 0,
    pulseWidth: 0.25,
    vibrato: 18,
    vibratoRate: 7,
    gain: 0.36,
  },
  flute: {
    wave: 'triangle',
    attack: 0.06,
    decay: 0.4,
    sustain: 0.8,
    release: 0.25,
    cutoff: 3000,
    cutoffEnv: 0,
    resonance: 0.05,
    vibrato: 16,
    vibratoRate: 4.8,
    gain: 0.9,
  },
  whistle: {
    wave: 'sine',
    attack: 0.04,
    decay: 0.3,
    sustain: 0.85,
    release: 0.2,
    cutoff: 6000,
    cutoffEnv: 0,
    resonance: 0,
    vibrato: 20,
    vibratoRate: 5.2,
    gain: 0.75,
  },
  bell: {
    wave: 'fm',
    attack: 0.002,
    decay: 1.2,
    sustain: 0,
    release: 0.6,
    cutoff: 6000,
    cutoffEnv: 0,
    resonance: 0,
    fmRatio: 3.5,
    fmIndex: 2.2,
    gain: 0.6,
  },
  softSaw: {
    wave: 'saw',
    attack: 0.05,
    decay: 0.5,
    sustain: 0.6,
    release: 0.3,
    cutoff: 1400,
    cutoffEnv: 600,
    resonance: 0.1,
    vibrato: 8,
    vibratoRate: 4.5,
    gain: 0.55,
  },
  guzheng: {
    wave: 'pluck',
    attack: 0.001,
    decay: 2.5,
    sustain: 1,
    release: 0.15,
    cutoff: 6500,
    cutoffEnv: 0,
    resonance: 0,
    brightness: 0.85,
    vibrato: 14,
    vibratoRate: 5,
    gain: 0.9,
  },
  // chords and keys
  warmPad: {
    wave: 'supersaw',
    attack: 0.6,
    decay: 1,
    sustain: 0.8,
    release: 0.9,
    cutoff: 1100,
    cutoffEnv: 300,
    resonance: 0.1,
    detune: 14,
    gain: 0.22,
  },
  glassPad: {
    wave: 'supersaw',
    attack: 1.2,
    decay: 2,
    sustain: 0.7,
    release: 1.8,
    cutoff: 2200,
    cutoffEnv: 0,
    resonance: 0.2,
    detune: 22,
    gain: 0.16,
  },
  ePiano: {
    wave: 'fm',
    attack: 0.003,
    decay: 0.9,
    sustain: 0.25,
    release: 0.35,
    cutoff: 4500,
    cutoffEnv: 0,
    resonance: 0,
    fmRatio: 1,
    fmIndex: 1.6,
    gain: 0.34,
  },
  organ: {
    wave: 'organ',
    attack: 0.01,
    decay: 0.2,
    sustain: 0.9,
    release: 0.08,
    cutoff: 3500,
    cutoffEnv: 0,
    resonance: 0,
    vibrato: 6,
    vibratoRate: 6.5,
    gain: 0.24,
  },
  nylonGuitar: {
    wave: 'pluck',
    attack: 0.001,
    decay: 1.6,
    sustain: 1,
    release: 0.08,
    cutoff: 5000,
    cutoffEnv: 0,
    resonance: 0,
    brightness: 0.45,
    gain: 0.55,
  },
  steelGuitar: {
    wave: 'pluck',
    attack: 0.001,
    decay: 2.2,
    sustain: 1,
    release: 0.1,
    cutoff: 7000,
    cutoffEnv: 0,
    resonance: 0,
    brightness: 0.95,
    gain: 0.45,
  },
  stabSquare: {
    wave: 'square',
    attack: 0.003,
    decay: 0.12,
    sustain: 0.2,
    release: 0.06,
    cutoff: 2000,
    cutoffEnv: 2500,
    resonance: 0.45,
    pulseWidth: 0.4,
    gain: 0.22,
  },
  chipArp: {
    wave: 'square',
    attack: 0.001,
    decay: 0.05,
    sustain: 0.6,
    release: 0.02,
    cutoff: 6500,
    cutoffEnv: 0,
    resonance: 0,
    pulseWidth: 0.125,
    gain: 0.2,
  },
  pianoish: {
    wave: 'fm',
    attack: 0.002,
    decay: 1.4,
    sustain: 0.1,
    release: 0.5,
    cutoff: 5000,
    cutoffEnv: 2000,
    resonance: 0,
    fmRatio: 2,
    fmIndex: 1.1,
    gain: 0.32,
  },
  // bass
  subBass: {
    wave: 'sine',
    attack: 0.005,
    decay: 0.3,
    sustain: 0.9,
    release: 0.08,
    cutoff: 800,
    cutoffEnv: 0,
    resonance: 0,
    gain: 0.85,
  },
  acidBass: {
    wave: 'saw',
    attack: 0.003,
    decay: 0.18,
    sustain: 0.4,
    release: 0.05,
    cutoff: 380,
    cutoffEnv: 1800,
    resonance: 0.7,
    gain: 0.6,
  },
  roundBass: {
    wave: 'triangle',
    attack: 0.004,
    decay: 0.4,
    sustain: 0.7,
    release: 0.08,
    cutoff: 1200,
    cutoffEnv: 0,
    resonance: 0,
    gain: 0.95,
  },
  pickBass: {
    wave: 'saw',
    attack: 0.003,
    decay: 0.35,
    sustain: 0.5,
    release: 0.06,
    cutoff: 650,
    cutoffEnv: 900,
    resonance: 0.2,
    gain: 0.6,
  },
  uprightBass: {
    wave: 'pluck',
    attack: 0.002,
    decay: 1.2,
    sustain: 1,
    release: 0.1,
    cutoff: 1500,
    cutoffEnv: 0,
    resonance: 0,
    brightness: 0.25,
    gain: 1.1,
  },
  chipBass: {
    wave: 'triangle',
    attack: 0.001,
    decay: 0.05,
    sustain: 0.9,
    release: 0.02,
    cutoff: 6500,
    cutoffEnv: 0,
    resonance: 0,
    gain: 0.9,
  },
} satisfies Record<string, TonePatch>;

export type PatchName = keyof typeof TONE_PATCHES;

export interface MixTarget {
  readonly left: Float32Array;
  readonly right: Float32Array;
  /** Mono reverb send bus. */
  readonly send: Float32Array;
  readonly sampleRate: number;
}

export interface Placement {
  /** -1 (left) to 1 (right). */
  readonly pan: number;
  /** 0-1 amount sent to the reverb. */
  readonly send: number;
}

const SINE_TABLE_SIZE = 4096;
/** Sine lookup with one guard sample, so interpolation never reads past the end. */
const SINE_TABLE = (() => {
  const table = new Float32Array(SINE_TABLE_SIZE + 1);
  for (let i = 0; i <= SINE_TABLE_SIZE; i++) table[i] = Math.sin((2 * Math.PI * i) / SINE_TABLE_SIZE);
  return table;
})();

/** Sine of a phase given in cycles (any real number). Cheaper than Math.sin in the inner loops. */
function sineCycles(phase: number): number {
  const position = (phase - Math.floor(phase)) * SINE_TABLE_SIZE;
  const index = position | 0;
  const frac = position - index;
  const a = SINE_TABLE[index]!;
  return a + (SINE_TABLE[index + 1]! - a) * frac;
}

/** PolyBLEP correction: removes most aliasing from saw and square edges at almost no cost. */
function polyBlep(phase: number, increment: number): number {
  if (phase < increment) {
    const t = phase / increment;
    return t + t - t * t - 1;
  }
  if (phase > 1 - increment) {
    const t = (phase - 1) / increment;
    return t * t + t + t + 1;
  }
  return 0;
}

// Scratch buffers reused across notes; they only grow.
let scratchIncrement = new Float32Array(0);
let scratchSignal = new Float32Array(0);
function ensureScratch(length: number): void {
  if (scratchSignal.length >= length) return;
  scratchIncrement = new Float32Array(length);
  scratchSignal = new Float32Array(length);
}

/** Per-sample phase increments (cycles/sample), with a delayed vibrato. */
function fillIncrements(length: number, frequency: number, patch: TonePatch, sampleRate: number): void {
  const base = frequency / sampleRate;
  const depth = (patch.vibrato ?? 0) / 1200;
  const rate = patch.vibratoRate ?? 5;
  const fadeInStart = 0.18 * sampleRate;
  const fadeInLength = 0.25 * sampleRate;
  for (let i = 0; i < length; i += 64) {
    let increment = base;
    if (depth > 0 && i > fadeInStart) {
      const amount = Math.min(1, (i - fadeInStart) / fadeInLength);
      increment = base * Math.pow(2, depth * amount * sineCycles((rate * i) / sampleRate));
    }
    const end = Math.min(length, i + 64);
    for (let j = i; j < end; j++) scratchIncrement[j] = increment;
  }
}

function fillOscillator(
  length: number,
  patch: TonePatch,
  frequency: number,
  sampleRate: number,
  rng: Rng,
): void {
  const inc = scratchIncrement;
  const out = scratchSignal;
  switch (patch.wave) {
    case 'sine': {
      let phase = 0;
      for (let i = 0; i < length; i++) {
        out[i] = sineCycles(phase);
        phase += inc[i]!;
      }
      return;
    }
    case 'triangle': {
      let phase = 0;
      for (let i = 0; i < length; i++) {
        out[i] = 4 * Math.abs(phase - 0.5) - 1;
        phase += inc[i]!;
        if (phase >= 1) phase -= 1;
      }
      return;
    }
    case 'saw': {
      let phase = 0;
      for (let i = 0; i < length; i++) {
        const dt = inc[i]!;
        out[i] = 2 * phase - 1 - polyBlep(phase, dt);
        phase += dt;
        if (phase >= 1) phase -= 1;
      }
      return;
    }
    case 'square': {
      const width = patch.pulseWidth ?? 0.5;
      // A narrow pulse spends most of its time low; subtracting its average keeps it centred on zero.
      const offset = 2 * width - 1;
      let phase = 0;
      for (let i = 0; i < length; i++) {
        const dt = inc[i]!;
        let shifted = phase + 1 - width;
        if (shifted >= 1) shifted -= 1;
        out[i] = (phase < width ? 1 : -1) - offset + polyBlep(phase, dt) - polyBlep(shifted, dt);
        phase += dt;
        if (phase >= 1) phase -= 1;
      }
      return;
    }
    case 'supersaw': {
      // Three detuned saws with random start phases: the chorus-like shimmer of a synth pad.
      const spread = Math.pow(2, (patch.detune ?? 12) / 1200);
      let p1 = rng.next();
      let p2 = rng.next();
      let p3 = rng.next();
      for (let i = 0; i < length; i++) {
        const dt = inc[i]!;
        const d1 = dt / spread;
        const d3 = dt * spread;
        out[i] =
          (2 * p1 -
            1 -
            polyBlep(p1, d1) +
            (2 * p2 - 1 - polyBlep(p2, dt)) +
            (2 * p3 - 1 - polyBlep(p3, d3))) *
          0.45;
        p1 += d1;
        if (p1 >= 1) p1 -= 1;
        p2 += dt;
        if (p2 >= 1) p2 -= 1;
        p3 += d3;
        if (p3 >= 1) p3 -= 1;
      }
      return;
    }
    case 'fm': {
      // Two-operator FM whose index decays: the classic electric piano / bell recipe.
      const ratio = patch.fmRatio ?? 1;
      const peakIndex = (patch.fmIndex ?? 1) / (2 * Math.PI);
      const indexDecay = Math.exp(-1 / (Math.max(0.05, patch.decay * 0.5) * sampleRate));
      let carrier = 0;
      let modulator = 0;
      let index = peakIndex;
      for (let i = 0; i < length; i++) {
        const dt = inc[i]!;
        out[i] = sineCycles(carrier + index * sineCycles(modulator));
        carrier += dt;
        modulator += dt * ratio;
        index = index * indexDecay + peakIndex * 0.08 * (1 - indexDecay);
      }
      return;
    }
    case 'organ': {
      let phase = 0;
      for (let i = 0; i < length; i++) {
        out[i] =
          (sineCycles(phase) +
            0.5 * sineCycles(2 * phase) +
            0.3 * sineCycles(3 * phase) +
            0.15 * sineCycles(4 * phase)) *
          0.6;
        phase += inc[i]!;
        if (phase >= 1000) phase -= 1000;
      }
      return;
    }
    case 'pluck':
      fillPluck(length, patch, frequency, sampleRate, rng);
      return;
  }
}

/**
 * Karplus-Strong plucked string. The loop delay is fractional (two-tap interpolation) so high notes
 * stay in tune; the per-period loss sets how long the string rings (`decay` = seconds to -60 dB).
 */
function fillPluck(length: number, patch: TonePatch, frequency: number, sampleRate: number, rng: Rng): void {
  const period = sampleRate / frequency;
  const whole = Math.max(2, Math.floor(period));
  const frac = period - whole;
  const size = whole + 1;
  const history = new Float32Array(size);
  const brightness = patch.brightness ?? 0.6;
  let smoothed = 0;
  let mean = 0;
  for (let i = 0; i < size; i++) {
    smoothed += (rng.next() * 2 - 1 - smoothed) * (0.15 + 0.85 * brightness);
    history[i] = smoothed;
    mean += smoothed / size;
  }
  // The loop keeps any DC in the burst forever (it only sums and scales), so remove it up front.
  for (let i = 0; i < size; i++) history[i] = history[i]! - mean;
  const loss = Math.pow(10, -3 / (Math.max(0.1, patch.decay) * frequency));
  const out = scratchSignal;
  for (let n = 0; n < length; n++) {
    const older = n % size;
    const newer = (n + 1) % size;
    const value = loss * ((1 - frac) * history[newer]! + frac * history[older]!);
    history[older] = value;
    out[n] = value;
  }
}

/**
 * Renders one note: oscillator, then a resonant state-variable low-pass, then the ADSR envelope, then
 * panned into the mix and the reverb send.
 */
export function renderTone(
  target: MixTarget,
  patch: TonePatch,
  midi: number,
  startSec: number,
  durationSec: number,
  velocity: number,
  placement: Placement,
  rng: Rng,
): void {
  const sampleRate = target.sampleRate;
  const start = Math.round(startSec * sampleRate);
  const gate = Math.max(1, Math.round(durationSec * sampleRate));
  const releaseLength = Math.max(1, Math.round(patch.release * sampleRate));
  const length = Math.min(gate + releaseLength, target.left.length - start);
  if (length <= 0 || start < 0) return;
  const frequency = midiToFrequency(midi);

  ensureScratch(length);
  fillIncrements(length, frequency, patch, sampleRate);
  fillOscillator(length, patch, frequency, sampleRate, rng);

  const attackLength = Math.max(1, patch.attack * sampleRate);
  const decayCoefficient = Math.exp(-1 / (Math.max(0.005, patch.decay) * sampleRate * 0.35));
  const releaseCoefficient = Math.exp(-5 / releaseLength);
  const filterDecay = Math.exp(-64 / (Math.max(0.01, patch.decay) * sampleRate));
  // Damping k: 2 is a gentle slope, smaller values resonate around the cutoff.
  const k = 2 - 2 * Math.min(0.85, patch.resonance);
  const maximumCutoff = sampleRate * 0.45;
  const minimumCutoff = Math.min(maximumCutoff, frequency * 1.5);

  const amplitude = velocity * patch.gain;
  const angle = ((Math.max(-1, Math.min(1, placement.pan)) + 1) * Math.PI) / 4;
  const gainLeft = Math.cos(angle) * amplitude;
  const gainRight = Math.sin(angle) * amplitude;
  const gainSend = placement.send * amplitude;
  const { left, right, send } = target;
  const signal = scratchSignal;

  let envelope = 0;
  let filterEnvelope = 1;
  // Zero-delay-feedback state-variable filter (Zavalishin): stable at any cutoff and resonance.
  let ic1 = 0;
  let ic2 = 0;
  let a1 = 0;
  let a2 = 0;
  let a3 = 0;
  for (let i = 0; i < length; i++) {
    if ((i & 63) === 0) {
      const cutoff = Math.min(
        maximumCutoff,
        Math.max(minimumCutoff, patch.cutoff + patch.cutoffEnv * filterEnvelope),
      );
      const g = Math.tan((Math.PI * cutoff) / sampleRate);
      a1 = 1 / (1 + g * (g + k));
      a2 = g * a1;
      a3 = g * a2;
      filterEnvelope *= filterDecay;
    }
    if (i >= gate) envelope *= releaseCoefficient;
    else if (i < attackLength) envelope = i / attackLength;
    else envelope = patch.sustain + (envelope - patch.sustain) * decayCoefficient;

    const v3 = signal[i]! - ic2;
    const v1 = a1 * ic1 + a2 * v3;
    const v2 = ic2 + a2 * ic1 + a3 * v3;
    ic1 = 2 * v1 - ic1;
    ic2 = 2 * v2 - ic2;
    const value = v2 * envelope;
    const at = start + i;
    left[at] = left[at]! + value * gainLeft;
    right[at] = right[at]! + value * gainRight;
    send[at] = send[at]! + value * gainSend;
  }
}

export interface DrumKit {
  /** Kick: end pitch (Hz), extra starting pitch, and decay (s). */
  readonly kickPitch: number;
  readonly kickSweep: number;
  readonly kickDecay: number;
  /** Snare body pitch (Hz) and noise decay (s). */
  readonly snarePitch: number;
  readonly snareDecay: number;
  /** Hi-hat decay (s); open hats ring `openHatFactor` times longer. */
  readonly hatDecay: number;
  readonly openHatFactor: number;
  /** 0-1: how much low end is removed from the hat noise. */
  readonly hatBrightness: number;
  /** Quantize noise to 1 bit, like a game console's noise channel. */
  readonly crunchy: boolean;
  readonly gain: number;
}

export const DRUM_KITS = {
  electronic: {
    kickPitch: 48,
    kickSweep: 120,
    kickDecay: 0.38,
    snarePitch: 190,
    snareDecay: 0.18,
    hatDecay: 0.045,
    openHatFactor: 6,
    hatBrightness: 0.9,
    crunchy: false,
    gain: 0.9,
  },
  boomy: {
    kickPitch: 42,
    kickSweep: 90,
    kickDecay: 0.7,
    snarePitch: 170,
    snareDecay: 0.22,
    hatDecay: 0.05,
    openHatFactor: 5,
    hatBrightness: 0.85,
    crunchy: false,
    gain: 0.85,
  },
  acoustic: {
    kickPitch: 58,
    kickSweep: 80,
    kickDecay: 0.28,
    snarePitch: 210,
    snareDecay: 0.2,
    hatDecay: 0.06,
    openHatFactor: 5,
    hatBrightness: 0.75,
    crunchy: false,
    gain: 0.9,
  },
  dusty: {
    kickPitch: 52,
    kickSweep: 70,
    kickDecay: 0.3,
    snarePitch: 180,
    snareDecay: 0.16,
    hatDecay: 0.035,
    openHatFactor: 4,
    hatBrightness: 0.55,
    crunchy: false,
    gain: 0.8,
  },
  chip: {
    kickPitch: 60,
    kickSweep: 200,
    kickDecay: 0.15,
    snarePitch: 240,
    snareDecay: 0.12,
    hatDecay: 0.03,
    openHatFactor: 4,
    hatBrightness: 0.6,
    crunchy: true,
    gain: 0.65,
  },
  soft: {
    kickPitch: 55,
    kickSweep: 50,
    kickDecay: 0.25,
    snarePitch: 200,
    snareDecay: 0.14,
    hatDecay: 0.04,
    openHatFactor: 4,
    hatBrightness: 0.7,
    crunchy: false,
    gain: 0.6,
  },
} satisfies Record<string, DrumKit>;

export type KitName = keyof typeof DRUM_KITS;

/** Renders one drum hit to a short mono sample; the renderer caches these per track. */
export function synthesizeDrum(voice: DrumVoice, kit: DrumKit, sampleRate: number, rng: Rng): Float32Array {
  const sample = drumBody(voice, kit, sampleRate, rng);
  // The tails are cut at about -30 dB to save work; a short fade keeps the cut inaudible.
  const fadeLength = Math.floor(sample.length * 0.15);
  for (let i = 0; i < fadeLength; i++) {
    const at = sample.length - 1 - i;
    sample[at] = sample[at]! * (i / fadeLength);
  }
  return sample;
}

function drumBody(voice: DrumVoice, kit: DrumKit, sampleRate: number, rng: Rng): Float32Array {
  const noise = kit.crunchy ? () => (rng.next() < 0.5 ? -1 : 1) : () => rng.next() * 2 - 1;
  const seconds = (s: number) => Math.max(1, Math.round(s * sampleRate));
  const decayCurve = (t: number, decay: number) => Math.exp(-t / decay);

  switch (voice) {
    case 'kick': {
      const out = new Float32Array(seconds(kit.kickDecay * 3.5));
      let phase = 0;
      for (let i = 0; i < out.length; i++) {
        const t = i / sampleRate;
        phase += (kit.kickPitch + kit.kickSweep * Math.exp(-t / 0.04)) / sampleRate;
        const click = i < 0.004 * sampleRate ? noise() * 0.3 : 0;
        out[i] = (sineCycles(phase) * decayCurve(t, kit.kickDecay) + click) * 1.1;
      }
      return out;
    }
    case 'snare':
    case 'clap': {
      const isClap = voice === 'clap';
      const out = new Float32Array(seconds(kit.snareDecay * 3.5));
      let previous = 0;
      let phase = 0;
      for (let i = 0; i < out.length; i++) {
        const t = i / sampleRate;
        const white = noise();
        const bright = white - previous; // first difference = cheap high-pass
        previous = white;
        // A clap is three quick bursts before the tail.
        const burst = isClap ? (t < 0.03 ? (Math.floor(t / 0.01) % 2 === 0 ? 1 : 0.3) : 1) : 1;
        const body = isClap ? 0 : sineCycles(phase) * decayCurve(t, 0.05) * 0.6;
        phase += kit.snarePitch / sampleRate;
        out[i] = (bright * 0.5 * decayCurve(t, kit.snareDecay) * burst + body) * 0.8;
      }
      return out;
    }
    case 'closedHat':
    case 'openHat':
    case 'ride':
    case 'shaker': {
      const decay =
        voice === 'openHat'
          ? kit.hatDecay * kit.openHatFactor
          : voice === 'ride'
            ? 0.6
            : voice === 'shaker'
              ? 0.05
              : kit.hatDecay;
      const out = new Float32Array(seconds(decay * 3.5));
      let previous = 0;
      let lowpassed = 0;
      let ping = 0;
      for (let i = 0; i < out.length; i++) {
        const t = i / sampleRate;
        const white = noise();
        const high = white - previous * kit.hatBrightness;
        previous = white;
        lowpassed += (high - lowpassed) * (voice === 'shaker' ? 0.5 : 0.9);
        // The ride adds a metallic ping from two inharmonic partials.
        const bell = voice === 'ride' ? (sineCycles(ping) + sineCycles(ping * 1.47)) * 0.08 : 0;
        ping += 3150 / sampleRate;
        const swell = voice === 'shaker' ? Math.min(1, t / 0.012) : 1;
        out[i] = (lowpassed * 0.4 + bell) * decayCurve(t, decay) * swell;
      }
      return out;
    }
    case 'rim': {
      const out = new Float32Array(seconds(0.08));
      for (let i = 0; i < out.length; i++) {
        const t = i / sampleRate;
        out[i] = (sineCycles(t * 1750) * 0.7 + noise() * 0.2) * decayCurve(t, 0.012);
      }
      return out;
    }
    case 'tom': {
      const out = new Float32Array(seconds(0.6));
      let phase = 0;
      for (let i = 0; i < out.length; i++) {
        const t = i / sampleRate;
        phase += (110 + 70 * Math.exp(-t / 0.06)) / sampleRate;
        out[i] = sineCycles(phase) * decayCurve(t, 0.16) * 0.9;
      }
      return out;
    }
    case 'crash': {
      const out = new Float32Array(seconds(1.9));
      let previous = 0;
      for (let i = 0; i < out.length; i++) {
        const white = noise();
        out[i] = (white - previous * 0.9) * 0.25 * decayCurve(i / sampleRate, 0.55);
        previous = white;
      }
      return out;
    }
  }
}

/** Adds a pre-rendered sample into the mix at a time, with gain and placement. */
export function mixSample(
  target: MixTarget,
  sample: Float32Array,
  startSec: number,
  gain: number,
  placement: Placement,
): void {
  const start = Math.round(startSec * target.sampleRate);
  if (start < 0) return;
  const length = Math.min(sample.length, target.left.length - start);
  const angle = ((placement.pan + 1) * Math.PI) / 4;
  const gainLeft = Math.cos(angle) * gain;
  const gainRight = Math.sin(angle) * gain;
  const gainSend = placement.send * gain;
  const { left, right, send } = target;
  for (let i = 0; i < length; i++) {
    const value = sample[i]!;
    const at = start + i;
    left[at] = left[at]! + value * gainLeft;
    right[at] = right[at]! + value * gainRight;
    send[at] = send[at]! + value * gainSend;
  }
}
