import { sql, type Kysely } from 'kysely';

/**
 * The search index: one document per track, album, artist and user, rebuilt from the catalog
 * by the search indexer. `tokens` holds lexemes made in TypeScript (jieba words, Han
 * characters and bigrams, pinyin and initials, folded Latin words) with the title at weight A
 * and artists/album at weight B; `folded` is the accent-folded name for exact/prefix ranking
 * and for trigram typo matching (`beethovn`); `keys` are whole-name spellings without
 * spaces (folded, pinyin, initials) for exact-name lookups. `related_ids` remembers a track's album and artists so removing the track can
 * refresh them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE search_documents (
      kind text NOT NULL CHECK (kind IN ('track', 'album', 'artist', 'user')),
      ref_id uuid NOT NULL,
      title text NOT NULL,
      subtitle text NOT NULL DEFAULT '',
      folded text NOT NULL,
      keys text[] NOT NULL DEFAULT '{}',
      tokens tsvector NOT NULL,
      popularity real NOT NULL DEFAULT 0,
      related_ids uuid[] NOT NULL DEFAULT '{}',
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (kind, ref_id)
    )`.execute(db);
  // One GIN per kind: a query for albums scans the album index only, and a very common term
  // among tracks does not make the album, artist and user lookups slow.
  for (const kind of ['track', 'album', 'artist', 'user']) {
    await sql`CREATE INDEX ${sql.id(`search_documents_${kind}_tokens_idx`)} ON search_documents USING gin (tokens)
      WHERE kind = ${sql.lit(kind)}`.execute(db);
  }
  await sql`CREATE INDEX search_documents_keys_idx ON search_documents USING gin (keys)`.execute(db);
  // Walks a kind's documents most popular first: the planner uses it when a term is so common
  // that reading its matches in popularity order beats collecting and sorting all of them.
  await sql`CREATE INDEX search_documents_popularity_idx ON search_documents (kind, popularity DESC, ref_id)`.execute(
    db,
  );
  await sql`CREATE INDEX search_documents_folded_trgm_idx ON search_documents USING gin (folded gin_trgm_ops)`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error('migrations are append-only');
}
