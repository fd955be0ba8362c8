import { sql, type Kysely } from 'kysely';

/**
 * The ground floor: accounts and sessions, the music library (folders, artists, albums,
 * tracks, lyrics, covers), scan runs and settings. Ids are UUIDs so nothing private can be
 * found by counting.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);

  await sql`
    CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      username text NOT NULL,
      password_hash text NOT NULL,
      nickname text NOT NULL,
      role text NOT NULL DEFAULT 'listener' CHECK (role IN ('listener', 'musician', 'moderator', 'admin')),
      bio text NOT NULL DEFAULT '',
      locale text NOT NULL DEFAULT 'zh-CN' CHECK (locale IN ('zh-CN', 'en')),
      time_zone text NOT NULL DEFAULT 'Asia/Shanghai',
      avatar_id text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX users_username_key ON users (lower(username))`.execute(db);

  await sql`
    CREATE TABLE sessions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      token_hash bytea NOT NULL UNIQUE,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      csrf_token text NOT NULL,
      user_agent text,
      ip text,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX sessions_user_id_idx ON sessions (user_id)`.execute(db);

  await sql`
    CREATE TABLE library_folders (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      path text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`
    CREATE TABLE covers (
      id text PRIMARY KEY,
      mime text NOT NULL,
      width integer NOT NULL,
      height integer NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`
    CREATE TABLE artists (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      name_key text NOT NULL UNIQUE,
      sort_name text NOT NULL,
      cover_id text REFERENCES covers(id),
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX artists_sort_idx ON artists (sort_name, id)`.execute(db);
  await sql`CREATE INDEX artists_created_idx ON artists (created_at, id)`.execute(db);

  await sql`
    CREATE TABLE albums (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      title text NOT NULL,
      title_key text NOT NULL,
      album_artist_id uuid NOT NULL REFERENCES artists(id),
      year integer,
      genre text,
      cover_id text REFERENCES covers(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (album_artist_id, title_key)
    )`.execute(db);
  await sql`CREATE INDEX albums_title_idx ON albums (title_key, id)`.execute(db);
  await sql`CREATE INDEX albums_created_idx ON albums (created_at, id)`.execute(db);
  await sql`CREATE INDEX albums_year_idx ON albums (year, id)`.execute(db);

  await sql`
    CREATE TABLE tracks (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      folder_id uuid NOT NULL REFERENCES library_folders(id) ON DELETE CASCADE,
      path text NOT NULL UNIQUE,
      size bigint NOT NULL,
      mtime_ms double precision NOT NULL,
      format text NOT NULL,
      mime text NOT NULL,
      title text NOT NULL,
      title_key text NOT NULL,
      album_id uuid REFERENCES albums(id),
      track_no integer,
      track_total integer,
      disc_no integer,
      year integer,
      genre text,
      duration_ms integer NOT NULL,
      bitrate integer,
      sample_rate integer,
      channels integer,
      codec text,
      replaygain_track_gain real,
      replaygain_track_peak real,
      replaygain_album_gain real,
      replaygain_album_peak real,
      cover_id text REFERENCES covers(id),
      has_lyrics boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX tracks_album_idx ON tracks (album_id, disc_no, track_no)`.execute(db);
  await sql`CREATE INDEX tracks_title_idx ON tracks (title_key, id)`.execute(db);
  await sql`CREATE INDEX tracks_created_idx ON tracks (created_at, id)`.execute(db);
  await sql`CREATE INDEX tracks_folder_idx ON tracks (folder_id)`.execute(db);

  await sql`
    CREATE TABLE track_artists (
      track_id uuid NOT NULL REFERENCES tracks(id) ON DELETE CASCADE,
      artist_id uuid NOT NULL REFERENCES artists(id),
      position integer NOT NULL,
      PRIMARY KEY (track_id, artist_id)
    )`.execute(db);
  await sql`CREATE INDEX track_artists_artist_idx ON track_artists (artist_id)`.execute(db);

  await sql`
    CREATE TABLE lyrics (
      track_id uuid NOT NULL REFERENCES tracks(id) ON DELETE CASCADE,
      lang text NOT NULL DEFAULT '',
      is_translation boolean NOT NULL DEFAULT false,
      source text NOT NULL CHECK (source IN ('sidecar', 'embedded')),
      synced boolean NOT NULL,
      lines jsonb NOT NULL,
      PRIMARY KEY (track_id, lang)
    )`.execute(db);

  await sql`
    CREATE TABLE scan_runs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      status text NOT NULL CHECK (status IN ('running', 'completed', 'failed')),
      trigger text NOT NULL,
      started_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz,
      total integer NOT NULL DEFAULT 0,
      processed integer NOT NULL DEFAULT 0,
      added integer NOT NULL DEFAULT 0,
      updated integer NOT NULL DEFAULT 0,
      removed integer NOT NULL DEFAULT 0,
      unchanged integer NOT NULL DEFAULT 0,
      failed integer NOT NULL DEFAULT 0,
      errors jsonb NOT NULL DEFAULT '[]'
    )`.execute(db);
  await sql`CREATE INDEX scan_runs_started_idx ON scan_runs (started_at DESC)`.execute(db);

  await sql`
    CREATE TABLE settings (
      key text PRIMARY KEY,
      value jsonb NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are append-only');
}
