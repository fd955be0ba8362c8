/**
 * The offline protocol: for every user with at least one held-out item, score the whole catalogue,
 * drop the items the user interacted with in training (plus any `alsoExclude` part), and measure
 * Recall@k / NDCG@k against the held-out part. Coverage is measured on the same lists, cut at
 * `coverageK`, over every user with a training history.
 */
import { coverage, ndcgAtK, recallAtK } from './metrics.ts';
import type { Csr } from './sparse.ts';
import { topN } from './topn.ts';

/** Writes one score per catalogue item for `user` into `out`. */
export type UserScorer = (user: number, out: Float32Array) => void;

export interface EvaluationOptions {
  readonly k: number;
  readonly coverageK: number;
  /** Further interactions to exclude from the ranking (e.g. the validation part when testing). */
  readonly alsoExclude?: Csr;
}

export interface Evaluation {
  readonly recall: number;
  readonly ndcg: number;
  /** Share of the catalogue appearing in at least one user's top `coverageK`. */
  readonly coverage: number;
  /** Users that had held-out items (the metric averages run over these). */
  readonly users: number;
}

export function evaluateRanking(
  scorer: UserScorer,
  train: Csr,
  heldOut: Csr,
  options: Partial<EvaluationOptions> = {},
): Evaluation {
  const k = options.k ?? 10;
  const coverageK = options.coverageK ?? 30;
  const nItems = train.nCols;
  const scores = new Float32Array(nItems);
  const excluded = new Uint8Array(nItems);
  const relevant = new Uint8Array(nItems);
  const isRelevant = (item: number) => relevant[item] === 1;
  const lists: Int32Array[] = [];
  let recall = 0;
  let ndcg = 0;
  let users = 0;
  for (let u = 0; u < train.nRows; u++) {
    const trainStart = train.indptr[u]!;
    const trainEnd = train.indptr[u + 1]!;
    const heldStart = heldOut.indptr[u]!;
    const heldEnd = heldOut.indptr[u + 1]!;
    if (trainEnd === trainStart && heldEnd === heldStart) continue;
    scorer(u, scores);
    for (let p = trainStart; p < trainEnd; p++) excluded[train.indices[p]!] = 1;
    const extra = options.alsoExclude;
    if (extra) for (let p = extra.indptr[u]!; p < extra.indptr[u + 1]!; p++) excluded[extra.indices[p]!] = 1;
    const ranked = topN(scores, Math.max(k, coverageK), excluded);
    if (trainEnd > trainStart) lists.push(ranked.subarray(0, coverageK));
    if (heldEnd > heldStart) {
      for (let p = heldStart; p < heldEnd; p++) relevant[heldOut.indices[p]!] = 1;
      recall += recallAtK(ranked, isRelevant, heldEnd - heldStart, k);
      ndcg += ndcgAtK(ranked, isRelevant, heldEnd - heldStart, k);
      users++;
      for (let p = heldStart; p < heldEnd; p++) relevant[heldOut.indices[p]!] = 0;
    }
    for (let p = trainStart; p < trainEnd; p++) excluded[train.indices[p]!] = 0;
    if (extra) for (let p = extra.indptr[u]!; p < extra.indptr[u + 1]!; p++) excluded[extra.indices[p]!] = 0;
  }
  return {
    recall: users > 0 ? recall / users : 0,
    ndcg: users > 0 ? ndcg / users : 0,
    coverage: coverage(lists, nItems),
    users,
  };
}
