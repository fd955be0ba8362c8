import { sql, type Kysely } from 'kysely';

/**
 * Playlists (song lists), their tracks in a user-chosen order, and who subscribed (collected)
 * them. `position` is a double so a drag between two neighbours writes one row, not the rest
 * of a 10,000-track list. Counts are kept on the playlist row so the square and a playlist
 * page do not count on every read.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE playlists (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      owner_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      name text NOT NULL,
      description text NOT NULL DEFAULT '',
      visibility text NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'private')),
      tags text[] NOT NULL DEFAULT '{}',
      cover_id text,
      track_count integer NOT NULL DEFAULT 0,
      duration_ms bigint NOT NULL DEFAULT 0,
      play_count bigint NOT NULL DEFAULT 0,
      subscriber_count integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX playlists_owner_idx ON playlists (owner_id, created_at DESC)`.execute(db);
  await sql`CREATE INDEX playlists_public_new_idx ON playlists (created_at DESC, id) WHERE visibility = 'public'`.execute(
    db,
  );
  await sql`CREATE INDEX playlists_tags_idx ON playlists USING gin (tags) WHERE visibility = 'public'`.execute(
    db,
  );

  await sql`
    CREATE TABLE playlist_tracks (
      playlist_id uuid NOT NULL REFERENCES playlists(id) ON DELETE CASCADE,
      track_id uuid NOT NULL REFERENCES tracks(id) ON DELETE CASCADE,
      position double precision NOT NULL,
      added_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (playlist_id, track_id)
    )`.execute(db);
  await sql`CREATE INDEX playlist_tracks_order_idx ON playlist_tracks (playlist_id, position, track_id)`.execute(
    db,
  );
  await sql`CREATE INDEX playlist_tracks_track_idx ON playlist_tracks (track_id)`.execute(db);

  await sql`
    CREATE TABLE playlist_subscriptions (
      playlist_id uuid NOT NULL REFERENCES playlists(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (playlist_id, user_id)
    )`.execute(db);
  await sql`CREATE INDEX playlist_subscriptions_user_idx ON playlist_subscriptions (user_id, created_at DESC)`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error('migrations are append-only');
}
