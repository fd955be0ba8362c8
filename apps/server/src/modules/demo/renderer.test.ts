import { describe, expect, it } from 'vitest';
import { arrange } from './arranger.ts';
import { catalogEntries } from './catalog.ts';
import { composeCatalog, shortenComposition, type Composition } from './composer.ts';
import {
  CHANNELS,
  PEAK_CEILING,
  SAMPLE_RATE,
  renderComposition,
  toPcm16,
  type RenderedAudio,
} from './renderer.ts';

const entries = catalogEntries();
const catalog = composeCatalog(
  entries.map((entry) => ({
    styleId: entry.album.style,
    albumKey: entry.album.key,
    trackIndex: entry.index,
  })),
  20240917,
);

/** Renders a 20-second cut, enough to cover intro, verse and drums without slowing the suite. */
function renderCut(composition: Composition): RenderedAudio {
  const cut = shortenComposition(composition, 20);
  return renderComposition(cut, arrange(cut));
}

function rms(samples: Float32Array, from = 0, to = samples.length): number {
  let energy = 0;
  for (let i = from; i < to; i++) energy += samples[i]! * samples[i]!;
  return Math.sqrt(energy / Math.max(1, to - from));
}

/** A coarse fingerprint per 100 ms window: loudness and brightness (zero-crossing rate). */
function fingerprint(audio: RenderedAudio, seconds: number): { loudness: number[]; brightness: number[] } {
  const window = Math.round(0.1 * audio.sampleRate);
  const end = Math.min(audio.left.length, seconds * audio.sampleRate);
  const loudness: number[] = [];
  const brightness: number[] = [];
  for (let start = 0; start + window <= end; start += window) {
    let energy = 0;
    let crossings = 0;
    let previous = 0;
    for (let i = start; i < start + window; i++) {
      const x = audio.left[i]! + audio.right[i]!;
      energy += x * x;
      if (i > start && Math.sign(x) !== Math.sign(previous)) crossings++;
      previous = x;
    }
    loudness.push(Math.sqrt(energy / window));
    brightness.push(crossings / window);
  }
  return { loudness, brightness };
}

function correlation(a: number[], b: number[]): number {
  const n = Math.min(a.length, b.length);
  const mean = (v: number[]) => v.slice(0, n).reduce((s, x) => s + x, 0) / n;
  const ma = mean(a);
  const mb = mean(b);
  let cov = 0;
  let va = 0;
  let vb = 0;
  for (let i = 0; i < n; i++) {
    cov += (a[i]! - ma) * (b[i]! - mb);
    va += (a[i]! - ma) ** 2;
    vb += (b[i]! - mb) ** 2;
  }
  return cov / Math.sqrt(va * vb || 1);
}

describe('renderer', () => {
  // Two tracks of different albums, and two tracks of the same album (the harder case).
  const synthpop = renderCut(catalog[0]!);
  const ballad = renderCut(catalog[1]!);
  const sameAlbum = renderCut(catalog[8]!);

  it('renders the composition length in stereo at 44.1 kHz', () => {
    const cut = shortenComposition(catalog[0]!, 20);
    expect(synthpop.sampleRate).toBe(SAMPLE_RATE);
    expect(synthpop.left.length).toBe(Math.round(cut.durationSec * SAMPLE_RATE));
    expect(synthpop.right.length).toBe(synthpop.left.length);
  });

  it('is audible and never clips', () => {
    for (const audio of [synthpop, ballad, sameAlbum]) {
      // Level after the one-bar intro.
      const body = rms(audio.left, 3 * audio.sampleRate);
      expect(body).toBeGreaterThan(0.05);
      let peak = 0;
      for (let i = 0; i < audio.left.length; i++) {
        peak = Math.max(peak, Math.abs(audio.left[i]!), Math.abs(audio.right[i]!));
      }
      expect(peak).toBeLessThanOrEqual(PEAK_CEILING + 1e-6);
      expect(peak).toBeGreaterThan(0.3);
    }
  });

  it('makes different tracks measurably different', () => {
    for (const other of [ballad, sameAlbum]) {
      const a = fingerprint(synthpop, 15);
      const b = fingerprint(other, 15);
      // Neither the loudness nor the brightness contours over time line up.
      expect(correlation(a.loudness, b.loudness)).toBeLessThan(0.8);
      expect(correlation(a.brightness, b.brightness)).toBeLessThan(0.8);
      // Control: the same audio correlates perfectly with itself.
      expect(correlation(a.loudness, fingerprint(synthpop, 15).loudness)).toBeCloseTo(1, 6);
    }
  });

  it('is deterministic', () => {
    const again = renderCut(catalog[1]!);
    expect(Buffer.from(again.left.buffer).equals(Buffer.from(ballad.left.buffer))).toBe(true);
  });

  it('converts to interleaved little-endian 16-bit PCM', () => {
    const pcm = toPcm16(ballad);
    expect(pcm.length).toBe(ballad.left.length * CHANNELS * 2);
    const at = Math.floor(ballad.left.length / 2);
    expect(pcm.readInt16LE(at * 4)).toBe(Math.round(ballad.left[at]! * 32767));
    expect(pcm.readInt16LE(at * 4 + 2)).toBe(Math.round(ballad.right[at]! * 32767));
  });
});
