import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { EARLY_SKIP_MS, EARLY_SKIP_SHARE, NO_SIGNALS, type TrackSignals } from './feedback-signals.ts';
import { emptyFeedback, type UserFeedback } from './user-feedback.ts';

const ids = (userIds: readonly string[]) => sql<string>`ANY(${[...userIds]}::uuid[])`;

/**
 * Reads everything the recommender knows about a batch of users, in nine queries run side by
 * side whatever the batch size: the daily job and the nightly training read 100 users at a time,
 * Private FM one.
 *
 * Plays are aggregated per (user, track) in SQL with the twin of `classifyPlay`
 * (feedback-signals.ts); only plays since the user's taste reset count as taste, while the
 * latest playback time of every track (for "not heard in the last days") ignores the reset.
 */
export class FeedbackRepository {
  constructor(private readonly db: Db) {}

  async forUsers(userIds: readonly string[]): Promise<Map<string, UserFeedback>> {
    const result = new Map(userIds.map((id) => [id, emptyFeedback(id)]));
    if (userIds.length === 0) return result;
    const [profiles, seeds, plays, likes, collects, shares, trash, dismissals, blocks] = await Promise.all([
      this.db
        .selectFrom('tasteProfiles')
        .select(['userId', 'resetAt', 'fmMode'])
        .where('userId', '=', ids(userIds))
        .execute(),
      this.db
        .selectFrom('tasteSeeds')
        .select(['userId', 'kind', 'value'])
        .where('userId', '=', ids(userIds))
        .orderBy('value')
        .execute(),
      this.plays(userIds),
      this.db
        .selectFrom('annotations')
        .select(['userId', 'itemId as trackId', 'likedAt'])
        .where('userId', '=', ids(userIds))
        .where('itemType', '=', 'track')
        .where('likedAt', 'is not', null)
        .execute(),
      this.db
        .selectFrom('playlistTracks as pt')
        .innerJoin('playlists as p', 'p.id', 'pt.playlistId')
        .select(['p.ownerId as userId', 'pt.trackId', sql<Date>`max(pt.added_at)`.as('addedAt')])
        .where('p.ownerId', '=', ids(userIds))
        .groupBy(['p.ownerId', 'pt.trackId'])
        .execute(),
      // One row per shared track: sharing a track ten times is still one endorsement.
      this.db
        .selectFrom('trackShares')
        .select(['userId', 'trackId', sql<Date>`max(shared_at)`.as('sharedAt')])
        .where('userId', '=', ids(userIds))
        .groupBy(['userId', 'trackId'])
        .execute(),
      this.trash(userIds),
      this.db
        .selectFrom('dailyRecommendations')
        .select(['userId', 'trackId', 'dismissedAt'])
        .where('userId', '=', ids(userIds))
        .where('dismissedAt', 'is not', null)
        .execute(),
      this.db
        .selectFrom('artistBlocks')
        .select(['userId', 'artistId'])
        .where('userId', '=', ids(userIds))
        .execute(),
    ]);

    for (const row of profiles)
      Object.assign(result.get(row.userId)!, { resetAt: row.resetAt, fmMode: row.fmMode });
    for (const row of seeds) {
      const feedback = result.get(row.userId)!;
      if (row.kind === 'genre') feedback.seeds.genres.push(row.value);
      else feedback.seeds.artistIds.push(row.value);
    }
    const cell = (feedback: UserFeedback, trackId: string): TrackSignals => {
      let signals = feedback.cells.get(trackId);
      if (!signals) feedback.cells.set(trackId, (signals = { ...NO_SIGNALS }));
      return signals;
    };
    const afterReset = (feedback: UserFeedback, at: Date | null) =>
      at !== null && (feedback.resetAt === null || at >= feedback.resetAt);

    for (const row of plays) {
      const feedback = result.get(row.userId)!;
      feedback.lastHeard.set(row.trackId, row.lastHeard);
      if (row.finishes + row.loops + row.skips > 0) {
        Object.assign(cell(feedback, row.trackId), {
          finishes: row.finishes,
          loops: row.loops,
          skips: row.skips,
        });
      }
    }
    for (const row of likes) {
      const feedback = result.get(row.userId)!;
      feedback.loved.add(row.trackId);
      if (afterReset(feedback, row.likedAt)) cell(feedback, row.trackId).liked = true;
    }
    for (const row of collects) {
      const feedback = result.get(row.userId)!;
      if (afterReset(feedback, row.addedAt)) cell(feedback, row.trackId).collected = true;
    }
    for (const row of shares) {
      const feedback = result.get(row.userId)!;
      if (afterReset(feedback, row.sharedAt)) cell(feedback, row.trackId).shared = true;
    }
    for (const row of trash) {
      const feedback = result.get(row.userId)!;
      if (!row.lifted) feedback.trashed.set(row.trackId, row.at);
      if (afterReset(feedback, row.at)) cell(feedback, row.trackId).trashed = true;
    }
    for (const row of dismissals) {
      const feedback = result.get(row.userId)!;
      if (afterReset(feedback, row.dismissedAt)) cell(feedback, row.trackId).dismissals++;
    }
    for (const row of blocks) result.get(row.userId)!.blockedArtists.add(row.artistId);
    return result;
  }

  /** Only the hard filters (binned tracks, blocked artists): what a stored list is checked against. */
  async filters(userId: string): Promise<Pick<UserFeedback, 'trashed' | 'blockedArtists'>> {
    const [trash, blocks] = await Promise.all([
      this.trash([userId]),
      this.db.selectFrom('artistBlocks').select('artistId').where('userId', '=', userId).execute(),
    ]);
    return {
      trashed: new Map(trash.filter((row) => !row.lifted).map((row) => [row.trackId, row.at])),
      blockedArtists: new Set(blocks.map((row) => row.artistId)),
    };
  }

  async forUser(userId: string): Promise<UserFeedback> {
    return (await this.forUsers([userId])).get(userId)!;
  }

  /**
   * Binned tracks. Liking or sharing one afterwards is changing one's mind: it is `lifted` and may
   * be recommended again (both are unblocking acts in the engine's signals.ts).
   */
  private trash(userIds: readonly string[]) {
    return this.db
      .selectFrom('trackTrash as b')
      .leftJoin('annotations as a', (join) =>
        join
          .onRef('a.userId', '=', 'b.userId')
          .on('a.itemType', '=', 'track')
          .onRef('a.itemId', '=', 'b.trackId'),
      )
      .select([
        'b.userId',
        'b.trackId',
        'b.at',
        sql<boolean>`coalesce(a.liked_at > b.at, false) OR EXISTS (
          SELECT 1 FROM track_shares s
          WHERE s.user_id = b.user_id AND s.track_id = b.track_id AND s.shared_at > b.at)`.as('lifted'),
      ])
      .where('b.userId', '=', ids(userIds))
      .execute();
  }

  /** Per (user, track): the latest playback, and loops, finishes and early skips since the reset. */
  private plays(userIds: readonly string[]) {
    const sinceReset = sql`p.started_at >= coalesce(tp.reset_at, '-infinity'::timestamptz)`;
    const completed = sql`(p.counted OR p.end_reason = 'finished')`;
    return this.db
      .selectFrom('plays as p')
      .innerJoin('tracks as t', 't.id', 'p.trackId')
      .leftJoin('tasteProfiles as tp', 'tp.userId', 'p.userId')
      .select([
        'p.userId',
        'p.trackId',
        sql<Date>`max(p.started_at)`.as('lastHeard'),
        sql<number>`count(*) FILTER (WHERE ${sinceReset} AND ${completed} AND p.repeat)::int`.as('loops'),
        sql<number>`count(*) FILTER (WHERE ${sinceReset} AND ${completed} AND NOT p.repeat)::int`.as(
          'finishes',
        ),
        sql<number>`count(*) FILTER (WHERE ${sinceReset} AND NOT ${completed} AND p.end_reason = 'skipped'
          AND p.played_ms < greatest(${EARLY_SKIP_MS}::int, ${EARLY_SKIP_SHARE}::float8 * t.duration_ms))::int`.as(
          'skips',
        ),
      ])
      .where('p.userId', '=', ids(userIds))
      .groupBy(['p.userId', 'p.trackId'])
      .execute();
  }
}
