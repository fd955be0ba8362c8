import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { CommentStatus, CommentTargetType, NotificationKind } from '../../db/tables/comments.ts';
import type { TimePosition } from '../comments/keyset-cursor.ts';
import type { NotificationEvent } from './notification-event.ts';

/** How many of the latest actors a grouped notification names ("A, B and 12 others"). */
export const NAMED_ACTORS = 2;

/** Kinds whose unread notifications about one comment are one row that accumulates actors. */
const GROUPED: ReadonlySet<NotificationKind> = new Set<NotificationKind>(['like']);

export interface NotificationRow {
  id: string;
  kind: NotificationKind;
  targetType: CommentTargetType;
  targetId: string;
  actorIds: string[];
  actorCount: number;
  readAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  comment: {
    id: string;
    parentId: string | null;
    lineIndex: number | null;
    status: CommentStatus;
    body: string;
  };
}

export interface ActorRow {
  id: string;
  username: string;
  nickname: string;
  avatarId: string | null;
}

type SelectedRow = Omit<NotificationRow, 'comment'> & {
  commentId: string;
  parentId: string | null;
  lineIndex: number | null;
  status: CommentStatus;
  body: string;
};

function toRow({ commentId, parentId, lineIndex, status, body, ...n }: SelectedRow): NotificationRow {
  return { ...n, comment: { id: commentId, parentId, lineIndex, status, body } };
}

export class NotificationRepository {
  constructor(private readonly db: Db) {}

  /**
   * Records an event. A groupable one joins the recipient's unread row of its group: the actor
   * moves to the front of the named actors and the count grows, unless they are already among
   * the named ones (so like, unlike, like again counts once). Once that row is read, the next
   * event starts a new one.
   */
  async record(event: NotificationEvent, now: Date): Promise<NotificationRow> {
    const groupKey = GROUPED.has(event.kind) ? `${event.kind}:${event.comment.id}` : null;
    const { rows } = await sql<SelectedRow>`
      WITH n AS (
        INSERT INTO notifications AS n (user_id, kind, comment_id, target_type, target_id, actor_ids,
                                        actor_count, group_key, created_at, updated_at)
        VALUES (${event.recipientId}, ${event.kind}, ${event.comment.id}, ${event.comment.targetType},
                ${event.comment.targetId}, ARRAY[${event.actorId}]::uuid[], 1, ${groupKey}, ${now}, ${now})
        ON CONFLICT (user_id, group_key) WHERE read_at IS NULL AND group_key IS NOT NULL DO UPDATE SET
          actor_count = n.actor_count + CASE WHEN ${event.actorId}::uuid = ANY(n.actor_ids) THEN 0 ELSE 1 END,
          actor_ids = (ARRAY[${event.actorId}]::uuid[] || array_remove(n.actor_ids, ${event.actorId}::uuid))[1:${NAMED_ACTORS}],
          updated_at = excluded.updated_at
        RETURNING *
      )
      SELECT n.id, n.kind, n.target_type, n.target_id, n.actor_ids, n.actor_count, n.read_at, n.created_at,
             n.updated_at, n.comment_id, c.parent_id, c.line_index, c.status, c.body
      FROM n JOIN comments c ON c.id = n.comment_id`.execute(this.db);
    return toRow(rows[0]!);
  }

  /** The user's notifications, most recently updated first. */
  async page(userId: string, after: TimePosition | null, limit: number): Promise<NotificationRow[]> {
    let query = this.selectFor(userId);
    if (after) {
      query = query.where(
        sql<boolean>`(n.updated_at, n.id) < (${new Date(after.at)}::timestamptz, ${after.id}::uuid)`,
      );
    }
    const rows = await query.orderBy('n.updatedAt', 'desc').orderBy('n.id', 'desc').limit(limit).execute();
    return rows.map(toRow);
  }

  /**
   * Unread counts, split by playlist: null holds everything not about a playlist; each
   * playlist id holds the unread about it, for the caller to keep only the visible ones.
   */
  async unreadByPlaylist(userId: string): Promise<{ playlistId: string | null; count: number }[]> {
    const { rows } = await sql<{ playlistId: string | null; count: number }>`
      SELECT CASE WHEN target_type = 'playlist' THEN target_id END AS playlist_id, count(*) AS count
      FROM notifications WHERE user_id = ${userId} AND read_at IS NULL
      GROUP BY 1`.execute(this.db);
    return rows.map((r) => ({ playlistId: r.playlistId, count: Number(r.count) }));
  }

  /** Marks some (or all, with ids undefined) of the user's notifications read. */
  async markRead(userId: string, ids: readonly string[] | undefined, now: Date): Promise<number> {
    if (ids?.length === 0) return 0;
    let query = this.db
      .updateTable('notifications')
      .set({ readAt: now })
      .where('userId', '=', userId)
      .where('readAt', 'is', null);
    if (ids) query = query.where('id', 'in', ids);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async actors(ids: readonly string[]): Promise<ActorRow[]> {
    if (ids.length === 0) return [];
    return this.db
      .selectFrom('users')
      .select(['id', 'username', 'nickname', 'avatarId'])
      .where('id', 'in', ids)
      .execute();
  }

  private selectFor(userId: string) {
    return this.db
      .selectFrom('notifications as n')
      .innerJoin('comments as c', 'c.id', 'n.commentId')
      .select([
        'n.id',
        'n.kind',
        'n.targetType',
        'n.targetId',
        'n.actorIds',
        'n.actorCount',
        'n.readAt',
        'n.createdAt',
        'n.updatedAt',
        'n.commentId',
        'c.parentId',
        'c.lineIndex',
        'c.status',
        'c.body',
      ])
      .where('n.userId', '=', userId);
  }
}
