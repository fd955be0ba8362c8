import { describe, expect, it } from 'vitest';
import { buildContentModel, scoreContent } from './content.ts';

describe('content similarity', () => {
  const model = buildContentModel([
    { artist: 'Sodagreen', genres: ['indie'], year: 2005 },
    { artist: 'Sodagreen', genres: ['indie'], year: 2007 },
    { artist: 'Faye Wong', genres: ['mandopop'], year: 1996 },
    undefined,
    { tags: { 'post-rock': 10, instrumental: 1 } },
    { tags: ['post-rock'] },
  ]);
  const similarityTo = (item: number) => {
    const out = new Float32Array(6);
    scoreContent(model, { items: Int32Array.of(item), values: Float32Array.of(1) }, out);
    return out;
  };

  it('rates the same artist and genre above an unrelated artist', () => {
    const s = similarityTo(0);
    expect(s[0]).toBeCloseTo(1, 5); // unit vectors: cos(i, i) = 1
    expect(s[1]!).toBeGreaterThan(0.5);
    expect(s[2]).toBe(0);
    expect(s[3]).toBe(0); // no features, no similarity
  });

  it('uses weighted tags and stays a cosine (symmetric, at most 1)', () => {
    const a = similarityTo(4);
    const b = similarityTo(5);
    expect(a[5]!).toBeGreaterThan(0.5);
    expect(a[5]).toBeCloseTo(b[4]!, 6);
    for (const v of [...a, ...b]) expect(v).toBeLessThanOrEqual(1 + 1e-6);
  });

  it('treats names case- and space-insensitively', () => {
    const m = buildContentModel([{ artist: ' GALA ' }, { artist: 'gala' }, { artist: 'other' }]);
    const out = new Float32Array(3);
    scoreContent(m, { items: Int32Array.of(0), values: Float32Array.of(1) }, out);
    expect(out[1]).toBeCloseTo(1, 5);
  });
});
