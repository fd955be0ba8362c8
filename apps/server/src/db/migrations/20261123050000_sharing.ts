import { sql, type Kysely } from 'kysely';

/**
 * Sharing a track (a link copied, or the system share sheet).
 *
 *   track_shares   one row per share, append-only: the track's share count is the number of
 *                  rows, and the recommender reads a user's shares as an endorsement (once per
 *                  track, however often it was shared).
 *
 * (user_id, track_id) serves the recommender's per-user read; (track_id) the public count.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE track_shares (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      track_id uuid NOT NULL REFERENCES tracks(id) ON DELETE CASCADE,
      channel text NOT NULL CHECK (channel IN ('link', 'system')),
      shared_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX track_shares_user_track_idx ON track_shares (user_id, track_id)`.execute(db);
  await sql`CREATE INDEX track_shares_track_idx ON track_shares (track_id)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are append-only');
}
