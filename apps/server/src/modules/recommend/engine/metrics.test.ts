import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverage, ndcgAtK, recallAtK } from './metrics.ts';

const inSet = (items: number[]) => {
  const set = new Set(items);
  return (item: number) => set.has(item);
};

describe('ranking metrics', () => {
  it('computes recall@k as hits over all relevant items', () => {
    // relevant {2, 7, 9}; top 3 = [2, 5, 9] has 2 hits
    expect(recallAtK([2, 5, 9, 7], inSet([2, 7, 9]), 3, 3)).toBeCloseTo(2 / 3, 12);
    expect(recallAtK([2, 5, 9, 7], inSet([2, 7, 9]), 3, 4)).toBe(1);
    expect(recallAtK([1, 3], inSet([2]), 1, 2)).toBe(0);
    // more relevant items than k: recall cannot reach 1
    expect(recallAtK([1, 2], inSet([1, 2, 3, 4]), 4, 2)).toBe(0.5);
  });

  it('computes NDCG@k with IDCG over min(k, |relevant|) ideal hits', () => {
    // hits at ranks 1 and 3: DCG = 1 + 1/log2(4) = 1.5; IDCG (2 relevant) = 1 + 1/log2(3)
    expect(ndcgAtK([2, 5, 9], inSet([2, 9]), 2, 3)).toBeCloseTo(1.5 / (1 + 1 / Math.log2(3)), 12);
    // a single hit at rank 2 of one relevant item: 1/log2(3)
    expect(ndcgAtK([4, 8], inSet([8]), 1, 10)).toBeCloseTo(1 / Math.log2(3), 12);
    // 4 relevant, k = 2, both top slots hit: perfect
    expect(ndcgAtK([1, 2, 0], inSet([1, 2, 3, 4]), 4, 2)).toBeCloseTo(1, 12);
    expect(ndcgAtK([0, 5], inSet([1]), 1, 2)).toBe(0);
  });

  it('keeps recall and NDCG in [0, 1]', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { maxLength: 20 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 1, max: 25 }),
        (ranked, relevant, k) => {
          const r = recallAtK(ranked, inSet(relevant), relevant.length, k);
          const n = ndcgAtK(ranked, inSet(relevant), relevant.length, k);
          expect(r).toBeGreaterThanOrEqual(0);
          expect(r).toBeLessThanOrEqual(1);
          expect(n).toBeGreaterThanOrEqual(0);
          expect(n).toBeLessThanOrEqual(1 + 1e-12);
        },
      ),
    );
  });

  it('measures coverage as the share of items in any list', () => {
    expect(coverage([[0, 1], [1, 2], []], 10)).toBeCloseTo(0.3, 12);
    expect(coverage([[0, 1, 2, 3]], 4)).toBe(1);
    expect(coverage([], 5)).toBe(0);
  });
});
