/**
 * The "recommended" sort: the hot list, with every FRESH_EVERY-th slot given to a fresh voice
 * (slots 4, 8, 12… of each page), so new comments get seen before anyone has liked them.
 *
 * The two streams are disjoint by definition, so no comment shows twice while paging:
 * - fresh: comments of the last FRESH_WINDOW_DAYS that nobody has liked or answered yet,
 *          newest first (a partial index holds exactly these);
 * - hot:   every other listed comment, by hot score (the hot index).
 * When one stream runs dry the other fills its slots. Each stream keeps its own position in
 * the cursor. (A comment liked between two page loads moves from fresh to hot, the one way
 * it can show twice; the hot list has the same caveat, as likes move scores.)
 */

export const FRESH_EVERY = 4;
export const FRESH_WINDOW_DAYS = 7;

/** The oldest a comment may be to count as a fresh voice at `now`. */
export function freshSince(now: Date): Date {
  return new Date(now.getTime() - FRESH_WINDOW_DAYS * 86_400_000);
}

/** How many fresh comments a page of `limit` needs at most. */
export function freshSlots(limit: number): number {
  return Math.floor(limit / FRESH_EVERY);
}

export interface Interleaved<T> {
  items: T[];
  /** how many items of each stream the page used, to advance each stream's position */
  hotUsed: number;
  freshUsed: number;
}

export function interleave<T>(hot: readonly T[], fresh: readonly T[], limit: number): Interleaved<T> {
  const items: T[] = [];
  let h = 0;
  let f = 0;
  while (items.length < limit && (h < hot.length || f < fresh.length)) {
    const freshTurn = (items.length + 1) % FRESH_EVERY === 0;
    if ((freshTurn && f < fresh.length) || h >= hot.length) items.push(fresh[f++]!);
    else items.push(hot[h++]!);
  }
  return { items, hotUsed: h, freshUsed: f };
}
