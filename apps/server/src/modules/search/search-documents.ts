import type { AlbumSource, ArtistSource, TrackSource, UserSource } from './search-source.repository.ts';
import { lexemesOf, nameKeysOf, tsvectorLiteral, type LexemeOptions } from './search-tokenizer.ts';

export type SearchKind = 'track' | 'album' | 'artist' | 'user';

/** One row of the search index, ready to write. */
export interface SearchDocument {
  kind: SearchKind;
  refId: string;
  title: string;
  subtitle: string;
  folded: string;
  keys: string[];
  /** tsvector literal */
  tokens: string;
  /** null: keep what the index has (play counts will maintain it), 0 for a new document */
  popularity: number | null;
  relatedIds: string[];
}

/**
 * Builds documents; remembers the lexemes of names it has seen, since one artist or album
 * name recurs on many tracks of a batch.
 */
export class SearchDocumentBuilder {
  private readonly cache = new Map<string, string[]>();

  private lexemes(text: string, options: LexemeOptions = {}): string[] {
    const key = `${options.personName ? 'p' : 't'}:${text}`;
    let found = this.cache.get(key);
    if (!found) {
      found = lexemesOf(text, options);
      // A bound keeps a full rebuild of a huge catalog from growing this without limit.
      if (this.cache.size >= 20_000) this.cache.clear();
      this.cache.set(key, found);
    }
    return found;
  }

  track(row: TrackSource): SearchDocument {
    const secondary = row.artists.flatMap((a) => this.lexemes(a.name, { personName: true }));
    if (row.albumTitle) secondary.push(...this.lexemes(row.albumTitle));
    return {
      kind: 'track',
      refId: row.id,
      title: row.title,
      subtitle: row.artists.map((a) => a.name).join(' / '),
      ...nameKeysOf(row.title),
      tokens: tsvectorLiteral(lexemesOf(row.title), secondary),
      popularity: null,
      relatedIds: [...(row.albumId ? [row.albumId] : []), ...row.artists.map((a) => a.id)],
    };
  }

  album(row: AlbumSource): SearchDocument {
    return {
      kind: 'album',
      refId: row.id,
      title: row.title,
      subtitle: row.artistName,
      ...nameKeysOf(row.title),
      tokens: tsvectorLiteral(this.lexemes(row.title), this.lexemes(row.artistName, { personName: true })),
      popularity: null,
      relatedIds: [row.artistId],
    };
  }

  /** An artist's popularity is its number of tracks until play counts exist. */
  artist(row: ArtistSource): SearchDocument {
    return {
      kind: 'artist',
      refId: row.id,
      title: row.name,
      subtitle: '',
      ...nameKeysOf(row.name, { personName: true }),
      tokens: tsvectorLiteral(this.lexemes(row.name, { personName: true }), []),
      popularity: row.trackCount,
      relatedIds: [],
    };
  }

  /** Only the public profile names are indexed. */
  user(row: UserSource): SearchDocument {
    const names = nameKeysOf(row.nickname, { personName: true });
    const username = row.username.toLowerCase();
    return {
      kind: 'user',
      refId: row.id,
      title: row.nickname,
      subtitle: `@${row.username}`,
      folded: names.folded,
      keys: [...new Set([...names.keys, ...nameKeysOf(username).keys])],
      tokens: tsvectorLiteral([...lexemesOf(row.nickname, { personName: true }), ...lexemesOf(username)], []),
      popularity: null,
      relatedIds: [],
    };
  }
}
