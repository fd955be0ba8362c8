/**
 * How the playlist square ranks lists. Both scores are plain numbers a B-tree (hot) or one
 * SQL expression (quality) can order by; the repository writes them with these constants.
 *
 * HOT: exponentially decayed activity without a decay job. The activity of a playlist at time
 * `now` is  A(now) = Σ_i exp(-(now - t_i) / τ)  over its plays and subscriptions t_i. Since
 *   A(now) = exp(-(now - E) / τ) · Σ_i exp((t_i - E) / τ)
 * for a fixed epoch E, and the first factor is the same for every playlist, ordering by the
 * stored  S = Σ_i exp((t_i - E) / τ)  orders by A(now) at every moment: old activity fades
 * relative to new without rewriting a row. S itself grows like exp(t / τ) and would overflow
 * a double about six years after E, so the column keeps  hot_score = ln S  (same order) and
 * each event adds in log space: ln(S + e^x) = max(ln S, x) + ln(1 + e^-|ln S - x|).
 * Every list starts with a seed weight e^-50 (≈ 2e-22 of a play) at its creation, so lists
 * with no activity yet sort newest first, and no -Infinity ever reaches a cursor.
 * Unsubscribing takes its subscription's weight back out, ln(S - e^x), never below the seed,
 * so a subscribe/unsubscribe loop cannot pump a list up the square.
 *
 * QUALITY: subscribers per day of age, with a week's grace so a day-old list with a handful
 * of subscribers does not outrank established ones:  Q = subscribers / (age in days + 7).
 */

/** 2026-01-01T00:00:00Z: the fixed epoch E; changing it would need every hot_score rewritten */
export const HOT_EPOCH_MS = Date.UTC(2026, 0, 1);
/** τ: activity loses a factor e every three days */
export const HOT_TAU_MS = 3 * 24 * 60 * 60 * 1000;
/** ln of the seed weight a new list starts with */
export const HOT_SEED = -50;

export const QUALITY_GRACE_DAYS = 7;
/** lists with fewer subscribers are never "quality" */
export const QUALITY_MIN_SUBSCRIBERS = 1;
const DAY_MS = 24 * 60 * 60 * 1000;

/** x = (t - E) / τ: the log-weight of one event at `at`. */
export function hotExponent(at: Date): number {
  return (at.getTime() - HOT_EPOCH_MS) / HOT_TAU_MS;
}

/** The hot_score of a list created at `at` with no activity yet. */
export function initialHotScore(at: Date): number {
  return hotExponent(at) + HOT_SEED;
}

/** ln(e^a + e^b) without overflow. */
export function logAddExp(a: number, b: number): number {
  const high = Math.max(a, b);
  return high + Math.log1p(Math.exp(-Math.abs(a - b)));
}

/** ln(e^a - e^b) for b < a; -Infinity when nothing (or less) is left. */
export function logSubExp(a: number, b: number): number {
  if (!(b < a)) return -Infinity;
  return a + Math.log1p(-Math.exp(b - a));
}

/** ln Σ e^x over the exponents of several events, as one increment. */
export function logSumExp(exponents: readonly number[]): number {
  if (exponents.length === 0) throw new Error('logSumExp of nothing');
  const high = exponents.reduce((max, x) => Math.max(max, x), -Infinity);
  return high + Math.log(exponents.reduce((sum, x) => sum + Math.exp(x - high), 0));
}

/** The hot_score after events at `times` (one increment, as recordPlays applies it). */
export function hotScoreAfter(score: number, times: readonly Date[]): number {
  return times.length === 0 ? score : logAddExp(score, logSumExp(times.map(hotExponent)));
}

/** The hot_score after taking back an event at `at`, never below the list's seed. */
export function hotScoreWithout(score: number, at: Date, createdAt: Date): number {
  return Math.max(initialHotScore(createdAt), logSubExp(score, hotExponent(at)));
}

/** The decayed activity A(now) the hot order stands for: the reference for the tests. */
export function decayedActivity(times: readonly Date[], now: Date): number {
  return times.reduce((sum, t) => sum + Math.exp(-(now.getTime() - t.getTime()) / HOT_TAU_MS), 0);
}

/** Q = subscribers / (age in days + 7); a clock a little behind the row counts as age 0. */
export function qualityScore(subscribers: number, createdAt: Date, asOf: Date): number {
  const ageDays = Math.max(0, asOf.getTime() - createdAt.getTime()) / DAY_MS;
  return subscribers / (ageDays + QUALITY_GRACE_DAYS);
}
