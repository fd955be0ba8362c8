import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

export interface RankedTrack {
  trackId: string;
  playCount: number;
}

/** A user's most played tracks, from their counted plays. Tracks no longer in the library are skipped. */
export class RankingRepository {
  constructor(private readonly db: Db) {}

  /** Counted plays begun since `since`, most played first, then most recently played. */
  async since(userId: string, since: Date, limit: number): Promise<RankedTrack[]> {
    const { rows } = await sql<RankedTrack>`
      SELECT p.track_id, count(*)::int AS play_count
      FROM plays p
      WHERE p.user_id = ${userId} AND p.counted AND p.started_at >= ${since.toISOString()}::timestamptz
        AND EXISTS (SELECT 1 FROM tracks t WHERE t.id = p.track_id)
      GROUP BY p.track_id
      ORDER BY play_count DESC, max(p.started_at) DESC, p.track_id
      LIMIT ${limit}`.execute(this.db);
    return rows;
  }

  /** Every counted play, from the per-user counts kept at ingest. */
  allTime(userId: string, limit: number): Promise<RankedTrack[]> {
    return this.db
      .selectFrom('annotations as a')
      .innerJoin('tracks as t', 't.id', 'a.itemId')
      .select(['a.itemId as trackId', 'a.playCount'])
      .where('a.userId', '=', userId)
      .where('a.itemType', '=', 'track')
      .where('a.playCount', '>', 0)
      .orderBy('a.playCount', 'desc')
      .orderBy(sql`a.last_played_at desc nulls last`)
      .orderBy('a.itemId')
      .limit(limit)
      .execute();
  }
}
