import { randomBytes } from 'node:crypto';
import { badRequest, notFound } from '../../../http/errors.ts';
import type { AlbumListQuery, ArtistListQuery, TrackListQuery } from './browse.schema.ts';
import type {
  AlbumRow,
  AlbumSort,
  ArtistRow,
  ArtistSort,
  BrowseRepository,
  Keyed,
  LyricsRow,
  Page,
  TrackRow,
  TrackSort,
} from './browse.repository.ts';
import { decodeCursor, encodeCursor, isUuid, type Cursor, type KeyKind } from './cursor.ts';
import type { Direction } from './keyset.ts';

export interface Listing<T> {
  items: T[];
  nextCursor: string | null;
}

export interface AlbumDetail {
  album: AlbumRow;
  tracks: TrackRow[];
}

export interface ArtistDetail {
  artist: ArtistRow;
  albums: AlbumRow[];
  appearsOn: AlbumRow[];
  topTracks: TrackRow[];
}

export interface Lyrics {
  trackId: string;
  original: LyricsRow;
  translation: LyricsRow | null;
  translations: string[];
}

interface SortSpec {
  kind: KeyKind;
  /** the natural direction: names A→Z, shortest first, newest first */
  order: Direction;
}

const trackSorts: Record<TrackSort, SortSpec> = {
  title: { kind: 'text', order: 'asc' },
  newest: { kind: 'timestamp', order: 'desc' },
  duration: { kind: 'int', order: 'asc' },
};
const albumSorts: Record<AlbumSort, SortSpec> = {
  title: { kind: 'text', order: 'asc' },
  newest: { kind: 'timestamp', order: 'desc' },
  year: { kind: 'nullable-int', order: 'desc' },
  random: { kind: 'md5', order: 'asc' },
};
const artistSorts: Record<ArtistSort, SortSpec> = {
  name: { kind: 'text', order: 'asc' },
  newest: { kind: 'timestamp', order: 'desc' },
};

const TOP_TRACKS = 10;

interface Resolved {
  order: Direction;
  tag: string;
  cursor: Cursor | null;
}

/** The sort's direction and the validated cursor; a cursor that does not fit is a 400. */
function resolve(
  sort: string,
  spec: SortSpec,
  order: Direction | undefined,
  raw: string | undefined,
): Resolved {
  const direction = order ?? spec.order;
  const tag = `${sort}:${direction}`;
  if (raw === undefined) return { order: direction, tag, cursor: null };
  const cursor = decodeCursor(raw, tag, spec.kind);
  if (!cursor)
    throw badRequest('invalid_cursor', 'The cursor is malformed or belongs to another sort; start over');
  return { order: direction, tag, cursor };
}

function listing<T extends { id: string }>(page: Page<T>, tag: string, seed?: string): Listing<Keyed<T>> {
  const last = page.rows.at(-1);
  const nextCursor =
    page.hasMore && last
      ? encodeCursor({ sort: tag, key: last.sortKey, id: last.id, ...(seed === undefined ? {} : { seed }) })
      : null;
  return { items: page.rows, nextCursor };
}

/** Browsing the catalogue: lists with keyset cursors, details, lyrics. Everything is read-only. */
export class BrowseService {
  constructor(private readonly catalog: BrowseRepository) {}

  async listTracks(query: TrackListQuery): Promise<Listing<TrackRow>> {
    const { order, tag, cursor } = resolve(query.sort, trackSorts[query.sort], query.order, query.cursor);
    const page = await this.catalog.listTracks(
      { sort: query.sort, order, after: cursor, limit: query.limit },
      { albumId: query.albumId, artistId: query.artistId },
    );
    return listing(page, tag);
  }

  async listAlbums(query: AlbumListQuery): Promise<Listing<AlbumRow>> {
    const { order, tag, cursor } = resolve(query.sort, albumSorts[query.sort], query.order, query.cursor);
    let seed: string | undefined;
    if (query.sort === 'random') {
      if (query.seed && cursor?.seed && query.seed !== cursor.seed) {
        throw badRequest('invalid_cursor', 'The cursor belongs to another shuffle (seed); start over');
      }
      // Without a seed, each first page is a fresh shuffle; the cursor carries it onwards.
      seed = query.seed ?? cursor?.seed ?? randomBytes(9).toString('base64url');
    }
    const page = await this.catalog.listAlbums(
      { sort: query.sort, order, after: cursor, limit: query.limit, seed: seed ?? '' },
      { artistId: query.artistId },
    );
    return listing(page, tag, seed);
  }

  async listArtists(query: ArtistListQuery): Promise<Listing<ArtistRow>> {
    const { order, tag, cursor } = resolve(query.sort, artistSorts[query.sort], query.order, query.cursor);
    const page = await this.catalog.listArtists({
      sort: query.sort,
      order,
      after: cursor,
      limit: query.limit,
    });
    return listing(page, tag);
  }

  async getTrack(id: string): Promise<TrackRow> {
    // A malformed id names nothing: it is a 404 like an unknown one, and never reaches SQL.
    const track = isUuid(id) ? await this.catalog.findTrack(id) : undefined;
    if (!track) throw notFound('track_not_found', 'No such track');
    return track;
  }

  async getAlbum(id: string): Promise<AlbumDetail> {
    const album = isUuid(id) ? await this.catalog.findAlbum(id) : undefined;
    if (!album) throw notFound('album_not_found', 'No such album');
    return { album, tracks: await this.catalog.albumTracks(id) };
  }

  async getArtist(id: string): Promise<ArtistDetail> {
    const artist = isUuid(id) ? await this.catalog.findArtist(id) : undefined;
    if (!artist) throw notFound('artist_not_found', 'No such artist');
    const [albums, appearsOn, topTracks] = await Promise.all([
      this.catalog.albumsBy(id),
      this.catalog.albumsAppearedOn(id),
      this.catalog.topTracks(id, TOP_TRACKS),
    ]);
    return { artist, albums, appearsOn, topTracks };
  }

  /**
   * The original lyrics with at most one translation: the one asked for, else the first by
   * language tag. Asking for a language that has no translation gives `translation: null`;
   * `translations` says which exist.
   */
  async getLyrics(trackId: string, translation?: string): Promise<Lyrics> {
    if (!isUuid(trackId)) throw notFound('track_not_found', 'No such track');
    const rows = await this.catalog.lyricsOf(trackId);
    const original = rows.find((r) => !r.isTranslation);
    if (!original) {
      if (!(await this.catalog.trackExists(trackId))) throw notFound('track_not_found', 'No such track');
      throw notFound('lyrics_not_found', 'This track has no lyrics');
    }
    const translations = rows.filter((r) => r.isTranslation);
    const chosen =
      translation === undefined
        ? translations[0]
        : translations.find((r) => r.lang.toLowerCase() === translation.toLowerCase());
    return { trackId, original, translation: chosen ?? null, translations: translations.map((r) => r.lang) };
  }
}
