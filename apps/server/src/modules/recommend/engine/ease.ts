/**
 * EASE (Steck 2019, "Embarrassingly Shallow Autoencoders"): an item-item weight matrix
 *   B = I - P diag(1 / diag P),   P = (XᵀX + λI)⁻¹
 * scoring a user's history h as s = h B. It is the strongest simple model on Last.fm-like data but
 * needs the inverse of an items x items matrix. Two exact ways to get it, chosen by shape:
 *
 * - dual (users <= items, the self-hosted case: a few hundred listeners, a big catalogue): by the
 *   push-through identity P = (I - Xᵀ M X) / λ with M = (XXᵀ + λI)⁻¹, a users x users inverse.
 *   Every item of the catalogue is covered, nothing items x items is ever stored, and for a
 *   training user the scores collapse to X P = M X (one sparse pass).
 * - primal (many users): the classic form restricted to the `maxItems` most-played items; the rest
 *   of the catalogue gets no EASE score and is left to the other signals.
 *
 * X holds non-negative confidences; negative feedback in a scored history still works (it pushes
 * similar items down) but is kept out of the Gram matrix.
 */
import { spdInverse } from './linalg.ts';
import { columnCounts, transpose, type Csr } from './sparse.ts';
import type { SparseVector } from './vectors.ts';

export interface EaseOptions {
  /** L2 regularisation λ (on the scale of XᵀX's diagonal, i.e. listeners per item). */
  readonly lambda: number;
  /** Use the dual form while the users x users matrix has at most this many rows. */
  readonly maxDualUsers: number;
  /** Items kept by the primal form (the most-played ones). */
  readonly maxItems: number;
}

/**
 * λ = 80 on the confidence scale of signals.ts (chosen on the Last.fm validation split among
 * 20-500). Both forms invert an n x n matrix, n³/2 multiply-adds: n = 3,000 takes about 8 s on one
 * core here, the cap that keeps a nightly rebuild well under half a minute.
 */
export const DEFAULT_EASE_OPTIONS: EaseOptions = { lambda: 80, maxDualUsers: 3000, maxItems: 3000 };

export type EaseModel =
  | {
      readonly kind: 'dual';
      readonly lambda: number;
      /** The training matrix X (users x items, non-negative). */
      readonly x: Csr;
      /** Its transpose (items x users). */
      readonly xt: Csr;
      /** M = (XXᵀ + λI)⁻¹, users x users, row-major. */
      readonly m: Float32Array;
      /** diag(P) per item. */
      readonly diagP: Float32Array;
    }
  | {
      readonly kind: 'primal';
      readonly nItems: number;
      /** Catalogue index of each of the m modelled items. */
      readonly itemIds: Int32Array;
      /** B, m x m row-major (row = from item, column = to item). */
      readonly b: Float32Array;
    };

/** Clamps negatives to zero: the Gram matrix only learns from positive interactions. */
function positivePart(x: Csr): Csr {
  const values = new Float32Array(x.values.length);
  for (let i = 0; i < values.length; i++) values[i] = Math.max(0, x.values[i]!);
  return { ...x, values };
}

export function trainEase(interactions: Csr, options: Partial<EaseOptions> = {}): EaseModel {
  const opts = { ...DEFAULT_EASE_OPTIONS, ...options };
  const x = positivePart(interactions);
  return x.nRows <= x.nCols && x.nRows <= opts.maxDualUsers
    ? trainDual(x, opts.lambda)
    : trainPrimal(x, opts);
}

function trainDual(x: Csr, lambda: number): EaseModel {
  const n = x.nRows;
  const xt = transpose(x);
  // K = XXᵀ + λI, accumulated item by item over pairs of its listeners.
  const k = new Float64Array(n * n);
  for (let j = 0; j < xt.nRows; j++) {
    const start = xt.indptr[j]!;
    const end = xt.indptr[j + 1]!;
    for (let p = start; p < end; p++) {
      const u = xt.indices[p]!;
      const xu = xt.values[p]!;
      const row = u * n;
      for (let q = start; q < end; q++) k[row + xt.indices[q]!]! += xu * xt.values[q]!;
    }
  }
  for (let u = 0; u < n; u++) k[u * n + u]! += lambda;
  const m64 = spdInverse(k, n);
  // diag(P)_j = (1 - x_jᵀ M x_j) / λ over the listeners of j.
  const diagP = new Float32Array(x.nCols);
  for (let j = 0; j < xt.nRows; j++) {
    const start = xt.indptr[j]!;
    const end = xt.indptr[j + 1]!;
    let quad = 0;
    for (let p = start; p < end; p++) {
      const row = xt.indices[p]! * n;
      let s = 0;
      for (let q = start; q < end; q++) s += m64[row + xt.indices[q]!]! * xt.values[q]!;
      quad += xt.values[p]! * s;
    }
    diagP[j] = (1 - quad) / lambda;
  }
  return { kind: 'dual', lambda, x, xt, m: Float32Array.from(m64), diagP };
}

function trainPrimal(x: Csr, opts: EaseOptions): EaseModel {
  const counts = columnCounts(x);
  const ranked = Array.from(counts.keys())
    .filter((j) => counts[j]! > 0)
    .sort((a, b) => counts[b]! - counts[a]! || a - b)
    .slice(0, opts.maxItems);
  const itemIds = Int32Array.from(ranked).sort();
  const m = itemIds.length;
  const local = new Int32Array(x.nCols).fill(-1);
  itemIds.forEach((item, i) => (local[item] = i));
  const g = new Float64Array(m * m);
  const rowItems = new Int32Array(x.nCols);
  const rowValues = new Float64Array(x.nCols);
  for (let u = 0; u < x.nRows; u++) {
    let len = 0;
    for (let p = x.indptr[u]!; p < x.indptr[u + 1]!; p++) {
      const li = local[x.indices[p]!]!;
      if (li < 0) continue;
      rowItems[len] = li;
      rowValues[len++] = x.values[p]!;
    }
    for (let a = 0; a < len; a++) {
      const row = rowItems[a]! * m;
      const va = rowValues[a]!;
      for (let c = 0; c < len; c++) g[row + rowItems[c]!]! += va * rowValues[c]!;
    }
  }
  for (let i = 0; i < m; i++) g[i * m + i]! += opts.lambda;
  const p = spdInverse(g, m);
  const b = new Float32Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) b[i * m + j] = i === j ? 0 : -p[i * m + j]! / p[j * m + j]!;
  }
  return { kind: 'primal', nItems: x.nCols, itemIds, b };
}

/**
 * Scores every item for an arbitrary history h (a new user, or a user whose history changed since
 * training): s = h B. `out` has one slot per catalogue item and is overwritten.
 */
export function scoreEase(model: EaseModel, history: SparseVector, out: Float32Array): void {
  out.fill(0);
  if (model.kind === 'primal') {
    const m = model.itemIds.length;
    for (let p = 0; p < history.items.length; p++) {
      const li = binarySearch(model.itemIds, history.items[p]!);
      if (li < 0) continue;
      const h = history.values[p]!;
      const row = li * m;
      for (let j = 0; j < m; j++) out[model.itemIds[j]!]! += h * model.b[row + j]!;
    }
    return;
  }
  const { x, xt, m, diagP, lambda } = model;
  const n = x.nRows;
  // a = X h (per user), b = M a, c = Xᵀ b; then hP = (h - c) / λ and s = h - hP / diag(P).
  const a = new Float64Array(n);
  for (let p = 0; p < history.items.length; p++) {
    const j = history.items[p]!;
    const h = history.values[p]!;
    for (let q = xt.indptr[j]!; q < xt.indptr[j + 1]!; q++) a[xt.indices[q]!]! += h * xt.values[q]!;
  }
  const b = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    const av = a[v]!;
    if (av === 0) continue;
    const row = v * n;
    for (let u = 0; u < n; u++) b[u]! += av * m[row + u]!;
  }
  for (let u = 0; u < n; u++) {
    const bu = b[u]!;
    if (bu === 0) continue;
    for (let q = x.indptr[u]!; q < x.indptr[u + 1]!; q++) out[x.indices[q]!]! += bu * x.values[q]!;
  }
  // out holds c; turn it into s_j = h_j - (h_j - c_j) / (λ diagP_j).
  for (let j = 0; j < out.length; j++) out[j] = out[j]! / (lambda * diagP[j]!);
  for (let p = 0; p < history.items.length; p++) {
    const j = history.items[p]!;
    out[j] = out[j]! + history.values[p]! * (1 - 1 / (lambda * diagP[j]!));
  }
}

/**
 * Fast path for a user exactly as seen in training (dual form only): X P = M X, so the scores are
 * a sparse combination of the other users' rows. Returns false when it does not apply.
 */
export function scoreEaseTrainingUser(model: EaseModel, user: number, out: Float32Array): boolean {
  if (model.kind !== 'dual') return false;
  const { x, m, diagP } = model;
  const n = x.nRows;
  out.fill(0);
  const row = user * n;
  for (let v = 0; v < n; v++) {
    const w = m[row + v]!;
    for (let q = x.indptr[v]!; q < x.indptr[v + 1]!; q++) out[x.indices[q]!]! += w * x.values[q]!;
  }
  // out = (XP)_u; s = x_u - (XP)_u / diagP.
  for (let j = 0; j < out.length; j++) out[j] = -out[j]! / diagP[j]!;
  for (let q = x.indptr[user]!; q < x.indptr[user + 1]!; q++) out[x.indices[q]!]! += x.values[q]!;
  return true;
}

/** "People who play `item` also play j": row `item` of B, i.e. the scores of that one-item history. */
export function easeNeighbours(model: EaseModel, item: number, out: Float32Array): void {
  scoreEase(model, { items: Int32Array.of(item), values: Float32Array.of(1) }, out);
  out[item] = 0;
}

function binarySearch(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid]!;
    if (v === value) return mid;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
