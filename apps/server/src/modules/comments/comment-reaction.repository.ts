import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { hotScoreSql } from './hot-score.ts';

export interface ReactionResult {
  /** false when the like (or hug) was already there, or already gone */
  changed: boolean;
  count: number;
}

/**
 * Likes and hugs. Each is one statement: the reaction row is inserted (or deleted) and the
 * comment's counter moves only when that actually happened, under the comment row's lock, so
 * a hundred people liking at once leave the count exact and a repeated like counts once.
 */
export class CommentReactionRepository {
  constructor(private readonly db: Db) {}

  /** Undefined when the comment is not visible (gone, or never existed). */
  async like(commentId: string, userId: string, now: Date): Promise<ReactionResult | undefined> {
    const { rows } = await sql<{ changedCount: number | null; currentCount: number | null }>`
      WITH target AS (SELECT id, like_count FROM comments WHERE id = ${commentId} AND status = 'visible'),
      liked AS (
        INSERT INTO comment_likes (comment_id, user_id, created_at)
        SELECT id, ${userId}, ${now} FROM target
        ON CONFLICT (comment_id, user_id) DO NOTHING
        RETURNING comment_id
      ),
      counted AS (
        UPDATE comments AS c
        SET like_count = c.like_count + 1,
            hot_score = ${hotScoreSql(sql`c.like_count + 1`, sql`c.reply_count`, sql`c.created_at`, now)}
        FROM liked WHERE c.id = liked.comment_id
        RETURNING c.like_count
      )
      SELECT (SELECT like_count FROM counted) AS changed_count, (SELECT like_count FROM target) AS current_count`.execute(
      this.db,
    );
    return this.result(rows[0]);
  }

  async unlike(commentId: string, userId: string, now: Date): Promise<ReactionResult | undefined> {
    const { rows } = await sql<{ changedCount: number | null; currentCount: number | null }>`
      WITH target AS (SELECT id, like_count FROM comments WHERE id = ${commentId} AND status = 'visible'),
      unliked AS (
        DELETE FROM comment_likes AS l USING target
        WHERE l.comment_id = target.id AND l.user_id = ${userId}
        RETURNING l.comment_id
      ),
      counted AS (
        UPDATE comments AS c
        SET like_count = greatest(0, c.like_count - 1),
            hot_score = ${hotScoreSql(sql`greatest(0, c.like_count - 1)`, sql`c.reply_count`, sql`c.created_at`, now)}
        FROM unliked WHERE c.id = unliked.comment_id
        RETURNING c.like_count
      )
      SELECT (SELECT like_count FROM counted) AS changed_count, (SELECT like_count FROM target) AS current_count`.execute(
      this.db,
    );
    return this.result(rows[0]);
  }

  /** A hug is given once and never taken back; it does not rank anything. */
  async hug(commentId: string, userId: string, now: Date): Promise<ReactionResult | undefined> {
    const { rows } = await sql<{ changedCount: number | null; currentCount: number | null }>`
      WITH target AS (SELECT id, hug_count FROM comments WHERE id = ${commentId} AND status = 'visible'),
      hugged AS (
        INSERT INTO comment_hugs (comment_id, user_id, created_at)
        SELECT id, ${userId}, ${now} FROM target
        ON CONFLICT (comment_id, user_id) DO NOTHING
        RETURNING comment_id
      ),
      counted AS (
        UPDATE comments AS c SET hug_count = c.hug_count + 1
        FROM hugged WHERE c.id = hugged.comment_id
        RETURNING c.hug_count
      )
      SELECT (SELECT hug_count FROM counted) AS changed_count, (SELECT hug_count FROM target) AS current_count`.execute(
      this.db,
    );
    return this.result(rows[0]);
  }

  private result(
    row: { changedCount: number | null; currentCount: number | null } | undefined,
  ): ReactionResult | undefined {
    if (!row || row.currentCount === null) return undefined;
    return row.changedCount === null
      ? { changed: false, count: row.currentCount }
      : { changed: true, count: row.changedCount };
  }
}
