import { describe, expect, it } from 'vitest';
import { catalogEntries } from './catalog.ts';
import { barSeconds, composeCatalog, compositionFingerprint, shortenComposition } from './composer.ts';
import { MAX_SONG_SECONDS, MIN_SONG_SECONDS, SONG_FORMS, TAIL_SECONDS, fitForm } from './song-forms.ts';

const requests = catalogEntries().map((entry) => ({
  styleId: entry.album.style,
  albumKey: entry.album.key,
  trackIndex: entry.index,
}));

describe('composer', () => {
  const catalog = composeCatalog(requests, 20240917);

  it('keeps every song between 60 and 180 seconds', () => {
    for (const composition of catalog) {
      expect(composition.durationSec).toBeGreaterThanOrEqual(MIN_SONG_SECONDS);
      expect(composition.durationSec).toBeLessThanOrEqual(MAX_SONG_SECONDS);
    }
  });

  it('lays sections end to end and matches the duration', () => {
    for (const composition of catalog) {
      let bar = 0;
      for (const section of composition.sections) {
        expect(section.startBar).toBe(bar);
        bar += section.bars;
      }
      expect(composition.durationSec).toBeCloseTo(bar * barSeconds(composition) + TAIL_SECONDS, 6);
    }
  });

  it('never gives two tracks the same key, tempo, progression and drum pattern', () => {
    const fingerprints = catalog.map(compositionFingerprint);
    expect(new Set(fingerprints).size).toBe(catalog.length);
  });

  it('varies tracks within an album (key, and progression or groove)', () => {
    const byAlbum = new Map<string, typeof catalog>();
    catalog.forEach((composition, i) => {
      const album = requests[i]!.albumKey;
      byAlbum.set(album, [...(byAlbum.get(album) ?? []), composition]);
    });
    for (const tracks of byAlbum.values()) {
      expect(new Set(tracks.map((t) => `${t.tonic}/${t.mode}`)).size).toBe(tracks.length);
      expect(new Set(tracks.map((t) => `${t.progression}/${t.drumPattern}/${t.form}`)).size).toBe(
        tracks.length,
      );
    }
  });

  it('uses a broad palette across the catalog', () => {
    const distinct = (pick: (c: (typeof catalog)[number]) => unknown) => new Set(catalog.map(pick)).size;
    expect(distinct((c) => c.tonic)).toBeGreaterThanOrEqual(8);
    expect(distinct((c) => c.mode)).toBeGreaterThanOrEqual(4);
    expect(distinct((c) => c.progression)).toBeGreaterThanOrEqual(10);
    expect(distinct((c) => c.drumPattern)).toBeGreaterThanOrEqual(12);
    expect(distinct((c) => c.form)).toBeGreaterThanOrEqual(6);
    expect(distinct((c) => c.sounds.lead)).toBeGreaterThanOrEqual(6);
    expect(distinct((c) => c.tempo)).toBeGreaterThanOrEqual(20);
  });

  it('is deterministic for a seed and changes with the seed', () => {
    expect(composeCatalog(requests, 20240917)).toEqual(catalog);
    const other = composeCatalog(requests, 7);
    expect(other.map(compositionFingerprint)).not.toEqual(catalog.map(compositionFingerprint));
  });

  it('shortens a composition to whole bars, starting with a one-bar intro', () => {
    const full = catalog[0]!;
    const short = shortenComposition(full, full.durationSec * 0.1);
    expect(short.durationSec).toBeLessThanOrEqual(full.durationSec * 0.1 + 1e-9);
    expect(short.sections[0]).toMatchObject({ kind: 'intro', bars: 1, startBar: 0 });
    expect(short.sections.length).toBeGreaterThan(1);
  });
});

describe('fitForm', () => {
  it('fits slow and fast tempos into the allowed length', () => {
    for (const form of Object.values(SONG_FORMS)) {
      for (const bar of [1.4, 2, 3, 4]) {
        for (const target of [72, 110, 150]) {
          const bars = fitForm(form, bar, target).reduce((sum, section) => sum + section.bars, 0);
          const seconds = bars * bar + TAIL_SECONDS;
          expect(seconds).toBeGreaterThanOrEqual(MIN_SONG_SECONDS);
          expect(seconds).toBeLessThanOrEqual(MAX_SONG_SECONDS);
        }
      }
    }
  });
});
