import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { factorScorer, plainFactorScorer, rowNorms } from './factor-scorer.ts';
import { dotsModule } from './simd-dot.ts';

const matrix = (values: number[], factors: number) =>
  Float32Array.from({ length: Math.floor(values.length / factors) * factors }, (_, i) => values[i]!);

describe('factorScorer', () => {
  it('assembles a valid WebAssembly SIMD module (Node has SIMD)', () => {
    expect(dotsModule()).not.toBeNull();
    expect(factorScorer(new Float32Array(8), 4).constructor.name).toBe('SimdScorer');
    // 6 factors do not fill f32x4 lanes: the plain loop
    expect(factorScorer(new Float32Array(12), 6).constructor.name).toBe('PlainScorer');
  });

  it('gives every row its dot product with the vector, as the plain loop does', () => {
    const value = fc.float({ noNaN: true, noDefaultInfinity: true, min: -10, max: 10 });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 16 }),
        fc.array(value, { minLength: 0, maxLength: 400 }),
        fc.array(value, { minLength: 64, maxLength: 64 }),
        (lanes, values, vectorValues) => {
          const factors = lanes * 4;
          const rows = matrix(values, factors);
          const vector = Float32Array.from(vectorValues.slice(0, factors));
          const simd = new Float32Array(rows.length / factors);
          const plain = new Float32Array(rows.length / factors);
          factorScorer(rows, factors).score(vector, simd);
          plainFactorScorer(rows, factors).score(vector, plain);
          for (let j = 0; j < plain.length; j++) {
            let magnitude = 0;
            for (let a = 0; a < factors; a++) magnitude += Math.abs(rows[j * factors + a]! * vector[a]!);
            expect(Math.abs(simd[j]! - plain[j]!)).toBeLessThanOrEqual(1e-5 * magnitude + 1e-6);
          }
        },
      ),
    );
  });

  it('scores the exact values on a hand-made matrix, and keeps one scorer per matrix', () => {
    const rows = Float32Array.of(1, 2, 3, 4, /**/ 0, 0, 0, 0, /**/ -1, 0.5, 2, -3);
    const out = new Float32Array(3);
    factorScorer(rows, 4).score([1, 1, 1, 1], out);
    expect(Array.from(out)).toEqual([10, 0, -1.5]);
    factorScorer(rows, 4).score(Float64Array.of(2, 0, 0, 1), out);
    expect(Array.from(out)).toEqual([6, 0, -5]);
    expect(factorScorer(rows, 4)).toBe(factorScorer(rows, 4));
  });

  it('rowNorms gives each row its length', () => {
    expect(Array.from(rowNorms(Float32Array.of(3, 4, 0, 0, 0, 0, 1, 0), 4))).toEqual([5, 1]);
  });
});
