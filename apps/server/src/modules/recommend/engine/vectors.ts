import type { Csr } from './sparse.ts';

/** A sparse vector over items: parallel arrays of item indices and values (a user's history). */
export interface SparseVector {
  readonly items: Int32Array;
  readonly values: Float32Array;
}

/** Row `r` of a CSR matrix as a sparse vector (views, no copy). */
export function rowOf(m: Csr, r: number): SparseVector {
  const start = m.indptr[r]!;
  const end = m.indptr[r + 1]!;
  return { items: m.indices.subarray(start, end), values: m.values.subarray(start, end) };
}
