import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { timestampKey } from '../library/browse/keyset.ts';

export interface SubscriberRow {
  id: string;
  username: string;
  nickname: string;
  avatarId: string | null;
  subscribedAt: Date;
  /** subscribed_at to the microsecond, for the cursor */
  sortKey: string;
}

/** Who collected which playlist. The subscriber count on the playlist row follows by trigger. */
export class PlaylistSubscriptionRepository {
  constructor(private readonly db: Db) {}

  /** True when the subscription is new (a repeat is a no-op). */
  async add(playlistId: string, userId: string, at: Date): Promise<boolean> {
    const rows = await this.db
      .insertInto('playlistSubscriptions')
      .values({ playlistId, userId, createdAt: at })
      .onConflict((c) => c.columns(['playlistId', 'userId']).doNothing())
      .returning('userId')
      .execute();
    return rows.length > 0;
  }

  /** When the removed subscription was made, or undefined when there was none. */
  async remove(playlistId: string, userId: string): Promise<Date | undefined> {
    const row = await this.db
      .deleteFrom('playlistSubscriptions')
      .where('playlistId', '=', playlistId)
      .where('userId', '=', userId)
      .returning('createdAt')
      .executeTakeFirst();
    return row?.createdAt;
  }

  async subscriberCount(playlistId: string): Promise<number> {
    const row = await this.db
      .selectFrom('playlists')
      .select('subscriberCount')
      .where('id', '=', playlistId)
      .executeTakeFirst();
    return row?.subscriberCount ?? 0;
  }

  /** Subscribers, most recent first (keyset on the playlist's newest-subscriber index). */
  async subscribers(
    playlistId: string,
    after: { key: string; id: string } | null,
    limit: number,
  ): Promise<{ rows: SubscriberRow[]; hasMore: boolean }> {
    let query = this.db
      .selectFrom('playlistSubscriptions as s')
      .innerJoin('users as u', 'u.id', 's.userId')
      .select(['u.id', 'u.username', 'u.nickname', 'u.avatarId', 's.createdAt as subscribedAt'])
      .select(timestampKey(sql`s.created_at`).as('sortKey'))
      .where('s.playlistId', '=', playlistId);
    if (after) {
      query = query.where(
        sql<boolean>`(s.created_at, s.user_id) < (${after.key}::timestamptz, ${after.id}::uuid)`,
      );
    }
    const rows = await query
      .orderBy('s.createdAt', 'desc')
      .orderBy('s.userId', 'desc')
      .limit(limit + 1)
      .execute();
    return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
  }
}
