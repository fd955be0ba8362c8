import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { PlaylistVisibility } from '../../db/tables/playlists.ts';
import { HOT_EPOCH_MS, HOT_SEED, HOT_TAU_MS } from './playlist-ranking.ts';
import type { PlaylistFacts } from './playlist.policy.ts';

export interface PlaylistFactsRow extends PlaylistFacts {
  id: string;
}

export interface NewPlaylist {
  ownerId: string;
  name: string;
  description: string;
  visibility: PlaylistVisibility;
  tags: string[];
  hotScore: number;
  at: Date;
}

export interface PlaylistChanges {
  name?: string;
  description?: string;
  visibility?: PlaylistVisibility;
  tags?: string[];
}

/** One playlist's increment of plays and of hot score (ln of the summed event weights). */
export interface ActivityIncrement {
  playlistId: string;
  plays: number;
  /** ln Σ exp((t - epoch) / τ) of the events; see playlist-ranking.ts */
  logWeight: number;
}

/** Writes to the playlist row itself: create, edit, delete, activity. */
export class PlaylistRepository {
  constructor(private readonly db: Db) {}

  /** What the policy needs to know, or undefined when there is no such playlist. */
  facts(id: string): Promise<PlaylistFactsRow | undefined> {
    return this.db
      .selectFrom('playlists')
      .select(['id', 'ownerId', 'visibility'])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async create(playlist: NewPlaylist): Promise<string> {
    const { id } = await this.db
      .insertInto('playlists')
      .values({
        ownerId: playlist.ownerId,
        name: playlist.name,
        description: playlist.description,
        visibility: playlist.visibility,
        tags: playlist.tags,
        hotScore: playlist.hotScore,
        createdAt: playlist.at,
        updatedAt: playlist.at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  async update(id: string, changes: PlaylistChanges, at: Date): Promise<void> {
    await this.db
      .updateTable('playlists')
      .set({ ...changes, updatedAt: at })
      .where('id', '=', id)
      .execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('playlists').where('id', '=', id).execute();
  }

  /**
   * Adds plays and their weight to the hot score in one statement for many playlists, with
   * the log-space sum of playlist-ranking.ts (logAddExp) written out in SQL. PostgreSQL
   * raises an error where exp() underflows, so the difference is capped at 700 (exp(-700) is
   * already lost next to 1).
   */
  async recordActivity(increments: readonly ActivityIncrement[]): Promise<void> {
    if (increments.length === 0) return;
    await sql`
      UPDATE playlists p SET
        play_count = p.play_count + i.plays,
        hot_score = greatest(p.hot_score, i.w) + ln(1 + exp(-least(abs(p.hot_score - i.w), 700)))
      FROM unnest(${increments.map((i) => i.playlistId)}::uuid[], ${increments.map((i) => i.plays)}::int[],
                  ${increments.map((i) => i.logWeight)}::float8[]) AS i(id, plays, w)
      WHERE p.id = i.id`.execute(this.db);
  }

  /**
   * Takes the weight of one event back out of the hot score: hotScoreWithout of
   * playlist-ranking.ts in SQL, floored at the list's seed weight.
   */
  async withdrawActivity(playlistId: string, logWeight: number): Promise<void> {
    await sql`
      UPDATE playlists p SET hot_score = greatest(
        (extract(epoch from p.created_at) * 1000 - ${HOT_EPOCH_MS}::float8) / ${HOT_TAU_MS}::float8
          + ${HOT_SEED}::float8,
        CASE WHEN ${logWeight}::float8 < p.hot_score
          THEN p.hot_score + ln(1 - exp(greatest(${logWeight}::float8 - p.hot_score, -700)))
          ELSE '-Infinity'::float8 END)
      WHERE p.id = ${playlistId}::uuid`.execute(this.db);
  }
}
