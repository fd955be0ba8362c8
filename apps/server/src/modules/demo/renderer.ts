/**
 * Renders an arranged composition to audio: every note and drum hit is synthesized into a stereo
 * mix plus a reverb send, then the master bus adds reverb, normalises loudness and limits peaks.
 * Output is interleaved 16-bit little-endian PCM, ready to pipe into ffmpeg.
 */
import type { Arrangement, NoteEvent, Part } from './arranger.ts';
import type { Composition } from './composer.ts';
import { DRUM_VOICES, type DrumVoice } from './drum-patterns.ts';
import {
  addReverb,
  addVinylNoise,
  applyFades,
  limitPeaks,
  normalizeLoudness,
  removeDcOffset,
} from './effects.ts';
import {
  DRUM_KITS,
  mixSample,
  renderTone,
  synthesizeDrum,
  type MixTarget,
  type Placement,
} from './instruments.ts';
import { endianness } from 'node:os';
import { createRng } from './prng.ts';

export const SAMPLE_RATE = 44100;
export const CHANNELS = 2;

/** Master level targets: about -16 dBFS RMS, peaks at most -1 dBFS. */
const TARGET_RMS = 0.16;
export const PEAK_CEILING = 0.89;

export interface RenderedAudio {
  readonly left: Float32Array;
  readonly right: Float32Array;
  readonly sampleRate: number;
}

/** Where each drum sits in the stereo field and how much of it reaches the reverb. */
const DRUM_PLACEMENT: Record<DrumVoice, Placement & { level: number }> = {
  kick: { pan: 0, send: 0.03, level: 1 },
  snare: { pan: 0.05, send: 0.25, level: 0.75 },
  clap: { pan: -0.05, send: 0.3, level: 0.7 },
  closedHat: { pan: 0.3, send: 0.08, level: 0.38 },
  openHat: { pan: 0.3, send: 0.12, level: 0.3 },
  rim: { pan: -0.2, send: 0.2, level: 0.45 },
  shaker: { pan: -0.35, send: 0.1, level: 0.35 },
  ride: { pan: 0.35, send: 0.15, level: 0.24 },
  tom: { pan: -0.25, send: 0.2, level: 0.7 },
  crash: { pan: 0.2, send: 0.2, level: 0.35 },
};

export function renderComposition(composition: Composition, arrangement: Arrangement): RenderedAudio {
  const sampleRate = SAMPLE_RATE;
  const frames = Math.round(composition.durationSec * sampleRate);
  const target: MixTarget = {
    left: new Float32Array(frames),
    right: new Float32Array(frames),
    send: new Float32Array(frames),
    sampleRate,
  };
  const rng = createRng(composition.seed).fork('render');
  const leadPan = rng.range(-0.15, 0.15);

  const placementFor = (note: NoteEvent): Placement => {
    const reverb = composition.reverb;
    switch (note.part) {
      case 'lead':
        return { pan: leadPan, send: reverb };
      case 'chords':
        // Alternate chord tones left and right for a wide but balanced bed.
        return { pan: note.midi % 2 === 0 ? -0.35 : 0.35, send: reverb * 1.2 };
      case 'bass':
        return { pan: 0, send: reverb * 0.1 };
    }
  };
  const partGain: Record<Part, number> = { lead: 0.9, chords: 0.8, bass: 0.9 };
  const noteRng = rng.fork('notes');
  for (const note of arrangement.notes) {
    renderTone(
      target,
      composition.patches[note.part],
      note.midi,
      note.start,
      note.duration,
      note.velocity * partGain[note.part],
      placementFor(note),
      noteRng,
    );
  }

  const kit = DRUM_KITS[composition.kit];
  const drumRng = rng.fork('drums');
  const samples = new Map(
    DRUM_VOICES.map((voice) => [voice, synthesizeDrum(voice, kit, sampleRate, drumRng)]),
  );
  for (const hit of arrangement.drums) {
    const placement = DRUM_PLACEMENT[hit.voice];
    mixSample(
      target,
      samples.get(hit.voice)!,
      hit.start,
      hit.velocity * placement.level * kit.gain,
      placement,
    );
  }

  addReverb(target.send, target.left, target.right, sampleRate, composition.reverb * 1.2, 0.9);
  if (composition.vinyl) addVinylNoise(target.left, target.right, sampleRate, rng.fork('vinyl'));
  removeDcOffset(target.left, target.right, sampleRate);
  normalizeLoudness(target.left, target.right, TARGET_RMS);
  limitPeaks(target.left, target.right, sampleRate, PEAK_CEILING);
  applyFades(target.left, target.right, Math.round(0.005 * sampleRate), Math.round(0.8 * sampleRate));
  return { left: target.left, right: target.right, sampleRate };
}

/** Interleaves and converts to signed 16-bit little-endian PCM (what ffmpeg's `-f s16le` reads). */
export function toPcm16(audio: RenderedAudio): Buffer {
  const frames = audio.left.length;
  // A dedicated ArrayBuffer (not Node's shared pool), so it can be transferred between threads.
  const samples = new Int16Array(frames * CHANNELS);
  const { left, right } = audio;
  for (let i = 0; i < frames; i++) {
    // Clamp before storing: Int16Array wraps out-of-range values instead of saturating.
    const l = left[i]! * 32767;
    const r = right[i]! * 32767;
    samples[2 * i] = l > 32767 ? 32767 : l < -32768 ? -32768 : Math.round(l);
    samples[2 * i + 1] = r > 32767 ? 32767 : r < -32768 ? -32768 : Math.round(r);
  }
  const buffer = Buffer.from(samples.buffer);
  // Typed arrays use the platform's byte order; s16le needs little-endian.
  if (endianness() === 'BE') buffer.swap16();
  return buffer;
}
