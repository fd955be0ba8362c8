import { sql, type Kysely } from 'kysely';

/**
 * Recommendations: trained models, the daily lists, Private FM's memory, and the user's explicit
 * controls (trash, blocked artists, onboarding seeds, taste reset). See modules/recommend/README.md.
 *
 *   recommend_models        one row per trained model (latest few kept); the bytes live in
 *   recommend_model_chunks  8 MiB chunks, because a model of a large library is hundreds of MB
 *                           and one bytea parameter would exceed what a JS string can hold.
 *   daily_lists             one row per (user, recommendation day): inserting it is the claim,
 *                           so two instances (or the job and an on-demand request) never both
 *                           write a list; the job finds due users by its absence.
 *   daily_recommendations   the 30 tracks of a list with their reason; a dismissed track stays
 *                           (dismissed_at) so it is not offered again and feeds negative feedback,
 *                           and its replacement takes the same position.
 *   track_trash             the FM's bin: never recommended again (unless liked later).
 *   artist_blocks           artists never recommended.
 *   taste_seeds             genres and artists picked at onboarding (cold start).
 *   taste_profiles          reset_at (feedback before it is ignored), onboarded_at, fm_mode.
 *   fm_served               what Private FM served and why, so it does not repeat soon and can
 *                           explain itself.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE recommend_models (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('collaborative', 'content')),
      trained_at timestamptz NOT NULL,
      byte_size bigint NOT NULL,
      meta jsonb NOT NULL DEFAULT '{}'
    )`.execute(db);
  await sql`CREATE INDEX recommend_models_latest_idx ON recommend_models (trained_at DESC, id DESC)`.execute(
    db,
  );
  await sql`
    CREATE TABLE recommend_model_chunks (
      model_id bigint NOT NULL REFERENCES recommend_models(id) ON DELETE CASCADE,
      seq integer NOT NULL,
      data bytea NOT NULL,
      PRIMARY KEY (model_id, seq)
    )`.execute(db);

  await sql`
    CREATE TABLE daily_lists (
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      day date NOT NULL,
      generated_at timestamptz NOT NULL,
      model_id bigint,
      cold_start boolean NOT NULL,
      PRIMARY KEY (user_id, day)
    )`.execute(db);
  await sql`CREATE INDEX daily_lists_day_idx ON daily_lists (day)`.execute(db);
  await sql`
    CREATE TABLE daily_recommendations (
      user_id uuid NOT NULL,
      day date NOT NULL,
      track_id uuid NOT NULL REFERENCES tracks(id) ON DELETE CASCADE,
      position smallint NOT NULL CHECK (position >= 0),
      reason jsonb NOT NULL,
      dismissed_at timestamptz,
      PRIMARY KEY (user_id, day, track_id),
      FOREIGN KEY (user_id, day) REFERENCES daily_lists (user_id, day) ON DELETE CASCADE
    )`.execute(db);
  // One live track per slot: a replacement can only take a dismissed track's place.
  await sql`
    CREATE UNIQUE INDEX daily_recommendations_position_idx ON daily_recommendations (user_id, day, position)
    WHERE dismissed_at IS NULL`.execute(db);
  await sql`
    CREATE INDEX daily_recommendations_dismissed_idx ON daily_recommendations (user_id)
    WHERE dismissed_at IS NOT NULL`.execute(db);

  await sql`
    CREATE TABLE track_trash (
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      track_id uuid NOT NULL REFERENCES tracks(id) ON DELETE CASCADE,
      at timestamptz NOT NULL,
      PRIMARY KEY (user_id, track_id)
    )`.execute(db);
  await sql`
    CREATE TABLE artist_blocks (
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      artist_id uuid NOT NULL REFERENCES artists(id) ON DELETE CASCADE,
      at timestamptz NOT NULL,
      PRIMARY KEY (user_id, artist_id)
    )`.execute(db);
  await sql`
    CREATE TABLE taste_seeds (
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('genre', 'artist')),
      value text NOT NULL CHECK (char_length(value) BETWEEN 1 AND 100),
      PRIMARY KEY (user_id, kind, value)
    )`.execute(db);
  await sql`
    CREATE TABLE taste_profiles (
      user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
      reset_at timestamptz,
      onboarded_at timestamptz,
      fm_mode text NOT NULL DEFAULT 'default' CHECK (fm_mode IN ('default', 'familiar', 'discovery')),
      updated_at timestamptz NOT NULL
    )`.execute(db);
  await sql`
    CREATE TABLE fm_served (
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      track_id uuid NOT NULL REFERENCES tracks(id) ON DELETE CASCADE,
      served_at timestamptz NOT NULL,
      mode text NOT NULL,
      reason jsonb NOT NULL,
      PRIMARY KEY (user_id, track_id)
    )`.execute(db);
  await sql`CREATE INDEX fm_served_recent_idx ON fm_served (user_id, served_at DESC)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are append-only');
}
