import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Keyset, SortColumn } from '../library/browse/keyset.ts';
import { after, orderBy, timestampKey } from '../library/browse/keyset.ts';

export interface LikedTrack {
  trackId: string;
  /** liked_at to the microsecond, the cursor key */
  likedKey: string;
}

const likedKey = timestampKey(sql`a.liked_at`);
const likedOrder: SortColumn = { expr: sql`a.liked_at`, key: likedKey, cast: 'timestamptz' };

/**
 * The heart on a track: a `liked_at` on the user's track annotation, and each change of
 * heart appended to `feedback_events` for the recommender.
 */
export class LikeRepository {
  constructor(private readonly db: Db) {}

  /** Sets the heart; false when it was already set (nothing is written then). */
  like(userId: string, trackId: string, at: Date): Promise<boolean> {
    return this.db.transaction().execute(async (tx) => {
      // The WHERE turns an existing like into no row at all, so liking twice keeps the
      // first time (and the list order) and logs one feedback event.
      const changed = await tx
        .insertInto('annotations')
        .values({ userId, itemType: 'track', itemId: trackId, likedAt: at })
        .onConflict((oc) =>
          oc
            .columns(['userId', 'itemType', 'itemId'])
            .doUpdateSet({ likedAt: at })
            .where('annotations.likedAt', 'is', null),
        )
        .returning('itemId')
        .executeTakeFirst();
      if (!changed) return false;
      await tx.insertInto('feedbackEvents').values({ userId, trackId, kind: 'like', at }).execute();
      return true;
    });
  }

  /** Clears the heart; false when it was not set. */
  unlike(userId: string, trackId: string, at: Date): Promise<boolean> {
    return this.db.transaction().execute(async (tx) => {
      const changed = await tx
        .updateTable('annotations')
        .set({ likedAt: null })
        .where('userId', '=', userId)
        .where('itemType', '=', 'track')
        .where('itemId', '=', trackId)
        .where('likedAt', 'is not', null)
        .returning('itemId')
        .executeTakeFirst();
      if (!changed) return false;
      await tx.insertInto('feedbackEvents').values({ userId, trackId, kind: 'unlike', at }).execute();
      return true;
    });
  }

  /** Liked tracks newest first, `limit + 1` rows so the caller knows whether more follow. */
  page(userId: string, from: Keyset | null, limit: number): Promise<LikedTrack[]> {
    let query = this.db
      .selectFrom('annotations as a')
      // Only tracks still in the library: a removed track leaves its annotation behind.
      .innerJoin('tracks as t', 't.id', 'a.itemId')
      .select(['a.itemId as trackId', likedKey.as('likedKey')])
      .where('a.userId', '=', userId)
      .where('a.itemType', '=', 'track')
      .where('a.likedAt', 'is not', null);
    if (from) query = query.where(after(likedOrder, sql`a.item_id`, 'desc', from));
    return query
      .orderBy(orderBy(likedOrder, sql`a.item_id`, 'desc'))
      .limit(limit + 1)
      .execute();
  }

  /** The subset of `trackIds` the user likes. */
  async liked(userId: string, trackIds: readonly string[]): Promise<string[]> {
    if (trackIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('annotations')
      .select('itemId')
      .where('userId', '=', userId)
      .where('itemType', '=', 'track')
      .where('itemId', '=', sql<string>`ANY(${trackIds}::uuid[])`)
      .where('likedAt', 'is not', null)
      .execute();
    return rows.map((row) => row.itemId);
  }
}
