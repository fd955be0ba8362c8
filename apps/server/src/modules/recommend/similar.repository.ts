import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

export interface PlaylistCandidate {
  id: string;
  hotScore: number;
  trackIds: string[];
}

const genreOf = sql`lower(trim(coalesce(t.genre, al.genre)))`;

/** Catalogue reads of "similar" and recommended playlists that the model does not answer. */
export class SimilarRepository {
  constructor(private readonly db: Db) {}

  /** The first `limit` tracks of a playlist, in its order. */
  async playlistTrackIds(playlistId: string, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('playlistTracks')
      .select('trackId')
      .where('playlistId', '=', playlistId)
      .orderBy('position')
      .orderBy('trackId')
      .limit(limit)
      .execute();
    return rows.map((row) => row.trackId);
  }

  /** Artists with the most tracks in the artist's genres (when the model cannot compare them). */
  async artistsSharingGenres(artistId: string, limit: number): Promise<string[]> {
    const rows = await sql<{ artistId: string }>`
      WITH genres AS (
        SELECT DISTINCT ${genreOf} AS genre
        FROM track_artists ta JOIN tracks t ON t.id = ta.track_id LEFT JOIN albums al ON al.id = t.album_id
        WHERE ta.artist_id = ${artistId}::uuid AND ${genreOf} IS NOT NULL
      )
      SELECT ta.artist_id::text AS artist_id
      FROM tracks t LEFT JOIN albums al ON al.id = t.album_id
      JOIN track_artists ta ON ta.track_id = t.id
      WHERE ${genreOf} IN (SELECT genre FROM genres) AND ta.artist_id <> ${artistId}::uuid
      GROUP BY ta.artist_id
      ORDER BY count(*) DESC, ta.artist_id
      LIMIT ${limit}`.execute(this.db);
    return rows.rows.map((row) => row.artistId);
  }

  /**
   * Public playlists someone else made, that the viewer has not collected, with tracks: the
   * hottest `limit`, each with its first `tracksEach` tracks.
   */
  async playlistCandidates(
    viewerId: string,
    limit: number,
    tracksEach: number,
  ): Promise<PlaylistCandidate[]> {
    const rows = await sql<{ id: string; hotScore: number; trackIds: string[] }>`
      SELECT p.id, p.hot_score,
        array(SELECT pt.track_id::text FROM playlist_tracks pt WHERE pt.playlist_id = p.id
              ORDER BY pt.position, pt.track_id LIMIT ${tracksEach}) AS track_ids
      FROM playlists p
      WHERE p.visibility = 'public' AND p.owner_id <> ${viewerId}::uuid AND p.track_count > 0
        AND NOT EXISTS (SELECT 1 FROM playlist_subscriptions s WHERE s.playlist_id = p.id AND s.user_id = ${viewerId}::uuid)
      ORDER BY p.hot_score DESC, p.id DESC
      LIMIT ${limit}`.execute(this.db);
    return rows.rows;
  }
}
