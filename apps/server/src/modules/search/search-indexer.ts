import type { SearchDocumentRepository } from './search-document.repository.ts';
import { SearchDocumentBuilder, type SearchDocument, type SearchKind } from './search-documents.ts';
import type { SearchSourceRepository, SourceSelection } from './search-source.repository.ts';

export interface IndexStats {
  /** documents written (new or changed) */
  written: number;
  /** documents removed because their catalog row is gone */
  removed: number;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Keeps the search index in step with the catalog. Every operation is idempotent: it rebuilds
 * documents from the current rows and removes those whose row is gone, so running it twice,
 * or concurrently with a scan, converges on the same index.
 *
 *   reindexTracks(ids) ─▶ track documents ─▶ their albums and artists (old and new: a retag or
 *                                            a removal changes an artist's track count)
 *   reindexAll()       ─▶ every kind in id-ordered batches ─▶ orphan cleanup
 */
export class SearchIndexer {
  constructor(
    private readonly sources: SearchSourceRepository,
    private readonly documents: SearchDocumentRepository,
    private readonly batchSize = 1000,
  ) {}

  /** Call after a scan with the ids of tracks added, changed or removed. */
  async reindexTracks(trackIds: string[]): Promise<IndexStats> {
    const stats: IndexStats = { written: 0, removed: 0 };
    const parents = new Set<string>();
    const builder = new SearchDocumentBuilder();
    for (const ids of this.chunks(trackIds)) {
      // What the tracks pointed at before, so the album or artist they left is refreshed too.
      for (const id of await this.documents.relatedIds('track', ids)) parents.add(id);
      const rows = await this.sources.tracks({ ids });
      const docs = rows.map((row) => builder.track(row));
      for (const doc of docs) for (const id of doc.relatedIds) parents.add(id);
      stats.written += await this.documents.upsert(docs);
      const found = new Set(rows.map((r) => r.id));
      stats.removed += await this.documents.remove(
        'track',
        ids.filter((id) => !found.has(id)),
      );
    }
    // Related ids mix albums and artists; each pass reads its own table and treats the rest as
    // absent (removing nothing, since no document of that kind has such an id).
    const related = [...parents];
    add(stats, await this.reindexKind('album', related));
    add(stats, await this.reindexKind('artist', related));
    return stats;
  }

  reindexAlbums(albumIds: string[]): Promise<IndexStats> {
    return this.reindexKind('album', albumIds);
  }

  reindexArtists(artistIds: string[]): Promise<IndexStats> {
    return this.reindexKind('artist', artistIds);
  }

  /** Call after a user registers or edits the profile. */
  reindexUsers(userIds: string[]): Promise<IndexStats> {
    return this.reindexKind('user', userIds);
  }

  /** Rebuilds every document in batches, then removes documents whose row is gone. */
  async reindexAll(): Promise<IndexStats> {
    const stats: IndexStats = { written: 0, removed: 0 };
    // One builder for the whole run: an artist's or album's name is tokenized once, not once per batch.
    const builder = new SearchDocumentBuilder();
    for (const kind of ['track', 'album', 'artist', 'user'] as const) {
      let after: string | null = null;
      // The database writes one batch while this process reads and tokenizes the next.
      let writing: Promise<number> = Promise.resolve(0);
      for (;;) {
        const docs: SearchDocument[] = await this.build(kind, { after, limit: this.batchSize }, builder);
        stats.written += await writing;
        if (docs.length === 0) break;
        writing = this.documents.upsert(docs);
        // Awaited on the next turn, where a failure surfaces; never an unhandled rejection.
        writing.catch(() => undefined);
        after = docs[docs.length - 1]!.refId;
      }
    }
    // Artists were rebuilt from the current track links above, so their counts already
    // reflect the orphaned tracks removed here.
    for (const kind of ['track', 'album', 'artist', 'user'] as const) {
      stats.removed += await this.documents.removeOrphans(kind);
    }
    return stats;
  }

  /** True before the first build: the caller then runs reindexAll. */
  isEmpty(): Promise<boolean> {
    return this.documents.isEmpty();
  }

  /**
   * Ranks equal matches: play counts for tracks and albums (artists keep their track count
   * until they have plays too). Unknown ids and non-finite values are skipped.
   */
  async setPopularity(kind: SearchKind, entries: { id: string; popularity: number }[]): Promise<number> {
    const valid = entries.filter((e) => UUID_RE.test(e.id) && Number.isFinite(e.popularity));
    let updated = 0;
    for (let i = 0; i < valid.length; i += this.batchSize) {
      updated += await this.documents.setPopularity(kind, valid.slice(i, i + this.batchSize));
    }
    return updated;
  }

  private async reindexKind(kind: Exclude<SearchKind, 'track'>, refIds: string[]): Promise<IndexStats> {
    const stats: IndexStats = { written: 0, removed: 0 };
    for (const ids of this.chunks(refIds)) {
      const docs = await this.build(kind, { ids });
      stats.written += await this.documents.upsert(docs);
      const found = new Set(docs.map((d) => d.refId));
      stats.removed += await this.documents.remove(
        kind,
        ids.filter((id) => !found.has(id)),
      );
    }
    return stats;
  }

  private async build(
    kind: SearchKind,
    selection: SourceSelection,
    builder = new SearchDocumentBuilder(),
  ): Promise<SearchDocument[]> {
    switch (kind) {
      case 'track':
        return (await this.sources.tracks(selection)).map((row) => builder.track(row));
      case 'album':
        return (await this.sources.albums(selection)).map((row) => builder.album(row));
      case 'artist':
        return (await this.sources.artists(selection)).map((row) => builder.artist(row));
      case 'user':
        return (await this.sources.users(selection)).map((row) => builder.user(row));
    }
  }

  /** Distinct well-formed ids in batches (a malformed id cannot name a row, so it is dropped). */
  private *chunks(ids: string[]): Generator<string[]> {
    const unique = [...new Set(ids.filter((id) => UUID_RE.test(id)).map((id) => id.toLowerCase()))];
    for (let i = 0; i < unique.length; i += this.batchSize) yield unique.slice(i, i + this.batchSize);
  }
}

function add(total: IndexStats, more: IndexStats): void {
  total.written += more.written;
  total.removed += more.removed;
}
