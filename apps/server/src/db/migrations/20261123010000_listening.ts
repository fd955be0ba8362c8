import { sql, type Kysely } from 'kysely';

/**
 * Likes, the listening log and what is derived from it, and chart snapshots.
 *
 * Source of truth:
 *   listening_events  the raw log as the player reported it: one row per event (start,
 *                     progress, end), keyed by the client's event id so a re-sent batch is
 *                     ignored (ON CONFLICT DO NOTHING). Append-only; no index beyond the key
 *                     so ingest stays cheap. No foreign key to tracks: the log outlives
 *                     catalogue changes, and every reader joins tracks.
 *   annotations       one row per (user, item): the "annotation" of ARCHITECTURE §5 (navidrome
 *                     model/annotation.go). liked_at is the red heart (tracks now; albums and
 *                     artists later); play_count and last_played_at are kept by the listening
 *                     module (tracks: counted plays; albums and playlists: last played from).
 *                     item_id has no foreign key because it points at several tables.
 *   feedback_events   like/unlike transitions, append-only, for the recommender.
 *   listening_settings per-user listening preferences (hide the listening ranking).
 *
 * Derived (rebuildable from listening_events; kept current at ingest):
 *   plays             one row per playback (playback_id): the merge of its events; `counted`
 *                     flips once, when played_ms passes count_after_ms (see
 *                     modules/listening/counting-rule.ts: more than half the track or 4 min).
 *   track_play_counts counted plays of each track, all users.
 *   track_daily_plays counted plays per track per UTC day of listening, without single-track
 *                     loop replays: the compact input of the charts (a refresh reads at most
 *                     30 days of it instead of the raw log).
 *
 * Charts:
 *   chart_snapshots   one row per (chart, refresh): when, and whether the chart exists yet.
 *   chart_entries     the ranked tracks of a snapshot with the rank they had in the snapshot
 *                     before (null: new entry). Snapshots older than a day are pruned.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE listening_events (
      id uuid PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      playback_id uuid NOT NULL,
      type text NOT NULL CHECK (type IN ('start', 'progress', 'end')),
      track_id uuid NOT NULL,
      at timestamptz NOT NULL,
      position_ms integer NOT NULL CHECK (position_ms >= 0),
      played_ms integer NOT NULL CHECK (played_ms >= 0),
      end_reason text CHECK (end_reason IN ('finished', 'skipped', 'interrupted')),
      repeat boolean NOT NULL,
      source_type text NOT NULL,
      source_id text,
      client text,
      received_at timestamptz NOT NULL
    )`.execute(db);

  await sql`
    CREATE TABLE plays (
      playback_id uuid PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      track_id uuid NOT NULL,
      started_at timestamptz NOT NULL,
      last_event_at timestamptz NOT NULL,
      played_ms integer NOT NULL,
      count_after_ms integer NOT NULL,
      end_reason text CHECK (end_reason IN ('finished', 'skipped', 'interrupted')),
      end_position_ms integer,
      ended_at timestamptz,
      repeat boolean NOT NULL,
      source_type text NOT NULL,
      source_id text,
      client text,
      counted boolean NOT NULL DEFAULT false,
      counted_at timestamptz
    )`.execute(db);
  // The week's ranking and the recommender read one user's recent plays.
  await sql`CREATE INDEX plays_user_started_idx ON plays (user_id, started_at DESC)`.execute(db);

  await sql`
    CREATE TABLE annotations (
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      item_type text NOT NULL CHECK (item_type IN ('track', 'album', 'artist', 'playlist')),
      item_id uuid NOT NULL,
      liked_at timestamptz,
      play_count integer NOT NULL DEFAULT 0,
      last_played_at timestamptz,
      PRIMARY KEY (user_id, item_type, item_id)
    )`.execute(db);
  await sql`
    CREATE INDEX annotations_liked_idx ON annotations (user_id, item_type, liked_at DESC, item_id DESC)
    WHERE liked_at IS NOT NULL`.execute(db);
  await sql`
    CREATE INDEX annotations_played_idx ON annotations (user_id, item_type, last_played_at DESC, item_id DESC)
    WHERE last_played_at IS NOT NULL`.execute(db);
  await sql`
    CREATE INDEX annotations_play_count_idx ON annotations (user_id, item_type, play_count DESC)
    WHERE play_count > 0`.execute(db);

  await sql`
    CREATE TABLE feedback_events (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      track_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('like', 'unlike')),
      at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX feedback_events_user_idx ON feedback_events (user_id, at)`.execute(db);

  await sql`
    CREATE TABLE listening_settings (
      user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
      ranking_hidden boolean NOT NULL DEFAULT false,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`
    CREATE TABLE track_play_counts (
      track_id uuid PRIMARY KEY REFERENCES tracks(id) ON DELETE CASCADE,
      play_count bigint NOT NULL,
      last_played_at timestamptz NOT NULL
    )`.execute(db);

  // Keyed by day first: a chart refresh reads a range of days.
  await sql`
    CREATE TABLE track_daily_plays (
      day date NOT NULL,
      track_id uuid NOT NULL,
      plays integer NOT NULL,
      PRIMARY KEY (day, track_id)
    )`.execute(db);

  await sql`
    CREATE TABLE chart_snapshots (
      chart text NOT NULL CHECK (chart IN ('hot', 'new', 'rising', 'original')),
      refreshed_at timestamptz NOT NULL,
      available boolean NOT NULL,
      PRIMARY KEY (chart, refreshed_at)
    )`.execute(db);
  await sql`
    CREATE TABLE chart_entries (
      chart text NOT NULL,
      refreshed_at timestamptz NOT NULL,
      rank integer NOT NULL,
      track_id uuid NOT NULL,
      score double precision NOT NULL,
      previous_rank integer,
      PRIMARY KEY (chart, refreshed_at, rank),
      FOREIGN KEY (chart, refreshed_at) REFERENCES chart_snapshots (chart, refreshed_at) ON DELETE CASCADE
    )`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are append-only');
}
