import { planPositions, type Plan } from './playlist-positions.ts';

/** Where a track is in the list: its position, and its id as the tie-break. */
export interface Place {
  position: number;
  trackId: string;
}

/**
 * What placement needs to read from (and the one write it may make to) a list ordered by
 * (position, track id); the locked repository provides it, the tests an array.
 */
export interface OrderedRows {
  /** positions at index - 1 and index (0-based), null past either end */
  neighboursAt(index: number): Promise<[number | null, number | null]>;
  /** the greatest position, null when empty */
  last(): Promise<number | null>;
  place(trackId: string): Promise<Place | undefined>;
  /** the position of the first row after `from` (the top when null), skipping `skip` */
  nextAfter(from: Place | null, skip: string | null): Promise<number | undefined>;
  /** rewrites positions to renumberedPosition(index), keeping the order */
  renumber(): Promise<void>;
}

/**
 * Plans with fresh neighbours; when the gap is used up, renumbers once and plans again (a
 * renumbered gap always fits MAX_INSERT tracks).
 */
async function withRoom(rows: OrderedRows, plan: () => Promise<Plan>): Promise<number[]> {
  const first = await plan();
  if (first !== 'renumber') return first;
  await rows.renumber();
  const second = await plan();
  if (second === 'renumber') throw new Error('no room between neighbours even after renumbering');
  return second;
}

/** Positions for `count` new tracks inserted before the one at `index` (length: append). */
export function positionsForInsert(
  rows: OrderedRows,
  index: number,
  length: number,
  count: number,
): Promise<number[]> {
  const at = Math.max(0, Math.min(index, length));
  return withRoom(rows, async () => {
    const [before, after] = at === length ? [await rows.last(), null] : await rows.neighboursAt(at);
    return planPositions(before, after, count);
  });
}

/** The new position of `trackId` right after `anchorId`, or at the top when that is null. */
export async function positionForMove(
  rows: OrderedRows,
  trackId: string,
  anchorId: string | null,
): Promise<number> {
  const [position] = await withRoom(rows, async () => {
    const anchor = anchorId ? ((await rows.place(anchorId)) ?? null) : null;
    if (anchorId && !anchor) throw new Error(`anchor ${anchorId} is not in the list`);
    const next = await rows.nextAfter(anchor, trackId);
    return planPositions(anchor?.position ?? null, next ?? null, 1);
  });
  return position!;
}
