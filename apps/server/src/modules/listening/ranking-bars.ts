/**
 * The length of each play bar of a ranking, 0..100: plays relative to the most played track,
 * rounded, so the first bar is full and a track with half its plays draws half a bar. A track
 * with any plays keeps at least 1 so its bar never vanishes.
 */
export function barScores(playCounts: readonly number[]): number[] {
  const most = Math.max(0, ...playCounts);
  if (most === 0) return playCounts.map(() => 0);
  return playCounts.map((count) => (count <= 0 ? 0 : Math.max(1, Math.round((100 * count) / most))));
}
