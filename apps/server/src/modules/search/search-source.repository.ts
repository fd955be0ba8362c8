import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

/** Reads the catalog rows that search documents are made from. */

export interface NamedRef {
  id: string;
  name: string;
}

export interface TrackSource {
  id: string;
  title: string;
  albumId: string | null;
  albumTitle: string | null;
  artists: NamedRef[];
}

export interface AlbumSource {
  id: string;
  title: string;
  artistId: string;
  artistName: string;
}

export interface ArtistSource {
  id: string;
  name: string;
  trackCount: number;
}

export interface UserSource {
  id: string;
  username: string;
  nickname: string;
}

/** Which rows to read: these ids, or the next batch in id order after a given id. */
export type SourceSelection = { ids: string[] } | { after: string | null; limit: number };

/**
 * Every read is one plain query per table (no correlated subqueries), so the plans stay cheap
 * even right after a big import, before the planner has statistics on the new rows.
 */
export class SearchSourceRepository {
  constructor(private readonly db: Db) {}

  async tracks(selection: SourceSelection): Promise<TrackSource[]> {
    const pick = narrow(selection);
    const rows = await this.db
      .selectFrom('tracks as t')
      .leftJoin('albums as al', 'al.id', 't.albumId')
      .select(['t.id', 't.title', 't.albumId', 'al.title as albumTitle'])
      .$if(pick.ids !== null, (q) => q.where('t.id', '=', sql<string>`ANY(${pick.ids}::uuid[])`))
      .$if(pick.after !== null, (q) => q.where('t.id', '>', pick.after!))
      .$if(pick.limit !== null, (q) => q.orderBy('t.id').limit(pick.limit!))
      .execute();
    const artists = await trackArtists(
      this.db,
      rows.map((r) => r.id),
    );
    return rows.map((r) => ({ ...r, artists: artists.get(r.id) ?? [] }));
  }

  albums(selection: SourceSelection): Promise<AlbumSource[]> {
    const pick = narrow(selection);
    return this.db
      .selectFrom('albums as al')
      .innerJoin('artists as a', 'a.id', 'al.albumArtistId')
      .select(['al.id', 'al.title', 'a.id as artistId', 'a.name as artistName'])
      .$if(pick.ids !== null, (q) => q.where('al.id', '=', sql<string>`ANY(${pick.ids}::uuid[])`))
      .$if(pick.after !== null, (q) => q.where('al.id', '>', pick.after!))
      .$if(pick.limit !== null, (q) => q.orderBy('al.id').limit(pick.limit!))
      .execute();
  }

  async artists(selection: SourceSelection): Promise<ArtistSource[]> {
    const pick = narrow(selection);
    const rows = await this.db
      .selectFrom('artists as a')
      .select(['a.id', 'a.name'])
      .$if(pick.ids !== null, (q) => q.where('a.id', '=', sql<string>`ANY(${pick.ids}::uuid[])`))
      .$if(pick.after !== null, (q) => q.where('a.id', '>', pick.after!))
      .$if(pick.limit !== null, (q) => q.orderBy('a.id').limit(pick.limit!))
      .execute();
    if (rows.length === 0) return [];
    const counts = await this.db
      .selectFrom('trackArtists')
      .select(['artistId', (eb) => eb.fn.countAll<number>().as('tracks')])
      .where('artistId', '=', sql<string>`ANY(${rows.map((r) => r.id)}::uuid[])`)
      .groupBy('artistId')
      .execute();
    const byArtist = new Map(counts.map((c) => [c.artistId, Number(c.tracks)]));
    return rows.map((r) => ({ ...r, trackCount: byArtist.get(r.id) ?? 0 }));
  }

  users(selection: SourceSelection): Promise<UserSource[]> {
    const pick = narrow(selection);
    return this.db
      .selectFrom('users as u')
      .select(['u.id', 'u.username', 'u.nickname'])
      .$if(pick.ids !== null, (q) => q.where('u.id', '=', sql<string>`ANY(${pick.ids}::uuid[])`))
      .$if(pick.after !== null, (q) => q.where('u.id', '>', pick.after!))
      .$if(pick.limit !== null, (q) => q.orderBy('u.id').limit(pick.limit!))
      .execute();
  }
}

/** The artists of each track, in credit order (shared with the search results). */
export async function trackArtists(db: Db, trackIds: string[]): Promise<Map<string, NamedRef[]>> {
  const byTrack = new Map<string, NamedRef[]>();
  if (trackIds.length === 0) return byTrack;
  const links = await db
    .selectFrom('trackArtists as ta')
    .innerJoin('artists as a', 'a.id', 'ta.artistId')
    .select(['ta.trackId', 'a.id', 'a.name'])
    .where('ta.trackId', '=', sql<string>`ANY(${trackIds}::uuid[])`)
    .orderBy('ta.trackId')
    .orderBy('ta.position')
    .orderBy('a.name')
    .execute();
  for (const link of links) {
    const list = byTrack.get(link.trackId) ?? [];
    list.push({ id: link.id, name: link.name });
    byTrack.set(link.trackId, list);
  }
  return byTrack;
}

/** The selected ids, or the next id-ordered batch. */
function narrow(selection: SourceSelection) {
  const ids = 'ids' in selection ? selection.ids : null;
  const batch = 'ids' in selection ? null : selection;
  return { ids, after: batch?.after ?? null, limit: batch?.limit ?? null };
}
