import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { FmMode } from '../../db/tables/recommend.ts';
import type { Reason } from './reason.ts';

export interface ServedTrack {
  trackId: string;
  reason: Reason;
}

/** What Private FM served, when and why (one row per user and track: the latest serving). */
export class FmRepository {
  constructor(private readonly db: Db) {}

  async servedSince(userId: string, since: Date): Promise<Map<string, Date>> {
    const rows = await this.db
      .selectFrom('fmServed')
      .select(['trackId', 'servedAt'])
      .where('userId', '=', userId)
      .where('servedAt', '>=', since)
      .execute();
    return new Map(rows.map((row) => [row.trackId, row.servedAt]));
  }

  /** Remembers what was served (tracks removed from the library meanwhile are skipped). */
  async record(userId: string, mode: FmMode, at: Date, served: readonly ServedTrack[]): Promise<void> {
    if (served.length === 0) return;
    await sql`
      INSERT INTO fm_served (user_id, track_id, served_at, mode, reason)
      SELECT ${userId}::uuid, s.track_id, ${at}::timestamptz, ${mode}, s.reason
      FROM unnest(${served.map((s) => s.trackId)}::uuid[], ${served.map((s) => JSON.stringify(s.reason))}::jsonb[])
        AS s(track_id, reason)
      WHERE EXISTS (SELECT 1 FROM tracks t WHERE t.id = s.track_id)
      ON CONFLICT (user_id, track_id)
      DO UPDATE SET served_at = excluded.served_at, mode = excluded.mode, reason = excluded.reason`.execute(
      this.db,
    );
  }

  /** Why the FM last served this track, if it did since `since`. */
  async reasonOf(
    userId: string,
    trackId: string,
    since: Date,
  ): Promise<{ servedAt: Date; reason: Reason } | undefined> {
    return this.db
      .selectFrom('fmServed')
      .select(['servedAt', sql<Reason>`reason`.as('reason')])
      .where('userId', '=', userId)
      .where('trackId', '=', trackId)
      .where('servedAt', '>=', since)
      .executeTakeFirst();
  }

  async prune(before: Date): Promise<number> {
    const result = await this.db.deleteFrom('fmServed').where('servedAt', '<', before).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
