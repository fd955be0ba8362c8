import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { CoverInfo } from '../library/scan/cover-extractor.ts';

export interface CoverState {
  coverId: string | null;
  coverUploaded: boolean;
  coverSources: string[];
}

/**
 * The automatic cover is made from the first distinct covers among this many leading
 * tracks: enough for an album-heavy list to reach four albums, bounded for a 10,000-track one.
 */
const LEADING_TRACKS = 200;

/** The cover of a playlist: uploads, the automatic mosaic, and the `covers` rows behind them. */
export class PlaylistCoverRepository {
  constructor(private readonly db: Db) {}

  state(playlistId: string): Promise<CoverState | undefined> {
    return this.db
      .selectFrom('playlists')
      .select(['coverId', 'coverUploaded', 'coverSources'])
      .where('id', '=', playlistId)
      .executeTakeFirst();
  }

  /** The first `count` distinct covers of the leading tracks (track cover, else album cover). */
  async leadingCovers(playlistId: string, count: number): Promise<string[]> {
    const { rows } = await sql<{ coverId: string }>`
      SELECT cover_id FROM (
        SELECT coalesce(t.cover_id, al.cover_id) AS cover_id, pt.position, pt.track_id
        FROM playlist_tracks pt
        JOIN tracks t ON t.id = pt.track_id
        LEFT JOIN albums al ON al.id = t.album_id
        WHERE pt.playlist_id = ${playlistId}::uuid
        ORDER BY pt.position, pt.track_id
        LIMIT ${LEADING_TRACKS}
      ) AS firsts
      WHERE cover_id IS NOT NULL
      GROUP BY cover_id
      ORDER BY min(position), min(track_id::text)
      LIMIT ${count}`.execute(this.db);
    return rows.map((row) => row.coverId);
  }

  /** Registers an image stored under covers/ (idempotent: covers are content-addressed). */
  async saveCover(cover: CoverInfo): Promise<void> {
    await this.db
      .insertInto('covers')
      .values({ id: cover.id, mime: cover.mime, width: cover.width, height: cover.height })
      .onConflict((c) => c.column('id').doNothing())
      .execute();
  }

  async setUploaded(playlistId: string, coverId: string, at: Date): Promise<void> {
    await this.db
      .updateTable('playlists')
      .set({ coverId, coverUploaded: true, coverSources: [], updatedAt: at })
      .where('id', '=', playlistId)
      .execute();
  }

  /** Back to the automatic cover; the caller makes it right after. */
  async clearUploaded(playlistId: string, at: Date): Promise<void> {
    await this.db
      .updateTable('playlists')
      .set({ coverId: null, coverUploaded: false, coverSources: [], updatedAt: at })
      .where('id', '=', playlistId)
      .execute();
  }

  /**
   * Sets the automatic cover unless the owner uploaded one meanwhile, or another request
   * already made it from other sources; returns whether it was written.
   */
  async setAutomatic(
    playlistId: string,
    coverId: string | null,
    sources: string[],
    madeFrom: string[],
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('playlists')
      .set({ coverId, coverSources: sources })
      .where('id', '=', playlistId)
      .where('coverUploaded', '=', false)
      .where(sql<boolean>`cover_sources = ${madeFrom}::text[]`)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }
}
