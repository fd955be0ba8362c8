import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { ShareChannel } from '../../db/tables/sharing.ts';

/**
 * Shares of tracks, one appended row each. Repeats are kept (the count is of acts of sharing);
 * the recommender reads them per distinct track in its own FeedbackRepository.
 */
export class ShareRepository {
  constructor(private readonly db: Db) {}

  async record(userId: string, trackId: string, channel: ShareChannel, at: Date): Promise<void> {
    await this.db.insertInto('trackShares').values({ userId, trackId, channel, sharedAt: at }).execute();
  }

  async count(trackId: string): Promise<number> {
    const row = await this.db
      .selectFrom('trackShares')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('trackId', '=', trackId)
      .executeTakeFirstOrThrow();
    return row.n;
  }
}
