import { sql, type SqlBool } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { CommentStatus, CommentTargetType } from '../../db/tables/comments.ts';
import { hotScore, hotScoreSql } from './hot-score.ts';
import type { TimePosition } from './keyset-cursor.ts';

export interface CommentTarget {
  targetType: CommentTargetType;
  targetId: string;
}

export interface CommentRow extends CommentTarget {
  id: string;
  lineIndex: number | null;
  quotedLine: string | null;
  authorId: string;
  parentId: string | null;
  replyToId: string | null;
  body: string;
  mentions: string[];
  likeCount: number;
  replyCount: number;
  hugCount: number;
  hotScore: number;
  status: CommentStatus;
  createdAt: Date;
}

export interface AuthorRef {
  id: string;
  username: string;
  nickname: string;
  avatarId: string | null;
}

export interface ListedComment extends CommentRow {
  author: AuthorRef;
  /** by the viewer the list was read for */
  liked: boolean;
  hugged: boolean;
}

export interface NewComment extends CommentTarget {
  lineIndex: number | null;
  quotedLine: string | null;
  authorId: string;
  parentId: string | null;
  replyToId: string | null;
  body: string;
  mentions: string[];
  idempotencyKey: string | null;
  createdAt: Date;
}

/** A position in the hot list. */
export interface ScoreKey {
  score: number;
  id: string;
}

export interface ListScope extends CommentTarget {
  /** lyric comments of one line only */
  lineIndex?: number;
}

export interface QuotedComment {
  id: string;
  status: CommentStatus;
  body: string;
  authorNickname: string;
}

const commentColumns = [
  'c.id',
  'c.targetType',
  'c.targetId',
  'c.lineIndex',
  'c.quotedLine',
  'c.authorId',
  'c.parentId',
  'c.replyToId',
  'c.body',
  'c.mentions',
  'c.likeCount',
  'c.replyCount',
  'c.hugCount',
  'c.hotScore',
  'c.status',
  'c.createdAt',
] as const;

type ListedRow = CommentRow & {
  username: string;
  nickname: string;
  avatarId: string | null;
  liked: SqlBool;
  hugged: SqlBool;
};

function toListed({ username, nickname, avatarId, liked, hugged, ...row }: ListedRow): ListedComment {
  return {
    ...row,
    author: { id: row.authorId, username, nickname, avatarId },
    liked: Boolean(liked),
    hugged: Boolean(hugged),
  };
}

/**
 * Comments and their counters. Every write that changes what a list shows keeps the counters
 * in the same statement (comment_totals, the thread's reply_count and hot_score), so they are
 * exact without a count(*) over a million rows.
 */
export class CommentRepository {
  constructor(private readonly db: Db) {}

  async findById(id: string): Promise<CommentRow | undefined> {
    return this.db
      .selectFrom('comments as c')
      .select(commentColumns)
      .where('c.id', '=', id)
      .executeTakeFirst();
  }

  async findListed(viewerId: string, ids: readonly string[]): Promise<ListedComment[]> {
    if (ids.length === 0) return [];
    const rows = await this.listed(viewerId).where('c.id', 'in', ids).execute();
    return rows.map(toListed);
  }

  /**
   * Inserts a comment and counts it, in one statement. A repeated (author, idempotency key)
   * inserts nothing and returns the comment the first submission created.
   */
  async insert(comment: NewComment): Promise<{ id: string; created: boolean }> {
    const { rows } = await sql<{ id: string }>`
      WITH inserted AS (
        INSERT INTO comments (target_type, target_id, line_index, quoted_line, author_id, parent_id,
                              reply_to_id, body, mentions, idempotency_key, created_at, hot_score)
        VALUES (${comment.targetType}, ${comment.targetId}, ${comment.lineIndex}, ${comment.quotedLine},
                ${comment.authorId}, ${comment.parentId}, ${comment.replyToId}, ${comment.body},
                ${comment.mentions}::uuid[], ${comment.idempotencyKey}, ${comment.createdAt},
                ${hotScore({ likes: 0, replies: 0, ageMs: 0 })})
        ON CONFLICT (author_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
        RETURNING id, target_type, target_id, parent_id
      ),
      counted AS (
        INSERT INTO comment_totals (target_type, target_id, total)
        SELECT target_type, target_id, 1 FROM inserted
        ON CONFLICT (target_type, target_id) DO UPDATE SET total = comment_totals.total + 1
      ),
      thread AS (
        UPDATE comments AS p
        SET reply_count = p.reply_count + 1,
            hot_score = ${hotScoreSql(sql`p.like_count`, sql`p.reply_count + 1`, sql`p.created_at`, comment.createdAt)}
        FROM inserted WHERE p.id = inserted.parent_id
      )
      SELECT id FROM inserted`.execute(this.db);
    if (rows[0]) return { id: rows[0].id, created: true };
    const existing = await this.db
      .selectFrom('comments')
      .select('id')
      .where('authorId', '=', comment.authorId)
      .where('idempotencyKey', '=', comment.idempotencyKey)
      .executeTakeFirstOrThrow();
    return { id: existing.id, created: false };
  }

  /**
   * Hides a visible comment (the author's delete, or a moderator's removal) and uncounts it.
   * False when it was not visible, so a repeated delete changes nothing and counts nothing.
   */
  async hide(id: string, status: 'deleted' | 'removed', now: Date): Promise<boolean> {
    const { rows } = await sql<{ id: string }>`
      WITH hidden AS (
        UPDATE comments SET status = ${status}, status_changed_at = ${now}, hot_score = 0
        WHERE id = ${id} AND status = 'visible'
        RETURNING id, target_type, target_id, parent_id
      ),
      counted AS (
        UPDATE comment_totals AS t SET total = greatest(0, t.total - 1)
        FROM hidden WHERE t.target_type = hidden.target_type AND t.target_id = hidden.target_id
      ),
      thread AS (
        UPDATE comments AS p
        SET reply_count = greatest(0, p.reply_count - 1),
            hot_score = CASE WHEN p.status = 'visible'
              THEN ${hotScoreSql(sql`p.like_count`, sql`greatest(0, p.reply_count - 1)`, sql`p.created_at`, now)}
              ELSE p.hot_score END
        FROM hidden WHERE p.id = hidden.parent_id
      )
      SELECT id FROM hidden`.execute(this.db);
    return rows.length > 0;
  }

  /** Newest first. Gone comments stay listed while they have replies, as "comment deleted". */
  async listNew(
    viewerId: string,
    scope: ListScope,
    after: TimePosition | null,
    limit: number,
  ): Promise<ListedComment[]> {
    let query = this.topLevel(viewerId, scope).where((eb) =>
      eb.or([eb('c.status', '=', 'visible'), eb('c.replyCount', '>', 0)]),
    );
    if (after) {
      query = query.where(
        sql<boolean>`(c.created_at, c.id) < (${new Date(after.at)}::timestamptz, ${after.id}::uuid)`,
      );
    }
    const rows = await query.orderBy('c.createdAt', 'desc').orderBy('c.id', 'desc').limit(limit).execute();
    return rows.map(toListed);
  }

  /**
   * Highest hot score first. With `exceptUnnoticedSince`, leaves out the comments that
   * `listUnnoticed` lists for the same date (recommended's two streams stay disjoint).
   */
  async listHot(
    viewerId: string,
    scope: ListScope,
    after: ScoreKey | null,
    limit: number,
    exceptUnnoticedSince?: Date,
  ): Promise<ListedComment[]> {
    let query = this.topLevel(viewerId, scope).where((eb) =>
      eb.or([eb('c.status', '=', 'visible'), eb('c.replyCount', '>', 0)]),
    );
    if (exceptUnnoticedSince) {
      query = query.where(
        sql<boolean>`NOT (c.status = 'visible' AND c.like_count = 0 AND c.reply_count = 0
                          AND c.created_at > ${exceptUnnoticedSince}::timestamptz)`,
      );
    }
    if (after) {
      query = query.where(sql<boolean>`(c.hot_score, c.id) < (${after.score}::float8, ${after.id}::uuid)`);
    }
    const rows = await query.orderBy('c.hotScore', 'desc').orderBy('c.id', 'desc').limit(limit).execute();
    return rows.map(toListed);
  }

  /**
   * Visible comments posted since `since` that nobody has liked or answered yet, newest first
   * (recommended's fresh voices): a range of their own partial index, however many comments
   * around them have likes.
   */
  async listUnnoticed(
    viewerId: string,
    scope: ListScope,
    since: Date,
    after: TimePosition | null,
    limit: number,
  ): Promise<ListedComment[]> {
    let query = this.topLevel(viewerId, scope)
      .where('c.status', '=', 'visible')
      .where('c.likeCount', '=', 0)
      .where('c.replyCount', '=', 0)
      .where('c.createdAt', '>', since);
    if (after) {
      query = query.where(
        sql<boolean>`(c.created_at, c.id) < (${new Date(after.at)}::timestamptz, ${after.id}::uuid)`,
      );
    }
    const rows = await query.orderBy('c.createdAt', 'desc').orderBy('c.id', 'desc').limit(limit).execute();
    return rows.map(toListed);
  }

  /** A thread's replies, oldest first (floor order), gone ones included as placeholders. */
  async listReplies(
    viewerId: string,
    rootId: string,
    after: TimePosition | null,
    limit: number,
  ): Promise<ListedComment[]> {
    let query = this.listed(viewerId).where('c.parentId', '=', rootId);
    if (after) {
      query = query.where(
        sql<boolean>`(c.created_at, c.id) > (${new Date(after.at)}::timestamptz, ${after.id}::uuid)`,
      );
    }
    const rows = await query.orderBy('c.createdAt', 'asc').orderBy('c.id', 'asc').limit(limit).execute();
    return rows.map(toListed);
  }

  /** What replies quote: the answered comments with their authors' nicknames. */
  async quoted(ids: readonly string[]): Promise<QuotedComment[]> {
    if (ids.length === 0) return [];
    return this.db
      .selectFrom('comments as c')
      .innerJoin('users as u', 'u.id', 'c.authorId')
      .select(['c.id', 'c.status', 'c.body', 'u.nickname as authorNickname'])
      .where('c.id', 'in', ids)
      .execute();
  }

  /** Visible comments and replies on a target (or one lyric line): a counter, or an index range. */
  async total(scope: ListScope): Promise<number> {
    if (scope.lineIndex !== undefined) {
      const row = await this.db
        .selectFrom('comments')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('targetType', '=', 'lyric')
        .where('targetId', '=', scope.targetId)
        .where('lineIndex', '=', scope.lineIndex)
        .where('status', '=', 'visible')
        .executeTakeFirstOrThrow();
      return Number(row.n);
    }
    const row = await this.db
      .selectFrom('commentTotals')
      .select('total')
      .where('targetType', '=', scope.targetType)
      .where('targetId', '=', scope.targetId)
      .executeTakeFirst();
    return row?.total ?? 0;
  }

  /** Visible comments (and replies) per lyric line of a track, for the now-playing page. */
  async lyricLineCounts(trackId: string): Promise<{ lineIndex: number; count: number }[]> {
    const rows = await this.db
      .selectFrom('comments')
      .select(['lineIndex', (eb) => eb.fn.countAll<number>().as('count')])
      .where('targetType', '=', 'lyric')
      .where('targetId', '=', trackId)
      .where('status', '=', 'visible')
      .groupBy('lineIndex')
      .orderBy('lineIndex')
      .execute();
    return rows.map((r) => ({ lineIndex: r.lineIndex ?? 0, count: Number(r.count) }));
  }

  /**
   * Re-scores visible top-level comments posted since `since`, in batches walking
   * (created_at, id) so no statement holds many row locks. Returns how many were updated.
   */
  async refreshHotScores(since: Date, now: Date, batchSize: number): Promise<number> {
    let updated = 0;
    let from = { at: since, id: '00000000-0000-0000-0000-000000000000' };
    for (;;) {
      const { rows } = await sql<{ createdAt: Date; id: string; n: number }>`
        WITH batch AS (
          SELECT id, created_at FROM comments
          WHERE parent_id IS NULL AND status = 'visible'
            AND (created_at, id) > (${from.at}::timestamptz, ${from.id}::uuid)
          ORDER BY created_at, id LIMIT ${batchSize}
        ),
        scored AS (
          UPDATE comments AS c
          SET hot_score = ${hotScoreSql(sql`c.like_count`, sql`c.reply_count`, sql`c.created_at`, now)}
          FROM batch WHERE c.id = batch.id
        )
        SELECT created_at, id, count(*) OVER () AS n FROM batch ORDER BY created_at DESC, id DESC LIMIT 1`.execute(
        this.db,
      );
      const last = rows[0];
      if (!last) return updated;
      updated += Number(last.n);
      from = { at: last.createdAt, id: last.id };
    }
  }

  /** Comments with their authors, and whether the viewer liked or hugged each: one query per page. */
  private listed(viewerId: string) {
    return this.db
      .selectFrom('comments as c')
      .innerJoin('users as u', 'u.id', 'c.authorId')
      .select([...commentColumns, 'u.username', 'u.nickname', 'u.avatarId'])
      .select((eb) => [
        eb
          .exists(
            eb
              .selectFrom('commentLikes as l')
              .select('l.userId')
              .whereRef('l.commentId', '=', 'c.id')
              .where('l.userId', '=', viewerId),
          )
          .as('liked'),
        eb
          .exists(
            eb
              .selectFrom('commentHugs as h')
              .select('h.userId')
              .whereRef('h.commentId', '=', 'c.id')
              .where('h.userId', '=', viewerId),
          )
          .as('hugged'),
      ]);
  }

  private topLevel(viewerId: string, scope: ListScope) {
    let query = this.listed(viewerId)
      .where('c.targetType', '=', scope.targetType)
      .where('c.targetId', '=', scope.targetId)
      .where('c.parentId', 'is', null);
    if (scope.lineIndex !== undefined) query = query.where('c.lineIndex', '=', scope.lineIndex);
    return query;
  }
}
