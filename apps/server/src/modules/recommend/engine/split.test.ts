import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCsr, triplesFrom, type Csr } from './sparse.ts';
import { splitCounts, splitPerUser } from './split.ts';

const rowItems = (m: Csr, r: number) => Array.from(m.indices.subarray(m.indptr[r]!, m.indptr[r + 1]!));

describe('per-user 80/10/10 split', () => {
  it('rounds like RecBole', () => {
    expect(splitCounts(50)).toEqual([40, 5, 5]);
    expect(splitCounts(10)).toEqual([8, 1, 1]);
    expect(splitCounts(3)).toEqual([1, 1, 1]);
    expect(splitCounts(2)).toEqual([1, 0, 1]);
    expect(splitCounts(1)).toEqual([1, 0, 0]);
    expect(splitCounts(30)).toEqual([24, 3, 3]);
    expect(splitCounts(19)).toEqual([17, 1, 1]);
  });

  it("partitions each user's items exactly, with the counts above", () => {
    const usersArb = fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 59 }), { maxLength: 60 }), {
      minLength: 1,
      maxLength: 12,
    });
    fc.assert(
      fc.property(usersArb, fc.integer(), (users, seed) => {
        const entries = users.flatMap((items, u) => items.map((i) => [u, i, i + 1] as const));
        const m = buildCsr(triplesFrom(entries), users.length, 60);
        const { train, valid, test } = splitPerUser(m, seed);
        for (let u = 0; u < users.length; u++) {
          const parts = [rowItems(train, u), rowItems(valid, u), rowItems(test, u)];
          const all = parts.flat().sort((a, b) => a - b);
          expect(all).toEqual([...users[u]!].sort((a, b) => a - b));
          expect(parts.map((p) => p.length)).toEqual(splitCounts(users[u]!.length));
        }
        // values travel with their items
        for (const part of [train, valid, test]) {
          part.indices.forEach((item, p) => expect(part.values[p]).toBe(item + 1));
        }
      }),
    );
  });

  it('is reproducible per seed and differs between seeds', () => {
    const entries = Array.from({ length: 40 }, (_, i) => [0, i, 1] as const);
    const m = buildCsr(triplesFrom(entries), 1, 40);
    expect(splitPerUser(m, 1)).toEqual(splitPerUser(m, 1));
    expect(rowItems(splitPerUser(m, 1).test, 0)).not.toEqual(rowItems(splitPerUser(m, 2).test, 0));
  });
});
