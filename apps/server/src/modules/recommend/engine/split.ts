/**
 * The evaluation split: each user's interactions are shuffled with a seeded PRNG and cut 80/10/10
 * into train / validation / test, rounded as RecBole does (so published figures are comparable):
 * validation and test get floor(10% of n) each, and any user with at least three interactions gets
 * at least one validation and one test item while keeping at least one for training.
 */
import { createRng } from '../../demo/prng.ts';
import type { Csr } from './sparse.ts';

export interface Split {
  readonly train: Csr;
  readonly valid: Csr;
  readonly test: Csr;
}

export type SplitRatios = readonly [train: number, valid: number, test: number];

export const DEFAULT_RATIOS: SplitRatios = [0.8, 0.1, 0.1];

/** How many of `total` interactions go to each part (RecBole's `_calcu_split_ids`). */
export function splitCounts(total: number, ratios: SplitRatios = DEFAULT_RATIOS): [number, number, number] {
  const sum = ratios[0] + ratios[1] + ratios[2];
  const r = ratios.map((x) => x / sum);
  // The epsilon keeps 0.1 * 30 = 3.0000000000000004 and 0.7 * 10 = 6.999999999999999 honest.
  const counts = r.map((x) => Math.floor(x * total + 1e-9)) as [number, number, number];
  counts[0] = total - counts[1] - counts[2];
  for (let i = 1; i <= 2; i++) {
    if (counts[0] <= 1) break;
    const part = 3 - i; // test first, then validation
    const exact = r[part]! * total;
    if (exact > 0 && exact < 1) {
      counts[part]! += 1;
      counts[0] -= 1;
    }
  }
  return counts;
}

/**
 * Splits every row of `m` into three matrices of the same shape whose entries partition the row's
 * entries exactly. The same seed always gives the same split.
 */
export function splitPerUser(m: Csr, seed: number, ratios: SplitRatios = DEFAULT_RATIOS): Split {
  const rng = createRng(seed);
  const nnz = m.indices.length;
  const part = new Uint8Array(nnz);
  let order = new Int32Array(64);
  for (let u = 0; u < m.nRows; u++) {
    const start = m.indptr[u]!;
    const n = m.indptr[u + 1]! - start;
    if (n === 0) continue;
    if (order.length < n) order = new Int32Array(n * 2);
    for (let i = 0; i < n; i++) order[i] = start + i;
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rng.next() * (i + 1));
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
    const [nTrain, nValid] = splitCounts(n, ratios);
    for (let i = nTrain; i < n; i++) part[order[i]!] = i < nTrain + nValid ? 1 : 2;
  }
  return { train: pick(m, part, 0), valid: pick(m, part, 1), test: pick(m, part, 2) };
}

function pick(m: Csr, part: Uint8Array, which: number): Csr {
  let count = 0;
  for (let i = 0; i < part.length; i++) if (part[i] === which) count++;
  const indptr = new Int32Array(m.nRows + 1);
  const indices = new Int32Array(count);
  const values = new Float32Array(count);
  let out = 0;
  for (let u = 0; u < m.nRows; u++) {
    for (let p = m.indptr[u]!; p < m.indptr[u + 1]!; p++) {
      if (part[p] !== which) continue;
      indices[out] = m.indices[p]!;
      values[out] = m.values[p]!;
      out++;
    }
    indptr[u + 1] = out;
  }
  return { nRows: m.nRows, nCols: m.nCols, indptr, indices, values };
}
