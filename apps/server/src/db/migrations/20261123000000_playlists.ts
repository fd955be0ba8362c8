import { sql, type Kysely } from 'kysely';

/**
 * Playlists (song lists), their tracks in a user-chosen order, and who subscribed (collected)
 * them. `position` is a double so a drag between two neighbours writes one row, not the rest
 * of a 10,000-track list. Counts are kept on the playlist row so the square and a playlist
 * page do not count on every read; triggers keep them exact (see below).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // hot_score is ln(sum of exp((t - 2026-01-01) / 3 days)) over plays and subscriptions; see
  // modules/playlists/playlist-ranking.ts. Its default is the negligible seed weight
  // (e^-50 of a play) at creation, the same as the service writes, frozen here.
  await sql`
    CREATE TABLE playlists (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      owner_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
      description text NOT NULL DEFAULT '' CHECK (char_length(description) <= 1000),
      visibility text NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'private')),
      tags text[] NOT NULL DEFAULT '{}' CHECK (cardinality(tags) <= 3),
      cover_id text REFERENCES covers(id),
      cover_uploaded boolean NOT NULL DEFAULT false,
      cover_sources text[] NOT NULL DEFAULT '{}',
      track_count integer NOT NULL DEFAULT 0 CHECK (track_count BETWEEN 0 AND 10000),
      duration_ms bigint NOT NULL DEFAULT 0,
      play_count bigint NOT NULL DEFAULT 0,
      subscriber_count integer NOT NULL DEFAULT 0,
      hot_score double precision NOT NULL
        DEFAULT ((extract(epoch from now()) * 1000 - 1767225600000) / 259200000 - 50),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX playlists_owner_idx ON playlists (owner_id, created_at DESC, id DESC)`.execute(db);
  await sql`CREATE INDEX playlists_public_new_idx ON playlists (created_at DESC, id DESC) WHERE visibility = 'public'`.execute(
    db,
  );
  await sql`CREATE INDEX playlists_public_hot_idx ON playlists (hot_score DESC, id DESC) WHERE visibility = 'public'`.execute(
    db,
  );
  await sql`CREATE INDEX playlists_tags_idx ON playlists USING gin (tags) WHERE visibility = 'public'`.execute(
    db,
  );

  // duration_ms is a copy of the track's, taken by a trigger when the row is added and kept in
  // step by the trigger on tracks below, so removing a row, even by cascade after its track is
  // gone, knows what to subtract.
  await sql`
    CREATE TABLE playlist_tracks (
      playlist_id uuid NOT NULL REFERENCES playlists(id) ON DELETE CASCADE,
      track_id uuid NOT NULL REFERENCES tracks(id) ON DELETE CASCADE,
      position double precision NOT NULL,
      duration_ms integer NOT NULL DEFAULT 0,
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
  await sql`CREATE INDEX playlist_subscriptions_user_idx ON playlist_subscriptions (user_id, created_at DESC, playlist_id DESC)`.execute(
    db,
  );
  await sql`CREATE INDEX playlist_subscriptions_newest_idx ON playlist_subscriptions (playlist_id, created_at DESC, user_id DESC)`.execute(
    db,
  );

  await countTriggers(db);
}

/**
 * track_count, duration_ms and subscriber_count stay exact whoever changes the rows: our
 * service, a library scan deleting a track (ON DELETE CASCADE), a user deleting their account.
 * The statement-level triggers apply deltas from the transition tables, so their cost is the
 * rows changed, never the length of the list; a rescan that changes a track's duration
 * updates the copies in every list holding it.
 */
async function countTriggers(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION playlist_track_copy_duration() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      NEW.duration_ms := coalesce((SELECT duration_ms FROM tracks WHERE id = NEW.track_id), 0);
      RETURN NEW;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER playlist_tracks_duration BEFORE INSERT ON playlist_tracks
    FOR EACH ROW EXECUTE FUNCTION playlist_track_copy_duration()`.execute(db);
  await sql`
    CREATE FUNCTION playlist_tracks_added() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE playlists p SET track_count = p.track_count + d.n, duration_ms = p.duration_ms + d.ms
      FROM (SELECT playlist_id, count(*) AS n, sum(duration_ms) AS ms FROM added GROUP BY playlist_id) d
      WHERE p.id = d.playlist_id;
      RETURN NULL;
    END $$`.execute(db);
  await sql`
    CREATE FUNCTION playlist_tracks_removed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE playlists p SET track_count = p.track_count - d.n, duration_ms = p.duration_ms - d.ms
      FROM (SELECT playlist_id, count(*) AS n, sum(duration_ms) AS ms FROM removed GROUP BY playlist_id) d
      WHERE p.id = d.playlist_id;
      RETURN NULL;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER playlist_tracks_count_added AFTER INSERT ON playlist_tracks
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION playlist_tracks_added()`.execute(db);
  await sql`
    CREATE TRIGGER playlist_tracks_count_removed AFTER DELETE ON playlist_tracks
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION playlist_tracks_removed()`.execute(
    db,
  );

  await sql`
    CREATE FUNCTION playlist_track_duration_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE playlists p SET duration_ms = p.duration_ms + (NEW.duration_ms - OLD.duration_ms)
      FROM playlist_tracks pt WHERE pt.track_id = NEW.id AND p.id = pt.playlist_id;
      UPDATE playlist_tracks SET duration_ms = NEW.duration_ms WHERE track_id = NEW.id;
      RETURN NULL;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER tracks_duration_in_playlists AFTER UPDATE OF duration_ms ON tracks
    FOR EACH ROW WHEN (OLD.duration_ms IS DISTINCT FROM NEW.duration_ms)
    EXECUTE FUNCTION playlist_track_duration_changed()`.execute(db);

  await sql`
    CREATE FUNCTION playlist_subscriptions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        UPDATE playlists p SET subscriber_count = p.subscriber_count + d.n
        FROM (SELECT playlist_id, count(*) AS n FROM added GROUP BY playlist_id) d WHERE p.id = d.playlist_id;
      ELSE
        UPDATE playlists p SET subscriber_count = p.subscriber_count - d.n
        FROM (SELECT playlist_id, count(*) AS n FROM removed GROUP BY playlist_id) d WHERE p.id = d.playlist_id;
      END IF;
      RETURN NULL;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER playlist_subscriptions_count_added AFTER INSERT ON playlist_subscriptions
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION playlist_subscriptions_changed()`.execute(
    db,
  );
  await sql`
    CREATE TRIGGER playlist_subscriptions_count_removed AFTER DELETE ON playlist_subscriptions
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION playlist_subscriptions_changed()`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error('migrations are append-only');
}
