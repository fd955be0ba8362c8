/**
 * Sparse interaction matrices on typed arrays. Rows are users and columns items in the CSR form
 * (one user's history is a contiguous slice); the CSC form is the same builder applied to the
 * transposed triples (one item's listeners are a contiguous slice). Duplicate (row, column) pairs are
 * summed, so a raw event stream can be fed in directly.
 */

/** (row, column, value) triples; the three arrays have the same length. */
export interface Triples {
  readonly rows: Int32Array;
  readonly cols: Int32Array;
  readonly values: Float32Array;
}

/** Compressed sparse rows: row r's entries are indices/values[indptr[r] .. indptr[r + 1]). */
export interface Csr {
  readonly nRows: number;
  readonly nCols: number;
  readonly indptr: Int32Array;
  /** Column indices, ascending within each row. */
  readonly indices: Int32Array;
  readonly values: Float32Array;
}

export function triplesFrom(entries: readonly (readonly [number, number, number])[]): Triples {
  const rows = new Int32Array(entries.length);
  const cols = new Int32Array(entries.length);
  const values = new Float32Array(entries.length);
  entries.forEach(([r, c, v], i) => {
    rows[i] = r;
    cols[i] = c;
    values[i] = v;
  });
  return { rows, cols, values };
}

/**
 * Builds a CSR matrix with two stable counting sorts (by column, then by row), so each row comes
 * out sorted by column in O(nnz + nRows + nCols); duplicates are then summed. Entries that sum to
 * exactly zero are kept: an explicit zero still means "the user met this item".
 */
export function buildCsr(triples: Triples, nRows: number, nCols: number): Csr {
  const { rows, cols, values } = triples;
  const n = rows.length;
  if (cols.length !== n || values.length !== n) throw new Error('triples arrays differ in length');
  const byCol = new Int32Array(nCols + 1);
  const byRow = new Int32Array(nRows + 1);
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    const c = cols[i]!;
    if (!(r >= 0 && r < nRows && c >= 0 && c < nCols)) {
      throw new RangeError(`entry (${r}, ${c}) outside a ${nRows} x ${nCols} matrix`);
    }
    byCol[c + 1]!++;
    byRow[r + 1]!++;
  }
  for (let c = 0; c < nCols; c++) byCol[c + 1]! += byCol[c]!;
  for (let r = 0; r < nRows; r++) byRow[r + 1]! += byRow[r]!;
  const colOrder = new Int32Array(n);
  for (let i = 0; i < n; i++) colOrder[byCol[cols[i]!]!++] = i;
  const rawCols = new Int32Array(n);
  const rawValues = new Float32Array(n);
  const cursor = byRow.slice(0, nRows);
  for (let k = 0; k < n; k++) {
    const i = colOrder[k]!;
    const at = cursor[rows[i]!]!++;
    rawCols[at] = cols[i]!;
    rawValues[at] = values[i]!;
  }
  const indptr = new Int32Array(nRows + 1);
  let out = 0;
  for (let r = 0; r < nRows; r++) {
    const rowStart = out;
    for (let p = byRow[r]!; p < byRow[r + 1]!; p++) {
      if (out > rowStart && rawCols[out - 1] === rawCols[p]) {
        rawValues[out - 1]! += rawValues[p]!;
      } else {
        rawCols[out] = rawCols[p]!;
        rawValues[out] = rawValues[p]!;
        out++;
      }
    }
    indptr[r + 1] = out;
  }
  return { nRows, nCols, indptr, indices: rawCols.slice(0, out), values: rawValues.slice(0, out) };
}

/** The transpose (CSR of the transposed matrix, i.e. the CSC form of `m`). */
export function transpose(m: Csr): Csr {
  const nnz = m.indices.length;
  const indptr = new Int32Array(m.nCols + 1);
  for (let i = 0; i < nnz; i++) indptr[m.indices[i]! + 1]!++;
  for (let c = 0; c < m.nCols; c++) indptr[c + 1]! += indptr[c]!;
  const cursor = indptr.slice(0, m.nCols);
  const indices = new Int32Array(nnz);
  const values = new Float32Array(nnz);
  for (let r = 0; r < m.nRows; r++) {
    for (let p = m.indptr[r]!; p < m.indptr[r + 1]!; p++) {
      const at = cursor[m.indices[p]!]!++;
      indices[at] = r; // rows visited in order, so each column's list stays sorted
      values[at] = m.values[p]!;
    }
  }
  return { nRows: m.nCols, nCols: m.nRows, indptr, indices, values };
}

/** Column-compressed view of `m` (same data as `transpose`, named for the reader). */
export const toCsc = transpose;

/** The triples of a CSR matrix, row-major. */
export function toTriples(m: Csr): Triples {
  const nnz = m.indices.length;
  const rows = new Int32Array(nnz);
  for (let r = 0; r < m.nRows; r++) rows.fill(r, m.indptr[r]!, m.indptr[r + 1]!);
  return { rows, cols: m.indices.slice(), values: m.values.slice() };
}

/** Applies `f` to every stored value, keeping the sparsity pattern. */
export function mapValues(m: Csr, f: (value: number) => number): Csr {
  const values = new Float32Array(m.values.length);
  for (let i = 0; i < values.length; i++) values[i] = f(m.values[i]!);
  return { ...m, values };
}

/** Number of stored entries per column. */
export function columnCounts(m: Csr): Int32Array {
  const counts = new Int32Array(m.nCols);
  for (let i = 0; i < m.indices.length; i++) counts[m.indices[i]!]!++;
  return counts;
}
