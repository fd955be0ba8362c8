import { describe, expect, it } from 'vitest';
import { createRng } from '../../demo/prng.ts';
import { choleskyBlockedInPlace, choleskyInPlace, solveSpd, spdInverse } from './linalg.ts';

/** A random SPD matrix BᵀB + I. */
function randomSpd(n: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const b = Float64Array.from({ length: n * n }, () => rng.range(-1, 1));
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = i === j ? 1 : 0;
      for (let k = 0; k < n; k++) s += b[k * n + i]! * b[k * n + j]!;
      a[i * n + j] = s;
    }
  }
  return a;
}

describe('dense linear algebra', () => {
  it.each([1, 5, 8, 9, 23, 40])('inverts an SPD matrix of size %i', (n) => {
    const a = randomSpd(n, n);
    const inv = spdInverse(a.slice(), n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let k = 0; k < n; k++) s += a[i * n + k]! * inv[k * n + j]!;
        expect(s).toBeCloseTo(i === j ? 1 : 0, 9);
      }
    }
  });

  it('gives the same factor blocked and unblocked', () => {
    const n = 27;
    const a = randomSpd(n, 3);
    const plain = a.slice();
    const blocked = a.slice();
    choleskyInPlace(plain, n);
    choleskyBlockedInPlace(blocked, n);
    blocked.forEach((v, i) => expect(v).toBeCloseTo(plain[i]!, 10));
  });

  it('solves A x = b and refuses matrices that are not positive definite', () => {
    const a = Float64Array.of(4, 2, 2, 3);
    const x = solveSpd(a, 2, Float64Array.of(2, 1));
    expect(4 * x[0]! + 2 * x[1]!).toBeCloseTo(2, 12);
    expect(2 * x[0]! + 3 * x[1]!).toBeCloseTo(1, 12);
    expect(() => spdInverse(Float64Array.of(1, 2, 2, 1), 2)).toThrow(/positive definite/);
  });
});
