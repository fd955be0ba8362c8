/**
 * Top-N selection from a dense score vector without sorting it: a size-N min-heap over the
 * candidates, O(nItems log N). Ties go to the lower item index so results are reproducible.
 */

/** True when item a (score sa) ranks strictly below item b (score sb). */
function below(sa: number, a: number, sb: number, b: number): boolean {
  return sa < sb || (sa === sb && a > b);
}

/**
 * The `n` best items by descending score, skipping items flagged in `excluded` (a mask indexed by
 * item: non-zero = never return) and NaN scores. Returns fewer than `n` when fewer remain.
 */
export function topN(scores: ArrayLike<number>, n: number, excluded?: ArrayLike<number>): Int32Array {
  const size = Math.max(0, Math.floor(n));
  const heapItems = new Int32Array(size);
  const heapScores = new Float64Array(size);
  let count = 0;
  for (let item = 0; item < scores.length; item++) {
    if (excluded && excluded[item]) continue;
    const s = scores[item]!;
    if (s !== s) continue; // NaN
    if (count < size) {
      // sift up
      let i = count++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!below(s, item, heapScores[parent]!, heapItems[parent]!)) break;
        heapItems[i] = heapItems[parent]!;
        heapScores[i] = heapScores[parent]!;
        i = parent;
      }
      heapItems[i] = item;
      heapScores[i] = s;
    } else if (size > 0 && below(heapScores[0]!, heapItems[0]!, s, item)) {
      // replace the root (the worst kept) and sift down
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= size) break;
        const right = left + 1;
        let child = left;
        if (
          right < size &&
          below(heapScores[right]!, heapItems[right]!, heapScores[left]!, heapItems[left]!)
        ) {
          child = right;
        }
        if (!below(heapScores[child]!, heapItems[child]!, s, item)) break;
        heapItems[i] = heapItems[child]!;
        heapScores[i] = heapScores[child]!;
        i = child;
      }
      heapItems[i] = item;
      heapScores[i] = s;
    }
  }
  // Pop the heap from the worst to fill the result from the back.
  const result = new Int32Array(count);
  for (let end = count - 1; end >= 0; end--) {
    result[end] = heapItems[0]!;
    const lastItem = heapItems[end]!;
    const lastScore = heapScores[end]!;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= end) break;
      const right = left + 1;
      let child = left;
      if (right < end && below(heapScores[right]!, heapItems[right]!, heapScores[left]!, heapItems[left]!)) {
        child = right;
      }
      if (!below(heapScores[child]!, heapItems[child]!, lastScore, lastItem)) break;
      heapItems[i] = heapItems[child]!;
      heapScores[i] = heapScores[child]!;
      i = child;
    }
    heapItems[i] = lastItem;
    heapScores[i] = lastScore;
  }
  return result;
}

/** A 0/1 mask of length `size` with the given items set (for `topN`'s `excluded`). */
export function maskOf(items: ArrayLike<number>, size: number): Uint8Array {
  const mask = new Uint8Array(size);
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item >= 0 && item < size) mask[item] = 1;
  }
  return mask;
}
