import { sql, type Expression, type RawBuilder } from 'kysely';

/**
 * The "hot" rank of a comment (精彩评论): what the community values most, without burying
 * the all-time classics under whatever was posted this morning.
 *
 *   engagement = likes + REPLY_WEIGHT × replies
 *   quality    = log2(2 + engagement)                        ≥ 1, and 1 for a silent comment
 *   freshness  = 1 + FRESH_BOOST × 2^(−age / HALF_LIFE)      2 at birth, falling towards 1
 *   hot        = quality × freshness
 *
 * Why this shape:
 * - Likes count logarithmically: the 1,000th like says less than the 10th, so one comment
 *   cannot run away with the list, and doubling the likes always adds the same step.
 * - A reply costs more than a tap and shows a comment started a conversation: it weighs as
 *   REPLY_WEIGHT likes. Hugs are private to the author, so they never rank anything.
 * - Exposure: a new comment has been seen by few listeners yet, so the likes it has are worth
 *   more. The freshness factor doubles a comment's quality at birth and halves that bonus
 *   every HALF_LIFE; a brand-new comment needs about the square root of a classic's likes to
 *   sit above it for its first hours (200 likes against 5,000), and keeps that place only by
 *   earning more.
 * - The floor is 1, not 0: age alone never pushes a comment down once its freshness is spent,
 *   so a classic with thousands of likes keeps its rank for years (unlike Reddit's hot, where
 *   every 12.5 hours costs a factor of ten).
 * - The score is stored on the row and indexed; likes and replies refresh it on write, and
 *   `refreshHotScores()` re-scores the comments younger than FRESHNESS_HORIZON, the only ones
 *   whose freshness still changes (past it the bonus is below 1e-4 of the quality).
 *
 * `hotScore` (for tests and explanations) and `hotScoreSql` (what the database stores) are
 * the same formula over the same constants; a medium test pins them together.
 */

export const REPLY_WEIGHT = 2;
export const FRESH_BOOST = 1;
export const HALF_LIFE_HOURS = 24;
export const FRESHNESS_HORIZON_DAYS = 14;

const HOUR_MS = 3_600_000;
/**
 * Ages are capped at a year: the bonus is then 2^-365, nothing, and PostgreSQL raises an
 * underflow error (rather than returning 0) for 2^-1075 and below, three years in.
 */
const MAX_AGE_HOURS = 365 * 24;

export interface HotInputs {
  likes: number;
  replies: number;
  /** milliseconds since the comment was posted; negative ages (clock skew) count as zero */
  ageMs: number;
}

export function hotScore({ likes, replies, ageMs }: HotInputs): number {
  const quality = Math.log2(2 + Math.max(0, likes) + REPLY_WEIGHT * Math.max(0, replies));
  const ageHours = Math.min(MAX_AGE_HOURS, Math.max(0, ageMs) / HOUR_MS);
  return quality * (1 + FRESH_BOOST * 2 ** (-ageHours / HALF_LIFE_HOURS));
}

/** The same formula over columns (or any expressions) of a comment row, as of `now`. */
export function hotScoreSql(
  likes: Expression<number> | RawBuilder<number>,
  replies: Expression<number> | RawBuilder<number>,
  createdAt: Expression<Date> | RawBuilder<Date>,
  now: Date,
): RawBuilder<number> {
  const ageHours = sql`least(${sql.lit(MAX_AGE_HOURS)}, greatest(0, extract(epoch FROM (${now}::timestamptz - ${createdAt})) / 3600))::float8`;
  const engagement = sql`greatest(0, ${likes}) + ${sql.lit(REPLY_WEIGHT)} * greatest(0, ${replies})`;
  return sql<number>`(
    ln((2 + ${engagement})::float8) / ln(2::float8)
    * (1 + ${sql.lit(FRESH_BOOST)}::float8 * power(2::float8, -${ageHours} / ${sql.lit(HALF_LIFE_HOURS)}::float8))
  )`;
}
