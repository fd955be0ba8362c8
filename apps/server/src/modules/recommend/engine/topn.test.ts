import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskOf, topN } from './topn.ts';

describe('topN', () => {
  it('returns the best items by score, ties to the lower index', () => {
    expect(Array.from(topN([0.1, 0.9, 0.5, 0.9, -1], 3))).toEqual([1, 3, 2]);
    expect(Array.from(topN([1, 2, 3], 0))).toEqual([]);
    expect(Array.from(topN([1, Number.NaN, 3], 5))).toEqual([2, 0]);
  });

  it('never returns excluded items and agrees with a full sort', () => {
    fc.assert(
      fc.property(
        fc.array(fc.float({ noNaN: true, min: -100, max: 100 }), { maxLength: 60 }),
        fc.array(fc.integer({ min: 0, max: 59 }), { maxLength: 30 }),
        fc.integer({ min: 0, max: 70 }),
        (scores, excluded, n) => {
          const mask = maskOf(excluded, scores.length);
          const got = Array.from(topN(scores, n, mask));
          for (const item of got) expect(excluded).not.toContain(item);
          const expected = scores
            .map((s, i) => ({ s, i }))
            .filter(({ i }) => !excluded.includes(i))
            .sort((a, b) => b.s - a.s || a.i - b.i)
            .slice(0, n)
            .map(({ i }) => i);
          expect(got).toEqual(expected);
        },
      ),
    );
  });
});
