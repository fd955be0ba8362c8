import { describe, expect, it } from 'vitest';
import { buildSnapshot, Catalog, decodeBundle, encodeBundle } from './catalog-snapshot.ts';

const tracks = [
  { id: 't0', artistIds: ['jay', 'lara'] },
  { id: 't1', artistIds: ['lara', 'jay'] },
  { id: 't2', artistIds: [] },
  { id: 't3', artistIds: ['eason'] },
];

describe('the catalogue snapshot stored with a model', () => {
  it('keeps each track’s credits in credit order, and finds an artist’s tracks', () => {
    const catalog = new Catalog(buildSnapshot(tracks));
    expect(catalog.size).toBe(4);
    expect(catalog.itemOf.get('t3')).toBe(3);
    expect(catalog.artistIdsOf(0)).toEqual(['jay', 'lara']);
    expect(catalog.artistIdsOf(1)).toEqual(['lara', 'jay']);
    expect(catalog.artistIdsOf(2)).toEqual([]);
    expect(Array.from(catalog.itemsBy('jay'))).toEqual([0, 1]);
    expect(Array.from(catalog.itemsBy('nobody'))).toEqual([]);
  });

  it('round-trips through the bundle bytes with the model bytes untouched', () => {
    const snapshot = buildSnapshot(tracks);
    const model = Uint8Array.from([1, 2, 3, 250]);
    const decoded = decodeBundle(encodeBundle(snapshot, model));
    expect(decoded.snapshot).toEqual(snapshot);
    expect(Array.from(decoded.modelBytes)).toEqual([1, 2, 3, 250]);
    expect(() => decodeBundle(Buffer.from('not a bundle at all'))).toThrow(
      /not a recommendation model bundle/,
    );
  });
});
