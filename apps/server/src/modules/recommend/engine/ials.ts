/**
 * Implicit ALS (Hu, Koren & Volinsky 2008) solved with a few conjugate-gradient steps per row
 * (Takács, Pilászy & Tikk 2011), on Float32 factor matrices.
 *
 * Every (user, item) cell is a preference p (1 if the net signal is positive, else 0) with a
 * confidence c: 1 for the unobserved cells, 1 + alpha * |w| for an observed signal w. Negative
 * feedback (skips, trash) is a *confident zero*, which pulls the user's vector away from those
 * items; that is how the FM's "not this" takes effect. Minimises
 *   Σ c_ui (p_ui - x_u·y_i)² + λ (Σ |x_u|² + Σ |y_i|²)
 * alternating over users and items; each half-step costs O(k² (rows + items) + k nnz) per CG step
 * thanks to the shared Gramian YᵀY.
 */
import { createRng } from '../../demo/prng.ts';
import { factorScorer } from './factor-scorer.ts';
import { choleskyInPlace, choleskySolveInPlace } from './linalg.ts';
import { transpose, type Csr } from './sparse.ts';
import type { SparseVector } from './vectors.ts';

export interface IalsOptions {
  readonly factors: number;
  readonly iterations: number;
  /** L2 regularisation λ. */
  readonly lambda: number;
  /** Confidence slope: c = 1 + alpha * |w|. */
  readonly alpha: number;
  /** CG steps per row and half-iteration (warm-started from the previous solution). */
  readonly cgSteps: number;
  /** Standard deviation of the initial factors. */
  readonly initScale: number;
  readonly seed: number;
}

/**
 * Chosen on the Last.fm validation split (seed 1), with the confidences of signals.ts: strong
 * regularisation (λ = 60 with α = 10; λ 30-80 and α 5-20 were tried) favours accuracy over
 * catalogue coverage; 48 factors, 10 sweeps and 2 CG steps scored as well as 64 / 15 / 3 in a
 * third of the time.
 */
export const DEFAULT_IALS_OPTIONS: IalsOptions = {
  factors: 48,
  iterations: 10,
  lambda: 60,
  alpha: 10,
  cgSteps: 2,
  initScale: 0.01,
  seed: 42,
};

export interface IalsModel {
  readonly factors: number;
  readonly nUsers: number;
  readonly nItems: number;
  readonly lambda: number;
  readonly alpha: number;
  /** nUsers x factors, row-major. */
  readonly userFactors: Float32Array;
  /** nItems x factors, row-major. */
  readonly itemFactors: Float32Array;
  /** YᵀY of the final item factors (factors x factors), kept for fold-in. */
  readonly itemGramian: Float64Array;
}

export function trainIals(interactions: Csr, options: Partial<IalsOptions> = {}): IalsModel {
  const opts = { ...DEFAULT_IALS_OPTIONS, ...options };
  const k = opts.factors;
  const byUser = interactions;
  const byItem = transpose(interactions);
  const rng = createRng(opts.seed);
  const gaussian = () => {
    // Box-Muller on the shared PRNG (1 - next() keeps the log argument in (0, 1]).
    const a = 1 - rng.next();
    const b = rng.next();
    return Math.sqrt(-2 * Math.log(a)) * Math.cos(2 * Math.PI * b);
  };
  const userFactors = new Float32Array(byUser.nRows * k);
  const itemFactors = new Float32Array(byUser.nCols * k);
  for (let i = 0; i < userFactors.length; i++) userFactors[i] = gaussian() * opts.initScale;
  for (let i = 0; i < itemFactors.length; i++) itemFactors[i] = gaussian() * opts.initScale;
  const workspace = new CgWorkspace(k);
  for (let it = 0; it < opts.iterations; it++) {
    solveSide(byUser, itemFactors, userFactors, opts, workspace);
    solveSide(byItem, userFactors, itemFactors, opts, workspace);
  }
  return {
    factors: k,
    nUsers: byUser.nRows,
    nItems: byUser.nCols,
    lambda: opts.lambda,
    alpha: opts.alpha,
    userFactors,
    itemFactors,
    itemGramian: gramian(itemFactors, k),
  };
}

/** GᵀG of a row-major factor matrix (k x k). */
export function gramian(factors: Float32Array, k: number): Float64Array {
  const g = new Float64Array(k * k);
  const n = factors.length / k;
  for (let r = 0; r < n; r++) {
    const off = r * k;
    for (let a = 0; a < k; a++) {
      const fa = factors[off + a]!;
      if (fa === 0) continue;
      const row = a * k;
      for (let b = a; b < k; b++) g[row + b]! += fa * factors[off + b]!;
    }
  }
  for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) g[a * k + b] = g[b * k + a]!;
  return g;
}

class CgWorkspace {
  readonly x: Float64Array;
  readonly r: Float64Array;
  readonly p: Float64Array;
  readonly ap: Float64Array;
  constructor(k: number) {
    this.x = new Float64Array(k);
    this.r = new Float64Array(k);
    this.p = new Float64Array(k);
    this.ap = new Float64Array(k);
  }
}

/** out = (G + λI) v + Σ_i (c_i - 1) (y_i·v) y_i over the row's entries. */
function applyA(
  g: Float64Array,
  lambda: number,
  alpha: number,
  rows: Csr,
  row: number,
  fixed: Float32Array,
  k: number,
  v: Float64Array,
  out: Float64Array,
): void {
  for (let a = 0; a < k; a++) {
    let s = lambda * v[a]!;
    const off = a * k;
    for (let b = 0; b < k; b++) s += g[off + b]! * v[b]!;
    out[a] = s;
  }
  for (let q = rows.indptr[row]!; q < rows.indptr[row + 1]!; q++) {
    const w = rows.values[q]!;
    const extra = alpha * Math.abs(w); // c - 1
    if (extra === 0) continue;
    const off = rows.indices[q]! * k;
    let d = 0;
    for (let a = 0; a < k; a++) d += fixed[off + a]! * v[a]!;
    d *= extra;
    for (let a = 0; a < k; a++) out[a]! += d * fixed[off + a]!;
  }
}

function solveSide(
  rows: Csr,
  fixed: Float32Array,
  target: Float32Array,
  opts: IalsOptions,
  ws: CgWorkspace,
): void {
  const k = opts.factors;
  const g = gramian(fixed, k);
  const { x, r, p, ap } = ws;
  for (let row = 0; row < rows.nRows; row++) {
    const off = row * k;
    if (rows.indptr[row + 1] === rows.indptr[row]) {
      target.fill(0, off, off + k); // no signal: the regularised optimum is exactly zero
      continue;
    }
    for (let a = 0; a < k; a++) x[a] = target[off + a]!;
    // r = b - A x with b = Σ c_i p_i y_i (only positive signals have p = 1).
    applyA(g, opts.lambda, opts.alpha, rows, row, fixed, k, x, ap);
    for (let a = 0; a < k; a++) r[a] = -ap[a]!;
    for (let q = rows.indptr[row]!; q < rows.indptr[row + 1]!; q++) {
      const w = rows.values[q]!;
      if (w <= 0) continue;
      const c = 1 + opts.alpha * w;
      const fo = rows.indices[q]! * k;
      for (let a = 0; a < k; a++) r[a]! += c * fixed[fo + a]!;
    }
    let rsOld = 0;
    for (let a = 0; a < k; a++) {
      p[a] = r[a]!;
      rsOld += r[a]! * r[a]!;
    }
    for (let step = 0; step < opts.cgSteps && rsOld > 1e-20; step++) {
      applyA(g, opts.lambda, opts.alpha, rows, row, fixed, k, p, ap);
      let pAp = 0;
      for (let a = 0; a < k; a++) pAp += p[a]! * ap[a]!;
      if (!(pAp > 0)) break;
      const step_ = rsOld / pAp;
      let rsNew = 0;
      for (let a = 0; a < k; a++) {
        x[a]! += step_ * p[a]!;
        r[a]! -= step_ * ap[a]!;
        rsNew += r[a]! * r[a]!;
      }
      const beta = rsNew / rsOld;
      for (let a = 0; a < k; a++) p[a] = r[a]! + beta * p[a]!;
      rsOld = rsNew;
    }
    for (let a = 0; a < k; a++) target[off + a] = x[a]!;
  }
}

/**
 * The exact least-squares vector of one row (a user, or an item) against fixed factors of the
 * other side, given its entries:
 *   (FᵀF + λI + Σ (c_i - 1) f_i f_iᵀ) x = Σ c_i p_i f_i,
 * one k x k Cholesky solve. This is fold-in: a user's radio reacts to a skip, and a track first
 * played today gets a vector, without retraining anything.
 */
export function solveRow(
  fixed: Float32Array,
  fixedGramian: Float64Array,
  k: number,
  lambda: number,
  alpha: number,
  entries: SparseVector,
): Float32Array {
  const a = fixedGramian.slice();
  for (let d = 0; d < k; d++) a[d * k + d]! += lambda;
  const b = new Float64Array(k);
  for (let p = 0; p < entries.items.length; p++) {
    const w = entries.values[p]!;
    const off = entries.items[p]! * k;
    const extra = alpha * Math.abs(w);
    for (let i = 0; i < k; i++) {
      const fi = fixed[off + i]!;
      if (extra !== 0) {
        const row = i * k;
        for (let j = 0; j < k; j++) a[row + j]! += extra * fi * fixed[off + j]!;
      }
      if (w > 0) b[i]! += (1 + extra) * fi;
    }
  }
  choleskyInPlace(a, k);
  choleskySolveInPlace(a, k, b);
  return Float32Array.from(b);
}

/** Fold-in of a user history against the model's item factors (see `solveRow`). */
export function foldInUser(model: IalsModel, history: SparseVector): Float32Array {
  return solveRow(model.itemFactors, model.itemGramian, model.factors, model.lambda, model.alpha, history);
}

/** s_j = x · y_j for every item. */
export function scoreIals(model: IalsModel, userVector: ArrayLike<number>, out: Float32Array): void {
  factorScorer(model.itemFactors, model.factors).score(userVector, out);
}

/** The stored vector of a training user (a view). */
export function userVector(model: IalsModel, user: number): Float32Array {
  return model.userFactors.subarray(user * model.factors, (user + 1) * model.factors);
}
