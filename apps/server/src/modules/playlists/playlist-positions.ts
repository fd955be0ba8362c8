/**
 * Where a track sits in its playlist: `position` is a double and the order is
 * (position, track_id). Adding or dragging a track writes only the moved rows, at positions
 * spread evenly between their new neighbours. Halving a gap again and again eventually leaves
 * no room (or no distinct double) between two neighbours; the plan then says "renumber", the
 * repository rewrites the whole list to 1, 2, 3, … in one statement, and the plan is made
 * again, which then always fits (see MAX_INSERT).
 */

/** Distance between neighbours after a renumber, and between appended tracks. */
export const POSITION_STEP = 1;

/**
 * The smallest gap left between two neighbours. Far above a double's resolution at the
 * magnitudes positions reach, so a midpoint is always a distinct number strictly in between.
 */
export const MIN_GAP = 1e-6;

/** The most tracks placed in one gap; after a renumber a gap of STEP holds this many easily. */
export const MAX_INSERT = 500;

export type Plan = number[] | 'renumber';

/**
 * Positions for `count` tracks placed between `before` and `after` (the positions of their
 * new neighbours; null at the top or the end of the list), in order.
 */
export function planPositions(before: number | null, after: number | null, count: number): Plan {
  if (!Number.isInteger(count) || count < 1 || count > MAX_INSERT) {
    throw new RangeError(`cannot place ${count} tracks at once`);
  }
  const offsets = Array.from({ length: count }, (_, i) => i + 1);
  let positions: number[];
  if (before === null && after === null) positions = offsets.map((i) => i * POSITION_STEP);
  else if (after === null) positions = offsets.map((i) => before! + i * POSITION_STEP);
  else if (before === null) positions = offsets.map((i) => after - (count + 1 - i) * POSITION_STEP);
  else {
    const step = (after - before) / (count + 1);
    if (!(step >= MIN_GAP)) return 'renumber';
    positions = offsets.map((i) => before + i * step);
  }
  return fits(before, after, positions) ? positions : 'renumber';
}

/** Strictly increasing, strictly inside the neighbours, finite, and at least MIN_GAP apart. */
function fits(before: number | null, after: number | null, positions: number[]): boolean {
  const all = [...(before === null ? [] : [before]), ...positions, ...(after === null ? [] : [after])];
  for (let i = 0; i < all.length; i++) {
    if (!Number.isFinite(all[i]!)) return false;
    if (i > 0 && !(all[i]! - all[i - 1]! >= MIN_GAP)) return false;
  }
  return true;
}

/** The position a renumber gives the track at `index` (0-based): what the SQL writes too. */
export function renumberedPosition(index: number): number {
  return (index + 1) * POSITION_STEP;
}
