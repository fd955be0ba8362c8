import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { CatalogTrack } from './catalog-snapshot.ts';
import type { ItemFeatures } from './engine/content.ts';

export interface TrainingTrack extends CatalogTrack {
  features: ItemFeatures;
}

const PAGE = 20_000;

/**
 * The catalogue as training sees it: every track with its credits and content features
 * (artist, album, genre, year, and the tags of the public playlists it is in, weighted by how
 * many lists gave it the tag). Users' feedback comes from FeedbackRepository.
 */
export class TrainingDataRepository {
  constructor(private readonly db: Db) {}

  async catalogue(): Promise<TrainingTrack[]> {
    const tags = await this.playlistTags();
    const tracks: TrainingTrack[] = [];
    let after: string | null = null;
    for (;;) {
      let query = this.db
        .selectFrom('tracks as t')
        .leftJoin('albums as al', 'al.id', 't.albumId')
        .select([
          't.id',
          't.albumId',
          sql<string | null>`lower(trim(coalesce(t.genre, al.genre)))`.as('genre'),
          sql<number | null>`coalesce(t.year, al.year)`.as('year'),
          sql<string[]>`array(select ta.artist_id::text from track_artists ta
            where ta.track_id = t.id order by ta.position)`.as('artistIds'),
        ])
        .orderBy('t.id')
        .limit(PAGE);
      if (after) query = query.where('t.id', '>', after);
      const rows = await query.execute();
      for (const row of rows) {
        tracks.push({
          id: row.id,
          artistIds: row.artistIds,
          features: {
            artist: row.artistIds[0],
            album: row.albumId ?? undefined,
            genres: row.genre ? [row.genre] : [],
            tags: tags.get(row.id),
            year: row.year ?? undefined,
          },
        });
      }
      if (rows.length < PAGE) return tracks;
      after = rows[rows.length - 1]!.id;
    }
  }

  /** track → tag → number of public playlists tagging a list that holds it. */
  private async playlistTags(): Promise<Map<string, Record<string, number>>> {
    const rows = await sql<{ trackId: string; tag: string; lists: number }>`
      SELECT pt.track_id, tag, count(*)::int AS lists
      FROM playlist_tracks pt
      JOIN playlists p ON p.id = pt.playlist_id AND p.visibility = 'public'
      CROSS JOIN LATERAL unnest(p.tags) AS tag
      GROUP BY pt.track_id, tag`.execute(this.db);
    const byTrack = new Map<string, Record<string, number>>();
    for (const row of rows.rows) {
      const tags = byTrack.get(row.trackId) ?? {};
      tags[row.tag] = row.lists;
      byTrack.set(row.trackId, tags);
    }
    return byTrack;
  }

  /** Every user id, `size` at a time (keyset on id). */
  async *userBatches(size: number): AsyncGenerator<string[]> {
    let after: string | null = null;
    for (;;) {
      let query = this.db.selectFrom('users').select('id').orderBy('id').limit(size);
      if (after) query = query.where('id', '>', after);
      const ids = (await query.execute()).map((row) => row.id);
      if (ids.length > 0) yield ids;
      if (ids.length < size) return;
      after = ids[ids.length - 1]!;
    }
  }
}
