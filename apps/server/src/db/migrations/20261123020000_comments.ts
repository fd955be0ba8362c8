import { sql, type Kysely } from 'kysely';

/**
 * Comments on tracks, albums, playlists and single lyric lines, their likes, hugs and reports,
 * the moderation audit log, and notifications.
 *
 * - A comment targets (target_type, target_id); a lyric-line comment targets the track with
 *   target_type 'lyric' and keeps the quoted line, so editing the lyrics later does not change
 *   what was answered. Replies point at the top of their thread (parent_id) and optionally at
 *   the reply they quote (reply_to_id); targets are polymorphic, so they have no foreign key.
 * - Counters live on the row (like/reply/hug counts, hot_score) and per target
 *   (comment_totals), so a track with a million comments never counts them on a read.
 * - Timestamps that page a list are timestamptz(3): a JS Date holds milliseconds, so a
 *   (created_at, id) cursor round-trips exactly.
 * - The hot and new lists are each one index range: (target, hot_score DESC, id DESC) and
 *   (target, created_at DESC, id DESC), top-level comments only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE comments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      target_type text NOT NULL CHECK (target_type IN ('track', 'album', 'playlist', 'lyric')),
      target_id uuid NOT NULL,
      line_index integer CHECK (line_index >= 0),
      quoted_line text,
      author_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      parent_id uuid REFERENCES comments(id) ON DELETE CASCADE,
      reply_to_id uuid REFERENCES comments(id) ON DELETE SET NULL,
      body text NOT NULL,
      mentions uuid[] NOT NULL DEFAULT '{}',
      like_count integer NOT NULL DEFAULT 0 CHECK (like_count >= 0),
      reply_count integer NOT NULL DEFAULT 0 CHECK (reply_count >= 0),
      hug_count integer NOT NULL DEFAULT 0 CHECK (hug_count >= 0),
      hot_score double precision NOT NULL DEFAULT 0,
      status text NOT NULL DEFAULT 'visible' CHECK (status IN ('visible', 'deleted', 'removed')),
      idempotency_key text,
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      status_changed_at timestamptz(3),
      CHECK ((target_type = 'lyric') = (line_index IS NOT NULL))
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX comments_idempotency_key ON comments (author_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL`.execute(db);
  await sql`CREATE INDEX comments_new_idx ON comments (target_type, target_id, created_at DESC, id DESC)
    WHERE parent_id IS NULL`.execute(db);
  await sql`CREATE INDEX comments_hot_idx ON comments (target_type, target_id, hot_score DESC, id DESC)
    WHERE parent_id IS NULL`.execute(db);
  // The recommended sort's fresh voices: comments nobody has reacted to yet (they leave the
  // index with their first like or reply).
  await sql`CREATE INDEX comments_unnoticed_idx ON comments (target_type, target_id, created_at DESC, id DESC)
    WHERE parent_id IS NULL AND status = 'visible' AND like_count = 0 AND reply_count = 0`.execute(db);
  await sql`CREATE INDEX comments_thread_idx ON comments (parent_id, created_at, id)
    WHERE parent_id IS NOT NULL`.execute(db);
  // Lets a hard delete (a user's account going) clear the quotes of the replies to it.
  await sql`CREATE INDEX comments_reply_to_idx ON comments (reply_to_id) WHERE reply_to_id IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE INDEX comments_lyric_line_idx ON comments (target_id, line_index)
    WHERE target_type = 'lyric' AND status = 'visible'`.execute(db);
  // refreshHotScores() walks the comments young enough for their freshness to still decay.
  await sql`CREATE INDEX comments_fresh_idx ON comments (created_at, id)
    WHERE parent_id IS NULL AND status = 'visible'`.execute(db);
  await sql`CREATE INDEX comments_author_idx ON comments (author_id, created_at DESC)`.execute(db);

  // (comment_id, user_id) answers "did I like these?"; (user_id) lets a user deletion cascade.
  await sql`
    CREATE TABLE comment_likes (
      comment_id uuid NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      PRIMARY KEY (comment_id, user_id)
    )`.execute(db);
  await sql`CREATE INDEX comment_likes_user_idx ON comment_likes (user_id)`.execute(db);

  await sql`
    CREATE TABLE comment_hugs (
      comment_id uuid NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      PRIMARY KEY (comment_id, user_id)
    )`.execute(db);
  await sql`CREATE INDEX comment_hugs_user_idx ON comment_hugs (user_id)`.execute(db);

  // Visible top-level comments and replies per target: the `total` of every list.
  await sql`
    CREATE TABLE comment_totals (
      target_type text NOT NULL,
      target_id uuid NOT NULL,
      total integer NOT NULL DEFAULT 0 CHECK (total >= 0),
      PRIMARY KEY (target_type, target_id)
    )`.execute(db);

  await sql`
    CREATE TABLE comment_reports (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      comment_id uuid NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
      reporter_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      reason text NOT NULL CHECK (reason IN ('spam', 'abuse', 'harassment', 'self_harm', 'other')),
      detail text,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
      resolution text CHECK (resolution IN ('dismissed', 'removed')),
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      resolved_by uuid REFERENCES users(id) ON DELETE SET NULL,
      resolved_at timestamptz(3)
    )`.execute(db);
  // One open report per reporter and comment: reporting twice is a no-op.
  await sql`CREATE UNIQUE INDEX comment_reports_open_key ON comment_reports (comment_id, reporter_id)
    WHERE status = 'open'`.execute(db);
  await sql`CREATE INDEX comment_reports_queue_idx ON comment_reports (status, created_at DESC, id DESC)`.execute(
    db,
  );

  // The audit log outlives what it is about: no cascading deletes.
  await sql`
    CREATE TABLE moderation_audit (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
      action text NOT NULL CHECK (action IN ('remove_comment', 'dismiss_report')),
      comment_id uuid,
      report_id uuid,
      reason text NOT NULL,
      created_at timestamptz(3) NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX moderation_audit_recent_idx ON moderation_audit (created_at DESC, id DESC)`.execute(
    db,
  );

  await sql`
    CREATE TABLE notifications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('reply', 'mention', 'like', 'hug')),
      comment_id uuid NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
      target_type text NOT NULL,
      target_id uuid NOT NULL,
      actor_ids uuid[] NOT NULL,
      actor_count integer NOT NULL DEFAULT 1,
      group_key text,
      read_at timestamptz(3),
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      updated_at timestamptz(3) NOT NULL DEFAULT now()
    )`.execute(db);
  // While unread, a group (the likes of one comment) is one row that accumulates actors.
  await sql`CREATE UNIQUE INDEX notifications_open_group_key ON notifications (user_id, group_key)
    WHERE read_at IS NULL AND group_key IS NOT NULL`.execute(db);
  await sql`CREATE INDEX notifications_user_idx ON notifications (user_id, updated_at DESC, id DESC)`.execute(
    db,
  );
  await sql`CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL`.execute(
    db,
  );
  await sql`CREATE INDEX notifications_comment_idx ON notifications (comment_id)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are append-only');
}
