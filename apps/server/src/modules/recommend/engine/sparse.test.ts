import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCsr, columnCounts, toTriples, transpose, triplesFrom, type Csr } from './sparse.ts';

/** Dense copy of a CSR matrix, for comparing against a reference. */
function dense(m: Csr): number[][] {
  const out = Array.from({ length: m.nRows }, () => new Array<number>(m.nCols).fill(0));
  for (let r = 0; r < m.nRows; r++) {
    for (let p = m.indptr[r]!; p < m.indptr[r + 1]!; p++) out[r]![m.indices[p]!]! += m.values[p]!;
  }
  return out;
}

const matrixArb = fc
  .record({ nRows: fc.integer({ min: 1, max: 8 }), nCols: fc.integer({ min: 1, max: 8 }) })
  .chain(({ nRows, nCols }) =>
    fc.record({
      nRows: fc.constant(nRows),
      nCols: fc.constant(nCols),
      entries: fc.array(
        fc.tuple(
          fc.integer({ min: 0, max: nRows - 1 }),
          fc.integer({ min: 0, max: nCols - 1 }),
          fc.integer({ min: -5, max: 5 }),
        ),
        { maxLength: 40 },
      ),
    }),
  );

describe('sparse matrices', () => {
  it('builds sorted rows and sums duplicates', () => {
    const m = buildCsr(
      triplesFrom([
        [1, 2, 1],
        [0, 3, 2],
        [1, 0, 4],
        [1, 2, 5],
      ]),
      3,
      4,
    );
    expect(Array.from(m.indptr)).toEqual([0, 1, 3, 3]);
    expect(Array.from(m.indices)).toEqual([3, 0, 2]);
    expect(Array.from(m.values)).toEqual([2, 4, 6]);
    expect(Array.from(columnCounts(m))).toEqual([1, 0, 1, 1]);
  });

  it('rejects entries outside the shape', () => {
    expect(() => buildCsr(triplesFrom([[3, 0, 1]]), 3, 4)).toThrow(RangeError);
    expect(() => buildCsr(triplesFrom([[0, -1, 1]]), 3, 4)).toThrow(RangeError);
  });

  it('round-trips triples through CSR (same dense matrix, sorted unique columns per row)', () => {
    fc.assert(
      fc.property(matrixArb, ({ nRows, nCols, entries }) => {
        const reference = Array.from({ length: nRows }, () => new Array<number>(nCols).fill(0));
        for (const [r, c, v] of entries) reference[r]![c]! += v;
        const m = buildCsr(triplesFrom(entries), nRows, nCols);
        expect(dense(m)).toEqual(reference);
        for (let r = 0; r < nRows; r++) {
          for (let p = m.indptr[r]! + 1; p < m.indptr[r + 1]!; p++) {
            expect(m.indices[p]!).toBeGreaterThan(m.indices[p - 1]!);
          }
        }
        const again = buildCsr(toTriples(m), nRows, nCols);
        expect(again).toEqual(m);
      }),
    );
  });

  it('transposes (CSC) and back to the same matrix', () => {
    fc.assert(
      fc.property(matrixArb, ({ nRows, nCols, entries }) => {
        const m = buildCsr(triplesFrom(entries), nRows, nCols);
        const t = transpose(m);
        const d = dense(m);
        expect(dense(t)).toEqual(d[0]!.map((_, c) => d.map((row) => row[c]!)));
        expect(transpose(t)).toEqual(m);
      }),
    );
  });
});
