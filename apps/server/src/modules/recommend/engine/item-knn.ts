/**
 * Item-kNN baseline (Sarwar et al. 2001, the RecBole ItemKNN variant): cosine similarity between
 * item columns, optionally shrunk, each item keeping its `k` most similar items; a user's score
 * for item j is the sum of the similarities between j and the items in the user's history.
 */
import type { Csr } from './sparse.ts';
import { transpose } from './sparse.ts';
import type { SparseVector } from './vectors.ts';

export interface ItemKnnOptions {
  /** Neighbours kept per item. */
  readonly k: number;
  /** Shrinkage added to the cosine denominator (damps similarities resting on few co-listeners). */
  readonly shrink: number;
}

export const DEFAULT_ITEM_KNN_OPTIONS: ItemKnnOptions = { k: 100, shrink: 0 };

export interface ItemKnnModel {
  /** Row i: items j whose neighbour lists contain i, with sim(i, j); score = Σ_i h_i row_i. */
  readonly similar: Csr;
}

export function trainItemKnn(interactions: Csr, options: Partial<ItemKnnOptions> = {}): ItemKnnModel {
  const { k, shrink } = { ...DEFAULT_ITEM_KNN_OPTIONS, ...options };
  const x = interactions;
  const xt = transpose(x);
  const nItems = x.nCols;
  const norms = new Float64Array(nItems);
  for (let j = 0; j < nItems; j++) {
    let s = 0;
    for (let p = xt.indptr[j]!; p < xt.indptr[j + 1]!; p++) s += xt.values[p]! * xt.values[p]!;
    norms[j] = Math.sqrt(s);
  }
  // For each target item j, the co-occurrence with every i via shared listeners; keep the top k.
  const acc = new Float64Array(nItems);
  const touched = new Int32Array(nItems);
  const mark = new Uint8Array(nItems);
  const keptFrom: number[] = [];
  const keptTo: number[] = [];
  const keptSim: number[] = [];
  const candIdx = new Int32Array(nItems);
  for (let j = 0; j < nItems; j++) {
    let nTouched = 0;
    for (let p = xt.indptr[j]!; p < xt.indptr[j + 1]!; p++) {
      const u = xt.indices[p]!;
      const xuj = xt.values[p]!;
      for (let q = x.indptr[u]!; q < x.indptr[u + 1]!; q++) {
        const i = x.indices[q]!;
        if (i === j) continue;
        if (mark[i] === 0) {
          mark[i] = 1;
          touched[nTouched++] = i;
        }
        acc[i]! += xuj * x.values[q]!;
      }
    }
    let nCand = 0;
    for (let t = 0; t < nTouched; t++) {
      const i = touched[t]!;
      const denom = norms[i]! * norms[j]! + shrink;
      acc[i] = denom > 0 ? acc[i]! / denom : 0;
      if (acc[i]! > 0) candIdx[nCand++] = i;
    }
    const chosen = candIdx.subarray(0, nCand);
    if (nCand > k) {
      chosen.sort((a, b) => acc[b]! - acc[a]! || a - b);
    }
    for (let t = 0; t < Math.min(k, nCand); t++) {
      const i = chosen[t]!;
      keptFrom.push(i);
      keptTo.push(j);
      keptSim.push(acc[i]!);
    }
    for (let t = 0; t < nTouched; t++) {
      acc[touched[t]!] = 0;
      mark[touched[t]!] = 0;
    }
  }
  const similar = buildFromLists(keptFrom, keptTo, keptSim, nItems);
  return { similar };
}

function buildFromLists(from: number[], to: number[], sim: number[], n: number): Csr {
  const indptr = new Int32Array(n + 1);
  for (const f of from) indptr[f + 1]!++;
  for (let i = 0; i < n; i++) indptr[i + 1]! += indptr[i]!;
  const cursor = indptr.slice(0, n);
  const indices = new Int32Array(from.length);
  const values = new Float32Array(from.length);
  for (let e = 0; e < from.length; e++) {
    const at = cursor[from[e]!]!++;
    indices[at] = to[e]!;
    values[at] = sim[e]!;
  }
  return { nRows: n, nCols: n, indptr, indices, values };
}

export function scoreItemKnn(model: ItemKnnModel, history: SparseVector, out: Float32Array): void {
  out.fill(0);
  const s = model.similar;
  for (let p = 0; p < history.items.length; p++) {
    const i = history.items[p]!;
    const h = history.values[p]!;
    for (let q = s.indptr[i]!; q < s.indptr[i + 1]!; q++) out[s.indices[q]!]! += h * s.values[q]!;
  }
}
