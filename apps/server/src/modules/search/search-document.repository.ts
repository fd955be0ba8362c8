import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { SearchDocument, SearchKind } from './search-documents.ts';

const sourceTable: Record<SearchKind, string> = {
  track: 'tracks',
  album: 'albums',
  artist: 'artists',
  user: 'users',
};

/** Writes the search index. */
export class SearchDocumentRepository {
  constructor(private readonly db: Db) {}

  /**
   * Inserts or updates documents in one statement. A document whose content is unchanged is
   * not rewritten, so a repeated full rebuild leaves no dead rows and no GIN churn.
   * Popularity is written only where the document carries one (artists); elsewhere the
   * index keeps its own (play counts will maintain it).
   */
  async upsert(documents: SearchDocument[]): Promise<number> {
    if (documents.length === 0) return 0;
    const rows = documents.map((d) => ({
      kind: d.kind,
      ref_id: d.refId,
      title: d.title,
      subtitle: d.subtitle,
      folded: d.folded,
      keys: d.keys,
      tokens: d.tokens,
      popularity: d.popularity,
      related_ids: d.relatedIds,
    }));
    const result = await sql`
      INSERT INTO search_documents AS d (kind, ref_id, title, subtitle, folded, keys, tokens, popularity, related_ids)
      SELECT kind, ref_id, title, subtitle, folded, keys, tokens, coalesce(popularity, 0), related_ids
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(
        kind text, ref_id uuid, title text, subtitle text, folded text, keys text[], tokens tsvector,
        popularity real, related_ids uuid[])
      ON CONFLICT (kind, ref_id) DO UPDATE SET
        title = excluded.title,
        subtitle = excluded.subtitle,
        folded = excluded.folded,
        keys = excluded.keys,
        tokens = excluded.tokens,
        popularity = CASE WHEN excluded.kind = 'artist' THEN excluded.popularity ELSE d.popularity END,
        related_ids = excluded.related_ids,
        updated_at = now()
      WHERE (d.title, d.subtitle, d.folded, d.keys, d.tokens, d.related_ids)
              IS DISTINCT FROM (excluded.title, excluded.subtitle, excluded.folded, excluded.keys, excluded.tokens,
                                excluded.related_ids)
         OR (excluded.kind = 'artist' AND d.popularity IS DISTINCT FROM excluded.popularity)`.execute(
      this.db,
    );
    return Number(result.numAffectedRows ?? 0);
  }

  /** Related ids (album, artists) the index remembers for these documents. */
  async relatedIds(kind: SearchKind, refIds: string[]): Promise<string[]> {
    if (refIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('searchDocuments')
      .select(sql<string>`unnest(related_ids)`.as('id'))
      .where('kind', '=', kind)
      .where('refId', '=', sql<string>`ANY(${refIds}::uuid[])`)
      .execute();
    return [...new Set(rows.map((r) => r.id))];
  }

  async remove(kind: SearchKind, refIds: string[]): Promise<number> {
    if (refIds.length === 0) return 0;
    const result = await this.db
      .deleteFrom('searchDocuments')
      .where('kind', '=', kind)
      .where('refId', '=', sql<string>`ANY(${refIds}::uuid[])`)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** Removes the documents of this kind whose catalog row is gone. */
  async removeOrphans(kind: SearchKind): Promise<number> {
    const result = await sql`
      DELETE FROM search_documents d
      WHERE d.kind = ${kind} AND NOT EXISTS (SELECT 1 FROM ${sql.table(sourceTable[kind])} s WHERE s.id = d.ref_id)`.execute(
      this.db,
    );
    return Number(result.numAffectedRows ?? 0);
  }

  async isEmpty(): Promise<boolean> {
    return !(await this.db.selectFrom('searchDocuments').select('refId').limit(1).executeTakeFirst());
  }

  /** Sets popularity (play counts) on existing documents; a missing document is skipped. */
  async setPopularity(kind: SearchKind, entries: { id: string; popularity: number }[]): Promise<number> {
    if (entries.length === 0) return 0;
    const result = await sql`
      UPDATE search_documents d SET popularity = x.popularity
      FROM unnest(${entries.map((e) => e.id)}::uuid[], ${entries.map((e) => e.popularity)}::real[]) AS x(ref_id, popularity)
      WHERE d.kind = ${kind} AND d.ref_id = x.ref_id AND d.popularity IS DISTINCT FROM x.popularity`.execute(
      this.db,
    );
    return Number(result.numAffectedRows ?? 0);
  }
}
