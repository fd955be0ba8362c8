import { sql, type Kysely } from 'kysely';

/**
 * The recommender reads every play of a user on each Private FM request (aggregated per track:
 * loops, finishes, early skips, the latest playback). With only (user_id, started_at) indexed,
 * that is a few hundred heap pages scattered over the whole log per request. The same index
 * with the columns it reads included serves it from the index alone (index-only scan), and still
 * serves "recently played" in time order, so it replaces the old one rather than adding another
 * index for every ingested play to maintain.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX plays_user_started_covering_idx ON plays (user_id, started_at DESC)
      INCLUDE (track_id, played_ms, end_reason, repeat, counted)`.execute(db);
  await sql`DROP INDEX plays_user_started_idx`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are append-only');
}
