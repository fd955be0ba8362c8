import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { SearchKind } from './search-documents.ts';
import type { ParsedQuery } from './search-tokenizer.ts';
import { trackArtists, type NamedRef } from './search-source.repository.ts';

/**
 * Where a hit stands in the ranking; compared in this order. `rank`: 5 exact name (in any
 * spelling: folded, pinyin, initials), 4 name prefix, 3 name substring, 2 every term in the
 * title, 1 a term only in artists/album, 0 near spelling (trigram typo match).
 */
export interface RankPosition {
  rank: number;
  /** word similarity of near-spelling hits; 0 for the others */
  similarity: number;
  popularity: number;
  nameLength: number;
  refId: string;
}

export interface RankedHit extends RankPosition {
  kind: SearchKind;
  title: string;
  subtitle: string;
}

export interface TrackHit {
  id: string;
  title: string;
  durationMs: number;
  coverId: string | null;
  album: { id: string; title: string } | null;
  artists: NamedRef[];
}

export interface AlbumHit {
  id: string;
  title: string;
  year: number | null;
  coverId: string | null;
  artist: NamedRef;
}

export interface ArtistHit {
  id: string;
  name: string;
  coverId: string | null;
}

export interface UserHit {
  id: string;
  username: string;
  nickname: string;
  avatarId: string | null;
}

/** Only this many near-spelling candidates are ranked: typo matches are a last resort. */
const FUZZY_CANDIDATES = 50;

export interface CandidateLimits {
  /** per kind: the most popular documents matching every term */
  matches: number;
  /** per kind: documents whose whole name is the query (in any spelling) */
  exact: number;
  /** near spellings, when the query is typo-prone */
  fuzzy: boolean;
}

/** A kind checked against the closed list, since it is spliced into the SQL as a literal. */
function kindLiteral(kind: SearchKind): SearchKind {
  if (!['track', 'album', 'artist', 'user'].includes(kind)) throw new Error(`unknown search kind ${kind}`);
  return kind;
}

/** The `limit` most popular documents of each kind meeting `condition`. */
function topPerKind(condition: RawBuilder<unknown>, kinds: SearchKind[], limit: number): RawBuilder<unknown> {
  return sql`
    (SELECT kind, ref_id FROM (
       SELECT kind, ref_id, row_number() OVER (PARTITION BY kind ORDER BY popularity DESC, ref_id) AS place
       FROM search_documents
       WHERE kind = ANY(${kinds}::text[]) AND ${condition}) AS ranked
     WHERE place <= ${limit})`;
}

export class SearchRepository {
  constructor(private readonly db: Db) {}

  /**
   * The scored documents of the given kinds. Candidates come from indexes, each source capped
   * so a very common term (`love`, 爱) costs no more than a rare one:
   *   - documents matching every term, most popular first (GIN on tokens, or for a very
   *     common term the popularity index filtered by the tsquery, whichever the planner
   *     finds cheaper);
   *   - documents whose whole name is the query, however unpopular (GIN on keys);
   *   - near spellings for typo-prone queries (GIN trigram on folded).
   * Past the caps a search is refined, not paged.
   */
  private scored(query: ParsedQuery, kinds: SearchKind[], limits: CandidateLimits): RawBuilder<RankedHit> {
    const tsquery = sql`${query.tsquery}::tsquery`;
    // One branch per kind, the kind a literal so the planner picks that kind's partial GIN
    // index and weighs the term among that kind alone: for a very common term among tracks
    // it walks the popularity index instead of collecting every match.
    const branches = kinds.map(
      (kind) => sql`
        (SELECT kind, ref_id FROM search_documents
         WHERE kind = ${sql.lit(kindLiteral(kind))} AND tokens @@ ${tsquery}
         ORDER BY popularity DESC, ref_id
         LIMIT ${limits.matches})`,
    );
    branches.push(topPerKind(sql`keys @> ARRAY[${query.compact}::text]`, kinds, limits.exact));
    if (limits.fuzzy) {
      branches.push(sql`
        (SELECT kind, ref_id FROM search_documents
         WHERE kind = ANY(${kinds}::text[]) AND ${query.folded} <% folded
         ORDER BY word_similarity(${query.folded}, folded) DESC, ref_id
         LIMIT ${FUZZY_CANDIDATES})`);
    }
    return sql<RankedHit>`
      WITH candidate AS (${sql.join(branches, sql` UNION `)}),
      scored AS MATERIALIZED (
        SELECT d.kind, d.ref_id, d.title, d.subtitle, d.folded,
          d.popularity::float8 AS popularity, char_length(d.title) AS name_length,
          CASE
            WHEN ${query.compact} = ANY(d.keys) THEN 5
            WHEN starts_with(d.folded, ${query.folded})
              OR EXISTS (SELECT 1 FROM unnest(d.keys) AS k WHERE starts_with(k, ${query.compact})) THEN 4
            WHEN strpos(d.folded, ${query.folded}) > 0 THEN 3
            WHEN d.tokens @@ ${query.titleTsquery}::tsquery THEN 2
            WHEN d.tokens @@ ${tsquery} THEN 1
            ELSE 0
          END AS rank
        FROM candidate JOIN search_documents d USING (kind, ref_id)
      )
      SELECT kind, ref_id, title, subtitle, rank, popularity, name_length,
        CASE WHEN rank = 0 THEN word_similarity(${query.folded}, folded)::float8 ELSE 0 END AS similarity
      FROM scored`;
  }

  /** The first `limit` hits after `after` (keyset on the ranking tuple). */
  async page(
    query: ParsedQuery,
    kinds: SearchKind[],
    limit: number,
    after: RankPosition | null,
    limits: CandidateLimits,
  ): Promise<RankedHit[]> {
    const from = after
      ? sql`WHERE (-rank, -similarity, -popularity, name_length, ref_id)
              > (${-after.rank}::int, ${-after.similarity}::float8, ${-after.popularity}::float8,
                 ${after.nameLength}::int, ${after.refId}::uuid)`
      : sql``;
    const result = await sql<RankedHit>`
      SELECT * FROM (${this.scored(query, kinds, limits)}) AS hit
      ${from}
      ORDER BY rank DESC, similarity DESC, popularity DESC, name_length, ref_id
      LIMIT ${limit}`.execute(this.db);
    return result.rows;
  }

  /** The first `perKind` hits of each kind, in one pass over the index. */
  async topOfEach(
    query: ParsedQuery,
    kinds: SearchKind[],
    perKind: number,
    limits: CandidateLimits,
  ): Promise<RankedHit[]> {
    const result = await sql<RankedHit>`
      SELECT * FROM (
        SELECT hit.*, row_number() OVER (
          PARTITION BY kind ORDER BY rank DESC, similarity DESC, popularity DESC, name_length, ref_id) AS place
        FROM (${this.scored(query, kinds, limits)}) AS hit
      ) AS placed
      WHERE place <= ${perKind}
      ORDER BY kind, place`.execute(this.db);
    return result.rows;
  }

  async tracks(ids: string[]): Promise<TrackHit[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('tracks as t')
      .leftJoin('albums as al', 'al.id', 't.albumId')
      .select(['t.id', 't.title', 't.durationMs', 'al.id as albumId', 'al.title as albumTitle'])
      .select(sql<string | null>`coalesce(t.cover_id, al.cover_id)`.as('coverId'))
      .where('t.id', '=', sql<string>`ANY(${ids}::uuid[])`)
      .execute();
    const artists = await trackArtists(this.db, ids);
    return rows.map(({ albumId, albumTitle, ...track }) => ({
      ...track,
      album: albumId !== null && albumTitle !== null ? { id: albumId, title: albumTitle } : null,
      artists: artists.get(track.id) ?? [],
    }));
  }

  async albums(ids: string[]): Promise<AlbumHit[]> {
    if (ids.length === 0) return [];
    return this.db
      .selectFrom('albums as al')
      .innerJoin('artists as a', 'a.id', 'al.albumArtistId')
      .select(['al.id', 'al.title', 'al.year', 'al.coverId'])
      .select(sql<NamedRef>`json_build_object('id', a.id, 'name', a.name)`.as('artist'))
      .where('al.id', '=', sql<string>`ANY(${ids}::uuid[])`)
      .execute();
  }

  async artists(ids: string[]): Promise<ArtistHit[]> {
    if (ids.length === 0) return [];
    return this.db
      .selectFrom('artists')
      .select(['id', 'name', 'coverId'])
      .where('id', '=', sql<string>`ANY(${ids}::uuid[])`)
      .execute();
  }

  async users(ids: string[]): Promise<UserHit[]> {
    if (ids.length === 0) return [];
    return this.db
      .selectFrom('users')
      .select(['id', 'username', 'nickname', 'avatarId'])
      .where('id', '=', sql<string>`ANY(${ids}::uuid[])`)
      .execute();
  }
}
