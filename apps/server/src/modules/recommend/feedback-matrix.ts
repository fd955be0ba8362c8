/**
 * Users' feedback → the engine's users x items confidence matrix. The same function makes the
 * nightly training matrix (many users, in chunks) and one user's fresh history for fold-in, so
 * what the model learnt from and what a request scores are computed alike.
 */
import { confidencesFromEvents, type FeedbackEvent } from './engine/signals.ts';
import type { Csr } from './engine/sparse.ts';
import { rowOf, type SparseVector } from './engine/vectors.ts';
import { signalEvents, type TrackSignals } from './feedback-signals.ts';
import type { UserFeedback } from './user-feedback.ts';

/**
 * One row per feedback (in order) over the items of `itemIndex`; tracks the model does not know
 * (added after it was trained) are left out. Confidences are relative to each user's own median
 * (engine/signals.ts), so a chunk of users gives exactly the rows the whole population would.
 */
export function confidenceRows(
  feedbacks: readonly UserFeedback[],
  itemIndex: ReadonlyMap<string, number>,
  nItems: number,
): Csr {
  // The engine works over the items these users touched only (ascending, so the order of each
  // row survives the mapping back): a request does not pay for the whole catalogue here.
  const cells: [user: number, item: number, signals: TrackSignals][] = [];
  feedbacks.forEach((feedback, user) => {
    for (const [trackId, signals] of feedback.cells) {
      const item = itemIndex.get(trackId);
      if (item !== undefined) cells.push([user, item, signals]);
    }
  });
  const touched = Int32Array.from(new Set(cells.map(([, item]) => item))).sort();
  const local = new Map(Array.from(touched, (item, i) => [item, i]));
  const events: FeedbackEvent[] = cells.flatMap(([user, item, signals]) =>
    signalEvents(user, local.get(item)!, signals),
  );
  const rows = confidencesFromEvents(events, feedbacks.length, touched.length).interactions;
  return { ...rows, nCols: nItems, indices: rows.indices.map((i) => touched[i]!) };
}

/** One user's confidences as a sparse history, for `foldIn`. */
export function historyOf(
  feedback: UserFeedback,
  itemIndex: ReadonlyMap<string, number>,
  nItems: number,
): SparseVector {
  return rowOf(confidenceRows([feedback], itemIndex, nItems), 0);
}

/** Stacks row blocks with the same columns into one matrix (the training matrix from its chunks). */
export function stackRows(blocks: readonly Csr[], nCols: number): Csr {
  let nRows = 0;
  let nnz = 0;
  for (const block of blocks) {
    if (block.nCols !== nCols) throw new Error(`a block has ${block.nCols} columns, not ${nCols}`);
    nRows += block.nRows;
    nnz += block.indices.length;
  }
  const indptr = new Int32Array(nRows + 1);
  const indices = new Int32Array(nnz);
  const values = new Float32Array(nnz);
  let row = 0;
  let at = 0;
  for (const block of blocks) {
    indices.set(block.indices, at);
    values.set(block.values, at);
    for (let r = 0; r < block.nRows; r++) indptr[++row] = at + block.indptr[r + 1]!;
    at += block.indices.length;
  }
  return { nRows, nCols, indptr, indices, values };
}
