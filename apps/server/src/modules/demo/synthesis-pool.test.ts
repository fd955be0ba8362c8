import { describe, expect, it } from 'vitest';
import { catalogEntries } from './catalog.ts';
import { composeCatalog, shortenComposition } from './composer.ts';
import { SynthesisPool } from './synthesis-pool.ts';
import { synthesizeTrack } from './synthesis.ts';

describe('SynthesisPool', () => {
  it('renders on worker threads exactly what the main thread renders', async () => {
    const entries = catalogEntries().slice(0, 2);
    const compositions = composeCatalog(
      entries.map((entry) => ({
        styleId: entry.album.style,
        albumKey: entry.album.key,
        trackIndex: entry.index,
      })),
      1,
    ).map((composition) => shortenComposition(composition, 8));
    const pool = await SynthesisPool.start(2);
    try {
      expect(pool.usesWorkers).toBe(true);
      const results = await Promise.all(compositions.map((composition) => pool.synthesize(composition)));
      results.forEach((result, i) => {
        const local = synthesizeTrack(compositions[i]!);
        expect(result.pcm.equals(local.pcm)).toBe(true);
        expect(result.durationSec).toBe(local.durationSec);
        expect(result.cues).toEqual(local.cues);
      });
    } finally {
      await pool.close();
    }
  });
});
