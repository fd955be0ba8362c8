import { badRequest } from '../../http/errors.ts';
import { decodeCursor, encodeCursor, queryFingerprint } from './search-cursor.ts';
import type { SearchKind } from './search-documents.ts';
import { parseQuery, type ParsedQuery } from './search-tokenizer.ts';
import type {
  AlbumHit,
  ArtistHit,
  RankedHit,
  SearchRepository,
  TrackHit,
  UserHit,
} from './search.repository.ts';

export type SearchType = 'all' | SearchKind;

export const MAX_QUERY_CHARS = 100;
export const SEARCH_LIMITS = { defaultPage: 20, maxPage: 50, defaultPerKind: 5, maxPerKind: 20 } as const;
export const MAX_SUGGESTIONS = 10;

/**
 * How many candidates each search ranks (see SearchRepository): enough that paging a real
 * query never runs dry, few enough that a one-letter query stays fast.
 */
const CANDIDATES = {
  page: { matches: 500, exact: 200 },
  topOfEach: { matches: 200, exact: 50 },
  suggest: { matches: 100, exact: 20, fuzzy: false },
} as const;

const ALL_KINDS: SearchKind[] = ['track', 'album', 'artist', 'user'];

export interface SearchInput {
  q: string;
  type: SearchType;
  /** per page for one type; per kind for `all` */
  limit?: number;
  /** pages through one type */
  cursor?: string;
}

export interface SearchResults {
  tracks: TrackHit[];
  albums: AlbumHit[];
  artists: ArtistHit[];
  users: UserHit[];
  nextCursor: string | null;
}

export interface Suggestion {
  kind: SearchKind;
  id: string;
  text: string;
  subtitle: string;
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, Math.trunc(value)));

/** Search and suggestions over the search index; the HTTP, Subsonic and CLI sides call this. */
export class SearchService {
  constructor(private readonly repository: SearchRepository) {}

  private parse(q: string, mode: 'search' | 'suggest'): ParsedQuery | null {
    const text = q.trim();
    if (!text) throw badRequest('empty_query', 'Type something to search for');
    if (text.length > MAX_QUERY_CHARS) {
      throw badRequest('query_too_long', `A search is at most ${MAX_QUERY_CHARS} characters`);
    }
    return parseQuery(text, mode);
  }

  async search(input: SearchInput): Promise<SearchResults> {
    const query = this.parse(input.q, 'search');
    if (input.type === 'all') {
      if (input.cursor)
        throw badRequest('invalid_cursor', 'A cursor pages through one type: pass `type` too');
      if (!query) return this.hydrate([], null);
      const perKind = clamp(input.limit ?? SEARCH_LIMITS.defaultPerKind, 1, SEARCH_LIMITS.maxPerKind);
      return this.hydrate(
        await this.repository.topOfEach(query, ALL_KINDS, perKind, {
          ...CANDIDATES.topOfEach,
          fuzzy: query.fuzzy,
        }),
        null,
      );
    }

    const limit = clamp(input.limit ?? SEARCH_LIMITS.defaultPage, 1, SEARCH_LIMITS.maxPage);
    const fingerprint = queryFingerprint(input.type, query?.compact ?? '');
    const after = input.cursor ? decodeCursor(input.cursor, fingerprint) : null;
    if (input.cursor && !after)
      throw badRequest('invalid_cursor', 'This cursor does not belong to this search');
    if (!query) return this.hydrate([], null);
    const hits = await this.repository.page(query, [input.type], limit + 1, after, {
      ...CANDIDATES.page,
      fuzzy: query.fuzzy,
    });
    const shown = hits.slice(0, limit);
    const last = shown[shown.length - 1];
    return this.hydrate(shown, hits.length > limit && last ? encodeCursor(fingerprint, last) : null);
  }

  /** Names that start like what is being typed: exact and prefix names first, then the rest. */
  async suggest(q: string, limit = MAX_SUGGESTIONS): Promise<Suggestion[]> {
    const query = this.parse(q, 'suggest');
    if (!query) return [];
    const hits = await this.repository.page(
      query,
      ALL_KINDS,
      clamp(limit, 1, MAX_SUGGESTIONS),
      null,
      CANDIDATES.suggest,
    );
    return hits.map((h) => ({ kind: h.kind, id: h.refId, text: h.title, subtitle: h.subtitle }));
  }

  /** Reads the shown hits from the catalog, in ranked order; a hit whose row just vanished is skipped. */
  private async hydrate(hits: RankedHit[], nextCursor: string | null): Promise<SearchResults> {
    const idsOf = (kind: SearchKind) => hits.filter((h) => h.kind === kind).map((h) => h.refId);
    const [tracks, albums, artists, users] = await Promise.all([
      this.repository.tracks(idsOf('track')),
      this.repository.albums(idsOf('album')),
      this.repository.artists(idsOf('artist')),
      this.repository.users(idsOf('user')),
    ]);
    return {
      tracks: inOrder(idsOf('track'), tracks),
      albums: inOrder(idsOf('album'), albums),
      artists: inOrder(idsOf('artist'), artists),
      users: inOrder(idsOf('user'), users),
      nextCursor,
    };
  }
}

function inOrder<T extends { id: string }>(ids: string[], rows: T[]): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [row] : [];
  });
}
