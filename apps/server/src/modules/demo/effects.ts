/**
 * Master-bus processing: a small algorithmic reverb for space, loudness normalisation so tracks
 * play at similar levels, and a gentle look-ahead limiter so nothing ever clips.
 */
import type { Rng } from './prng.ts';

/** Comb and all-pass delays (samples at 44.1 kHz) from Freeverb; odd spreads decorrelate L and R. */
const COMB_DELAYS = [1116, 1277, 1422, 1557] as const;
const ALLPASS_DELAYS = [556, 341] as const;
const STEREO_SPREAD = 23;

/** A damped feedback comb filter; the core of Freeverb's dense echo tail. */
class Comb {
  private readonly buffer: Float32Array;
  private index = 0;
  private store = 0;
  constructor(
    length: number,
    private readonly feedback: number,
    private readonly damping: number,
  ) {
    this.buffer = new Float32Array(length);
  }
  process(input: number): number {
    const delayed = this.buffer[this.index]!;
    this.store = delayed * (1 - this.damping) + this.store * this.damping;
    this.buffer[this.index] = input + this.store * this.feedback;
    if (++this.index === this.buffer.length) this.index = 0;
    return delayed;
  }
}

/** Schroeder all-pass: smears the comb echoes into a smooth tail without colouring it. */
class AllPass {
  private readonly buffer: Float32Array;
  private index = 0;
  constructor(length: number) {
    this.buffer = new Float32Array(length);
  }
  process(input: number): number {
    const delayed = this.buffer[this.index]!;
    this.buffer[this.index] = input + delayed * 0.5;
    if (++this.index === this.buffer.length) this.index = 0;
    return delayed - input;
  }
}

/**
 * Freeverb-style reverb (four damped combs, two all-passes per side) fed from a mono send bus and
 * mixed into the stereo buffers. `size` 0-1 sets the decay, `wet` the level.
 */
export function addReverb(
  send: Float32Array,
  left: Float32Array,
  right: Float32Array,
  sampleRate: number,
  size: number,
  wet: number,
): void {
  const scale = sampleRate / 44100;
  const feedback = 0.7 + 0.25 * Math.min(1, Math.max(0, size));
  const damping = 0.3;
  for (const [output, spread] of [
    [left, 0],
    [right, STEREO_SPREAD],
  ] as const) {
    const length = (delay: number) => Math.round((delay + spread) * scale);
    // Four named combs rather than an array: keeps this hot loop monomorphic and fast.
    const c1 = new Comb(length(COMB_DELAYS[0]), feedback, damping);
    const c2 = new Comb(length(COMB_DELAYS[1]), feedback, damping);
    const c3 = new Comb(length(COMB_DELAYS[2]), feedback, damping);
    const c4 = new Comb(length(COMB_DELAYS[3]), feedback, damping);
    const a1 = new AllPass(length(ALLPASS_DELAYS[0]));
    const a2 = new AllPass(length(ALLPASS_DELAYS[1]));
    for (let i = 0; i < send.length; i++) {
      const input = send[i]! * 0.05;
      const combs = c1.process(input) + c2.process(input) + c3.process(input) + c4.process(input);
      output[i] = output[i]! + a2.process(a1.process(combs)) * wet;
    }
  }
}

/** Lo-fi record texture: sparse clicks and a faint hiss. */
export function addVinylNoise(left: Float32Array, right: Float32Array, sampleRate: number, rng: Rng): void {
  let hiss = 0;
  for (let i = 0; i < left.length; i++) {
    hiss += (rng.next() * 2 - 1 - hiss) * 0.2;
    let crackle = hiss * 0.004;
    if (rng.next() < 6 / sampleRate) crackle += (rng.next() - 0.5) * 0.08;
    left[i] = left[i]! + crackle;
    right[i] = right[i]! + crackle;
  }
}

/** One-pole high-pass at ~20 Hz: removes any DC offset or sub-audio drift from the mix. */
export function removeDcOffset(left: Float32Array, right: Float32Array, sampleRate: number): void {
  const pole = 1 - (2 * Math.PI * 20) / sampleRate;
  for (const channel of [left, right]) {
    let previousInput = 0;
    let previousOutput = 0;
    for (let i = 0; i < channel.length; i++) {
      const input = channel[i]!;
      previousOutput = input - previousInput + pole * previousOutput;
      previousInput = input;
      channel[i] = previousOutput;
    }
  }
}

/** Scales the mix to a target RMS level (before limiting), so quiet and busy songs end up alike. */
export function normalizeLoudness(left: Float32Array, right: Float32Array, targetRms: number): void {
  let energy = 0;
  for (let i = 0; i < left.length; i++) energy += left[i]! * left[i]! + right[i]! * right[i]!;
  const rms = Math.sqrt(energy / (2 * Math.max(1, left.length)));
  if (rms < 1e-9) return;
  const gain = Math.min(30, targetRms / rms);
  for (let i = 0; i < left.length; i++) {
    left[i] = left[i]! * gain;
    right[i] = right[i]! * gain;
  }
}

/**
 * Look-ahead peak limiter working on 128-sample blocks: each block's gain is the smallest needed by
 * itself and its neighbours, gain drops instantly and recovers over ~150 ms, and gains are
 * interpolated inside a block. Both ends of every ramp respect the block's own ceiling, so peaks
 * stay under `ceiling` without the distortion of hard clipping.
 */
export function limitPeaks(
  left: Float32Array,
  right: Float32Array,
  sampleRate: number,
  ceiling: number,
): void {
  const block = 128;
  const blocks = Math.ceil(left.length / block);
  const needed = new Float32Array(blocks);
  for (let b = 0; b < blocks; b++) {
    let peak = 0;
    const end = Math.min(left.length, (b + 1) * block);
    for (let i = b * block; i < end; i++) peak = Math.max(peak, Math.abs(left[i]!), Math.abs(right[i]!));
    needed[b] = peak > ceiling ? ceiling / peak : 1;
  }
  const recovery = 1 - Math.exp(-block / (0.15 * sampleRate));
  const gains = new Float32Array(blocks + 1);
  let current = 1;
  for (let b = 0; b <= blocks; b++) {
    const target = Math.min(needed[b - 1] ?? 1, needed[b] ?? 1, needed[b + 1] ?? 1);
    current = target < current ? target : current + (target - current) * recovery;
    gains[b] = current;
  }
  for (let b = 0; b < blocks; b++) {
    const from = gains[b]!;
    const to = gains[b + 1]!;
    const end = Math.min(left.length, (b + 1) * block);
    for (let i = b * block; i < end; i++) {
      const gain = from + ((to - from) * (i - b * block)) / block;
      left[i] = left[i]! * gain;
      right[i] = right[i]! * gain;
    }
  }
}

/** Short fades so the file neither starts nor ends with a click. */
export function applyFades(
  left: Float32Array,
  right: Float32Array,
  fadeInSamples: number,
  fadeOutSamples: number,
): void {
  for (let i = 0; i < Math.min(fadeInSamples, left.length); i++) {
    const gain = i / fadeInSamples;
    left[i] = left[i]! * gain;
    right[i] = right[i]! * gain;
  }
  for (let i = 0; i < Math.min(fadeOutSamples, left.length); i++) {
    const at = left.length - 1 - i;
    const gain = i / fadeOutSamples;
    left[at] = left[at]! * gain;
    right[at] = right[at]! * gain;
  }
}
