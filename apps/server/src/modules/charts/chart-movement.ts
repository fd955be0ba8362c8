export type Movement = 'up' | 'down' | 'same' | 'new';

/**
 * How an entry moved since the refresh before: `new` when it was not on that chart (or there
 * was no refresh before), else up or down by the difference of ranks (rank 1 is the top).
 */
export function movement(rank: number, previousRank: number | null): { movement: Movement; change: number } {
  if (previousRank === null) return { movement: 'new', change: 0 };
  const change = previousRank - rank;
  return { movement: change > 0 ? 'up' : change < 0 ? 'down' : 'same', change };
}
