import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

/** A track found by SQL rather than by the model (cold start, new releases, popularity). */
export interface SqlCandidate {
  trackId: string;
  artistIds: string[];
  /** lower-cased genre of the track (or its album) */
  genre: string | null;
  plays: number;
  /** the first of the requested artists credited on it */
  matchedArtistId: string | null;
}

export interface Taste {
  genres: string[];
  artistIds: string[];
}

const genreOf = sql<string | null>`lower(trim(coalesce(t.genre, al.genre)))`;
const uuids = (ids: readonly string[]) => sql`${[...ids]}::uuid[]`;

/**
 * The recommender's catalogue queries: popular tracks within chosen genres and artists (cold
 * start, and the fallback while no model exists), recent additions by followed artists, and the
 * artists and genres a set of tracks leans to.
 */
export class CandidateRepository {
  constructor(private readonly db: Db) {}

  private candidates(artistIds: readonly string[]) {
    return this.db
      .selectFrom('tracks as t')
      .leftJoin('albums as al', 'al.id', 't.albumId')
      .leftJoin('trackPlayCounts as c', 'c.trackId', 't.id')
      .select([
        't.id as trackId',
        genreOf.as('genre'),
        sql<number>`coalesce(c.play_count, 0)::float8`.as('plays'),
        sql<string[]>`array(select ta.artist_id::text from track_artists ta
          where ta.track_id = t.id order by ta.position)`.as('artistIds'),
        sql<string | null>`(select ta.artist_id::text from track_artists ta
          where ta.track_id = t.id and ta.artist_id = any(${uuids(artistIds)}) order by ta.position limit 1)`.as(
          'matchedArtistId',
        ),
      ]);
  }

  /**
   * The most played tracks in any of the genres or by any of the artists (both empty: the whole
   * library), newest first among equals.
   */
  popularWithin(
    taste: Taste,
    limit: number,
    excludeTrackIds: readonly string[] = [],
  ): Promise<SqlCandidate[]> {
    let query = this.candidates(taste.artistIds);
    if (taste.genres.length > 0 || taste.artistIds.length > 0) {
      query = query.where((eb) =>
        eb.or([
          eb(genreOf, '=', sql<string>`any(${[...taste.genres]}::text[])`),
          eb.exists(
            eb
              .selectFrom('trackArtists as ta')
              .select('ta.trackId')
              .whereRef('ta.trackId', '=', 't.id')
              .where('ta.artistId', '=', sql<string>`any(${uuids(taste.artistIds)})`),
          ),
        ]),
      );
    }
    if (excludeTrackIds.length > 0)
      query = query.where('t.id', '<>', sql<string>`all(${uuids(excludeTrackIds)})`);
    return query
      .orderBy(sql`coalesce(c.play_count, 0)`, 'desc')
      .orderBy('t.createdAt', 'desc')
      .orderBy('t.id')
      .limit(limit)
      .execute();
  }

  /** Tracks by these artists added to the library since `since`, newest first. */
  newReleases(artistIds: readonly string[], since: Date, limit: number): Promise<SqlCandidate[]> {
    if (artistIds.length === 0) return Promise.resolve([]);
    return this.candidates(artistIds)
      .where('t.createdAt', '>=', since)
      .where(
        't.id',
        'in',
        this.db
          .selectFrom('trackArtists')
          .select('trackId')
          .where('artistId', '=', sql<string>`any(${uuids(artistIds)})`),
      )
      .orderBy('t.createdAt', 'desc')
      .orderBy('t.id')
      .limit(limit)
      .execute();
  }

  /** The artists and genres most of these tracks share (a taste derived from history). */
  async tasteOf(trackIds: readonly string[], artists: number, genres: number): Promise<Taste> {
    if (trackIds.length === 0) return { genres: [], artistIds: [] };
    const [artistRows, genreRows] = await Promise.all([
      this.db
        .selectFrom('trackArtists')
        .select(['artistId', sql<number>`count(*)`.as('n')])
        .where('trackId', '=', sql<string>`any(${uuids(trackIds)})`)
        .groupBy('artistId')
        .orderBy(sql`count(*)`, 'desc')
        .orderBy('artistId')
        .limit(artists)
        .execute(),
      this.db
        .selectFrom('tracks as t')
        .leftJoin('albums as al', 'al.id', 't.albumId')
        .select([genreOf.as('genre'), sql<number>`count(*)`.as('n')])
        .where('t.id', '=', sql<string>`any(${uuids(trackIds)})`)
        .where(genreOf, 'is not', null)
        .groupBy(genreOf)
        .orderBy(sql`count(*)`, 'desc')
        .orderBy(genreOf)
        .limit(genres)
        .execute(),
    ]);
    return { artistIds: artistRows.map((r) => r.artistId), genres: genreRows.map((r) => r.genre!) };
  }

  /** Credited artists of each track, in credit order. */
  async artistsOf(trackIds: readonly string[]): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>(trackIds.map((id) => [id, []]));
    if (trackIds.length === 0) return result;
    const rows = await this.db
      .selectFrom('trackArtists')
      .select(['trackId', 'artistId'])
      .where('trackId', '=', sql<string>`any(${uuids(trackIds)})`)
      .orderBy('trackId')
      .orderBy('position')
      .execute();
    for (const row of rows) result.get(row.trackId)?.push(row.artistId);
    return result;
  }
}
