import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import type { Db } from '../../../db/database.ts';
import type { LyricLine } from '../../../db/schema.ts';
import type { CursorKey } from './cursor.ts';
import { after, orderBy, timestampKey, type Direction, type Keyset, type SortColumn } from './keyset.ts';

export interface ArtistRef {
  id: string;
  name: string;
}

export interface TrackRow {
  id: string;
  title: string;
  artists: ArtistRef[];
  albumId: string | null;
  albumTitle: string | null;
  albumArtistId: string | null;
  albumArtistName: string | null;
  trackNo: number | null;
  discNo: number | null;
  year: number | null;
  genre: string | null;
  durationMs: number;
  format: string;
  bitrate: number | null;
  sampleRate: number | null;
  channels: number | null;
  replaygainTrackGain: number | null;
  replaygainTrackPeak: number | null;
  replaygainAlbumGain: number | null;
  replaygainAlbumPeak: number | null;
  /** the track's own cover, else its album's */
  coverId: string | null;
  hasLyrics: boolean;
  createdAt: Date;
}

export interface AlbumRow {
  id: string;
  title: string;
  artistId: string;
  artistName: string;
  year: number | null;
  genre: string | null;
  coverId: string | null;
  trackCount: number;
  durationMs: number;
  createdAt: Date;
}

export interface ArtistRow {
  id: string;
  name: string;
  albumCount: number;
  trackCount: number;
  /** the artist's own cover, else the cover of their newest album */
  coverId: string | null;
}

export interface LyricsRow {
  lang: string;
  isTranslation: boolean;
  source: 'sidecar' | 'embedded';
  synced: boolean;
  lines: LyricLine[];
}

/** A page row carries its sort key so the service can make the next cursor. */
export type Keyed<T> = T & { sortKey: CursorKey };

export interface PageRequest<S extends string> {
  sort: S;
  order: Direction;
  after: Keyset | null;
  /** rows wanted; one more is fetched to learn whether another page exists */
  limit: number;
}

export interface Page<T> {
  rows: Keyed<T>[];
  hasMore: boolean;
}

export type TrackSort = 'title' | 'newest' | 'duration';
export type AlbumSort = 'title' | 'newest' | 'year' | 'random';
export type ArtistSort = 'name' | 'newest';

/** Album details list every track, but a list is never unbounded. */
const MAX_ALBUM_TRACKS = 2000;
const MAX_ARTIST_ALBUMS = 500;

const trackSorts: Record<TrackSort, SortColumn> = {
  title: { expr: sql`t.title_key`, key: sql<string>`t.title_key` },
  newest: { expr: sql`t.created_at`, key: timestampKey(sql`t.created_at`), cast: 'timestamptz' },
  duration: { expr: sql`t.duration_ms`, key: sql<number>`t.duration_ms` },
};

function albumSort(sort: AlbumSort, seed: string): SortColumn {
  switch (sort) {
    case 'title':
      return { expr: sql`al.title_key`, key: sql<string>`al.title_key` };
    case 'newest':
      return { expr: sql`al.created_at`, key: timestampKey(sql`al.created_at`), cast: 'timestamptz' };
    case 'year':
      return { expr: sql`al.year`, key: sql<number | null>`al.year`, nullable: true };
    case 'random': {
      // A seeded shuffle that is still a total order, so keyset pages of one seed never repeat.
      const shuffled = sql<string>`md5(al.id::text || ${seed})`;
      return { expr: shuffled, key: shuffled };
    }
  }
}

const artistSorts: Record<ArtistSort, SortColumn> = {
  name: { expr: sql`ar.sort_name`, key: sql<string>`ar.sort_name` },
  newest: { expr: sql`ar.created_at`, key: timestampKey(sql`ar.created_at`), cast: 'timestamptz' },
};

/** Albums as the artist's discography lists them: latest year first, unknown years last. */
const newestAlbumsFirst = sql`al.year desc nulls last, al.created_at desc, al.id desc`;

/**
 * One page of a list: the rows after the cursor in the requested order, and one more than asked
 * so that the page knows whether another follows. `query` already selects the sort key.
 */
async function keysetPage<DB, TB extends keyof DB, Row extends { sortKey: CursorKey }>(
  query: SelectQueryBuilder<DB, TB, Row>,
  col: SortColumn,
  id: RawBuilder<unknown>,
  request: PageRequest<string>,
): Promise<Page<Row>> {
  if (request.after) query = query.where(after(col, id, request.order, request.after));
  const rows = await query
    .orderBy(orderBy(col, id, request.order))
    .limit(request.limit + 1)
    .execute();
  return { rows: rows.slice(0, request.limit), hasMore: rows.length > request.limit };
}

/**
 * Read queries over the catalogue. Each list is one query: credited artists are folded into
 * each track row with a correlated json_agg and album/artist counts with correlated counts,
 * which PostgreSQL evaluates only for the rows of the page.
 */
export class BrowseRepository {
  constructor(private readonly db: Db) {}

  private tracks() {
    return this.db
      .selectFrom('tracks as t')
      .leftJoin('albums as al', 'al.id', 't.albumId')
      .leftJoin('artists as aa', 'aa.id', 'al.albumArtistId')
      .select([
        't.id',
        't.title',
        't.trackNo',
        't.discNo',
        't.year',
        't.genre',
        't.durationMs',
        't.format',
        't.bitrate',
        't.sampleRate',
        't.channels',
        't.replaygainTrackGain',
        't.replaygainTrackPeak',
        't.replaygainAlbumGain',
        't.replaygainAlbumPeak',
        't.hasLyrics',
        't.createdAt',
        't.albumId',
        'al.title as albumTitle',
        'aa.id as albumArtistId',
        'aa.name as albumArtistName',
        sql<string | null>`coalesce(t.cover_id, al.cover_id)`.as('coverId'),
        sql<ArtistRef[]>`(
          select coalesce(json_agg(json_build_object('id', ar.id, 'name', ar.name) order by ta.position), '[]')
          from track_artists ta join artists ar on ar.id = ta.artist_id
          where ta.track_id = t.id
        )`.as('artists'),
      ]);
  }

  private albums() {
    return this.db
      .selectFrom('albums as al')
      .innerJoin('artists as aa', 'aa.id', 'al.albumArtistId')
      .select([
        'al.id',
        'al.title',
        'al.year',
        'al.genre',
        'al.coverId',
        'al.createdAt',
        'aa.id as artistId',
        'aa.name as artistName',
        sql<number>`(select count(*)::int from tracks where album_id = al.id)`.as('trackCount'),
        sql<number>`(select coalesce(sum(duration_ms), 0)::int from tracks where album_id = al.id)`.as(
          'durationMs',
        ),
      ]);
  }

  private artists() {
    return this.db.selectFrom('artists as ar').select([
      'ar.id',
      'ar.name',
      sql<number>`(select count(*)::int from albums where album_artist_id = ar.id)`.as('albumCount'),
      sql<number>`(select count(*)::int from track_artists where artist_id = ar.id)`.as('trackCount'),
      sql<string | null>`coalesce(ar.cover_id, (
          select al.cover_id from albums al
          where al.album_artist_id = ar.id and al.cover_id is not null
          order by ${newestAlbumsFirst} limit 1
        ))`.as('coverId'),
    ]);
  }

  async listTracks(
    request: PageRequest<TrackSort>,
    filter: { albumId?: string; artistId?: string },
  ): Promise<Page<TrackRow>> {
    const col = trackSorts[request.sort];
    const id = sql`t.id`;
    let query = this.tracks().select(col.key.as('sortKey'));
    if (filter.albumId) query = query.where('t.albumId', '=', filter.albumId);
    if (filter.artistId) {
      query = query.where(
        sql<boolean>`exists (select 1 from track_artists c where c.track_id = t.id and c.artist_id = ${filter.artistId})`,
      );
    }
    return keysetPage(query, col, id, request);
  }

  findTrack(id: string): Promise<TrackRow | undefined> {
    return this.tracks().where('t.id', '=', id).executeTakeFirst();
  }

  /** Many tracks in one query, in no particular order; ids of missing tracks are skipped. */
  findTracks(ids: readonly string[]): Promise<TrackRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.tracks()
      .where('t.id', '=', sql<string>`any(${[...ids]}::uuid[])`)
      .execute();
  }

  async trackExists(id: string): Promise<boolean> {
    const row = await this.db.selectFrom('tracks').select('id').where('id', '=', id).executeTakeFirst();
    return row !== undefined;
  }

  /** In album order: disc (none counts as disc 1), track number (unnumbered last), title. */
  albumTracks(albumId: string): Promise<TrackRow[]> {
    return this.tracks()
      .where('t.albumId', '=', albumId)
      .orderBy(sql`coalesce(t.disc_no, 1), t.track_no nulls last, t.title_key, t.id`)
      .limit(MAX_ALBUM_TRACKS)
      .execute();
  }

  /**
   * The artist's best-known tracks. Until play counts exist "best-known" is simply by title;
   * the ranking is kept in this one query so the plays annotation can be left-joined on t.id
   * and put first in the ORDER BY without touching callers.
   */
  topTracks(artistId: string, limit: number): Promise<TrackRow[]> {
    return this.tracks()
      .innerJoin('trackArtists as credit', 'credit.trackId', 't.id')
      .where('credit.artistId', '=', artistId)
      .orderBy('t.titleKey')
      .orderBy('t.id')
      .limit(limit)
      .execute();
  }

  async listAlbums(
    request: PageRequest<AlbumSort> & { seed: string },
    filter: { artistId?: string },
  ): Promise<Page<AlbumRow>> {
    const col = albumSort(request.sort, request.seed);
    const id = sql`al.id`;
    let query = this.albums().select(col.key.as('sortKey'));
    if (filter.artistId) query = query.where('al.albumArtistId', '=', filter.artistId);
    return keysetPage(query, col, id, request);
  }

  findAlbum(id: string): Promise<AlbumRow | undefined> {
    return this.albums().where('al.id', '=', id).executeTakeFirst();
  }

  /** Albums whose album artist this is, newest first. */
  albumsBy(artistId: string): Promise<AlbumRow[]> {
    return this.albums()
      .where('al.albumArtistId', '=', artistId)
      .orderBy(newestAlbumsFirst)
      .limit(MAX_ARTIST_ALBUMS)
      .execute();
  }

  /** Other artists' albums on which this artist is credited on at least one track. */
  albumsAppearedOn(artistId: string): Promise<AlbumRow[]> {
    return this.albums()
      .where('al.albumArtistId', '<>', artistId)
      .where(
        sql<boolean>`al.id in (
          select t.album_id from track_artists c join tracks t on t.id = c.track_id
          where c.artist_id = ${artistId} and t.album_id is not null
        )`,
      )
      .orderBy(newestAlbumsFirst)
      .limit(MAX_ARTIST_ALBUMS)
      .execute();
  }

  async listArtists(request: PageRequest<ArtistSort>): Promise<Page<ArtistRow>> {
    const col = artistSorts[request.sort];
    const id = sql`ar.id`;
    const query = this.artists().select(col.key.as('sortKey'));
    return keysetPage(query, col, id, request);
  }

  findArtist(id: string): Promise<ArtistRow | undefined> {
    return this.artists().where('ar.id', '=', id).executeTakeFirst();
  }

  /** Every lyrics row of a track: the original (lang '') sorts first, translations by tag. */
  lyricsOf(trackId: string): Promise<LyricsRow[]> {
    return this.db
      .selectFrom('lyrics')
      .select(['lang', 'isTranslation', 'source', 'synced', 'lines'])
      .where('trackId', '=', trackId)
      .orderBy('lang')
      .execute();
  }
}
