import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Keyset, SortColumn } from '../library/browse/keyset.ts';
import { after, orderBy, timestampKey } from '../library/browse/keyset.ts';

export type HistoryItemType = 'track' | 'album' | 'playlist';

export interface HistoryRow {
  itemId: string;
  lastPlayedAt: Date;
  /** last_played_at to the microsecond, the cursor key */
  playedKey: string;
}

export interface PlaylistCard {
  id: string;
  name: string;
  coverId: string | null;
  trackCount: number;
  ownerId: string;
  ownerNickname: string;
}

const playedKey = timestampKey(sql`a.last_played_at`);
const playedOrder: SortColumn = { expr: sql`a.last_played_at`, key: playedKey, cast: 'timestamptz' };

/** The table each kind of history item lives in; its rows may have been deleted since. */
const itemTables: Record<HistoryItemType, string> = {
  track: 'tracks',
  album: 'albums',
  playlist: 'playlists',
};

/**
 * "Recently played": one annotation row per (user, item) holds when it was last played, so
 * the history is deduplicated by construction and pages by keyset on that time.
 */
export class HistoryRepository {
  constructor(private readonly db: Db) {}

  /** Items most recently played first, `limit + 1` rows; items deleted since are skipped. */
  recent(
    userId: string,
    itemType: HistoryItemType,
    from: Keyset | null,
    limit: number,
  ): Promise<HistoryRow[]> {
    let query = this.db
      .selectFrom('annotations as a')
      .select(['a.itemId', sql<Date>`a.last_played_at`.as('lastPlayedAt'), playedKey.as('playedKey')])
      .where('a.userId', '=', userId)
      .where('a.itemType', '=', itemType)
      .where('a.lastPlayedAt', 'is not', null)
      .where(
        sql<boolean>`exists (select 1 from ${sql.table(itemTables[itemType])} x where x.id = a.item_id)`,
      );
    if (from) query = query.where(after(playedOrder, sql`a.item_id`, 'desc', from));
    return query
      .orderBy(orderBy(playedOrder, sql`a.item_id`, 'desc'))
      .limit(limit + 1)
      .execute();
  }

  /** What a history entry shows of a playlist; callers pass only ids the viewer may see. */
  playlistCards(ids: readonly string[]): Promise<PlaylistCard[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('playlists as p')
      .innerJoin('users as u', 'u.id', 'p.ownerId')
      .select(['p.id', 'p.name', 'p.coverId', 'p.trackCount', 'p.ownerId', 'u.nickname as ownerNickname'])
      .where('p.id', '=', sql<string>`ANY(${ids}::uuid[])`)
      .execute();
  }
}
