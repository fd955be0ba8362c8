/**
 * Ranking metrics with the definitions used by RecBole (and so by the published figures we compare
 * against): binary relevance, Recall@k = hits / |relevant| (not / min(k, |relevant|)), and
 * NDCG@k = DCG / IDCG with IDCG over min(k, |relevant|) ideal hits. Users with nothing relevant
 * are skipped by the caller, not scored as zero.
 */

/** `relevant` is a membership test, e.g. a mask or a Set wrapped as `(item) => set.has(item)`. */
export type Relevance = (item: number) => boolean;

export function recallAtK(
  ranked: ArrayLike<number>,
  relevant: Relevance,
  nRelevant: number,
  k: number,
): number {
  if (nRelevant <= 0) return 0;
  let hits = 0;
  const limit = Math.min(k, ranked.length);
  for (let i = 0; i < limit; i++) if (relevant(ranked[i]!)) hits++;
  return hits / nRelevant;
}

export function ndcgAtK(
  ranked: ArrayLike<number>,
  relevant: Relevance,
  nRelevant: number,
  k: number,
): number {
  if (nRelevant <= 0) return 0;
  let dcg = 0;
  const limit = Math.min(k, ranked.length);
  for (let i = 0; i < limit; i++) if (relevant(ranked[i]!)) dcg += 1 / Math.log2(i + 2);
  let idcg = 0;
  const ideal = Math.min(k, nRelevant);
  for (let i = 0; i < ideal; i++) idcg += 1 / Math.log2(i + 2);
  return dcg / idcg;
}

/**
 * Catalogue coverage ("library utilisation"): the share of the `nItems` items that appear in at
 * least one of the given recommendation lists.
 */
export function coverage(lists: Iterable<ArrayLike<number>>, nItems: number): number {
  if (nItems <= 0) return 0;
  const seen = new Uint8Array(nItems);
  let count = 0;
  for (const list of lists) {
    for (let i = 0; i < list.length; i++) {
      const item = list[i]!;
      if (item >= 0 && item < nItems && seen[item] === 0) {
        seen[item] = 1;
        count++;
      }
    }
  }
  return count / nItems;
}
