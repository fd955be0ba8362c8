import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { BatchFacts } from './event-validation.ts';
import type { ListeningEvent } from './listening-event.ts';
import type { AnnotationDelta, CountedPlay, DailyDelta, TrackCountDelta } from './play-aggregates.ts';
import type { PlaybackDelta } from './playback-merge.ts';

export interface MergedPlayback {
  playbackId: string;
  /** the playback was first seen by this statement */
  inserted: boolean;
}

/** PostgreSQL's codes for "run the transaction again": deadlock, serialization failure. */
const RETRYABLE = new Set(['40P01', '40001']);
const ATTEMPTS = 3;

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

/**
 * The writes of listening ingest. Every statement takes the whole batch as arrays
 * (`unnest`), so a batch costs the same few round trips whatever its size.
 */
export class IngestRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Durations of the named tracks that exist, and owners of the playbacks already recorded,
   * in one round trip.
   */
  async facts(trackIds: readonly string[], playbackIds: readonly string[]): Promise<BatchFacts> {
    const { rows } = await sql<{ tracks: [string, number][]; playbacks: [string, string, string][] }>`
      SELECT
        coalesce((SELECT json_agg(json_build_array(id, duration_ms)) FROM tracks
                  WHERE id = ANY(${trackIds}::uuid[])), '[]') AS tracks,
        coalesce((SELECT json_agg(json_build_array(playback_id, user_id, track_id)) FROM plays
                  WHERE playback_id = ANY(${playbackIds}::uuid[])), '[]') AS playbacks`.execute(this.db);
    const { tracks, playbacks } = rows[0]!;
    return {
      durations: new Map(tracks),
      playbacks: new Map(playbacks.map(([playbackId, userId, trackId]) => [playbackId, { userId, trackId }])),
    };
  }

  /**
   * Runs `work` in one transaction, again from the start when PostgreSQL aborted it for a
   * deadlock: every write here is derived from the batch, so a rerun is safe.
   */
  async transaction<T>(work: (tx: IngestRepository) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction().execute((tx) => work(new IngestRepository(tx)));
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        if (attempt >= ATTEMPTS || typeof code !== 'string' || !RETRYABLE.has(code)) throw error;
      }
    }
  }

  /** Appends the events to the raw log; returns the ids that were new (the rest were sent before). */
  async insertEvents(
    userId: string,
    events: readonly ListeningEvent[],
    receivedAt: Date,
  ): Promise<Set<string>> {
    const { rows } = await sql<{ id: string }>`
      INSERT INTO listening_events (id, user_id, playback_id, type, track_id, at, position_ms, played_ms,
        end_reason, repeat, source_type, source_id, client, received_at)
      SELECT e.id, ${userId}::uuid, e.playback_id, e.type, e.track_id, e.at, e.position_ms, e.played_ms,
        e.end_reason, e.repeat, e.source_type, e.source_id, e.client, ${receivedAt.toISOString()}::timestamptz
      FROM unnest(
        ${events.map((e) => e.id)}::uuid[], ${events.map((e) => e.playbackId)}::uuid[],
        ${events.map((e) => e.type)}::text[], ${events.map((e) => e.trackId)}::uuid[],
        ${events.map((e) => e.at.toISOString())}::timestamptz[], ${events.map((e) => e.positionMs)}::int[],
        ${events.map((e) => e.playedMs)}::int[], ${events.map((e) => e.endReason)}::text[],
        ${events.map((e) => e.repeat)}::boolean[], ${events.map((e) => e.sourceType)}::text[],
        ${events.map((e) => e.sourceId)}::text[], ${events.map((e) => e.client)}::text[]
      ) AS e(id, playback_id, type, track_id, at, position_ms, played_ms, end_reason, repeat,
             source_type, source_id, client)
      ON CONFLICT (id) DO NOTHING
      RETURNING id`.execute(this.db);
    return new Set(rows.map((row) => row.id));
  }

  /**
   * Merges each delta into its playback row: earliest start, most audio heard, first end.
   * A row of another user or track is left alone (validation already refused such events;
   * the WHERE closes the race with a concurrent batch).
   */
  async upsertPlays(userId: string, deltas: readonly PlaybackDelta[]): Promise<MergedPlayback[]> {
    const { rows } = await sql<MergedPlayback>`
      INSERT INTO plays (playback_id, user_id, track_id, started_at, last_event_at, played_ms, count_after_ms,
        end_reason, end_position_ms, ended_at, repeat, source_type, source_id, client)
      SELECT d.playback_id, ${userId}::uuid, d.track_id, d.started_at, d.last_event_at, d.played_ms,
        d.count_after_ms, d.end_reason, d.end_position_ms, d.ended_at, d.repeat, d.source_type, d.source_id,
        d.client
      FROM unnest(
        ${deltas.map((d) => d.playbackId)}::uuid[], ${deltas.map((d) => d.trackId)}::uuid[],
        ${deltas.map((d) => iso(d.startedAt))}::timestamptz[], ${deltas.map((d) => iso(d.lastEventAt))}::timestamptz[],
        ${deltas.map((d) => d.playedMs)}::int[], ${deltas.map((d) => d.countAfterMs)}::int[],
        ${deltas.map((d) => d.endReason)}::text[], ${deltas.map((d) => d.endPositionMs)}::int[],
        ${deltas.map((d) => iso(d.endedAt))}::timestamptz[], ${deltas.map((d) => d.repeat)}::boolean[],
        ${deltas.map((d) => d.sourceType)}::text[], ${deltas.map((d) => d.sourceId)}::text[],
        ${deltas.map((d) => d.client)}::text[]
      ) AS d(playback_id, track_id, started_at, last_event_at, played_ms, count_after_ms, end_reason,
             end_position_ms, ended_at, repeat, source_type, source_id, client)
      ORDER BY d.playback_id
      ON CONFLICT (playback_id) DO UPDATE SET
        started_at = least(plays.started_at, excluded.started_at),
        last_event_at = greatest(plays.last_event_at, excluded.last_event_at),
        played_ms = greatest(plays.played_ms, excluded.played_ms),
        end_reason = coalesce(plays.end_reason, excluded.end_reason),
        end_position_ms = CASE WHEN plays.end_reason IS NULL THEN excluded.end_position_ms
                               ELSE plays.end_position_ms END,
        ended_at = CASE WHEN plays.end_reason IS NULL THEN excluded.ended_at ELSE plays.ended_at END,
        repeat = plays.repeat OR excluded.repeat
      WHERE plays.user_id = excluded.user_id AND plays.track_id = excluded.track_id
      RETURNING playback_id, (xmax = 0) AS inserted`.execute(this.db);
    return rows;
  }

  /**
   * Flips `counted` on the playbacks that just passed their threshold. The row lock taken by
   * the upsert and `NOT counted` make the flip happen once, however many batches race.
   */
  async markCounted(playbackIds: readonly string[], at: Date): Promise<CountedPlay[]> {
    if (playbackIds.length === 0) return [];
    const { rows } = await sql<CountedPlay>`
      UPDATE plays SET counted = true, counted_at = ${at.toISOString()}::timestamptz
      WHERE playback_id = ANY(${playbackIds}::uuid[]) AND NOT counted AND played_ms > count_after_ms
      RETURNING playback_id, user_id, track_id, started_at, repeat, source_type, source_id`.execute(this.db);
    return rows;
  }

  /**
   * Adds a batch's increments to the per-user annotations (history, play counts), the
   * per-track totals and the per-day chart counts, in one statement.
   */
  async addToAggregates(
    annotations: readonly AnnotationDelta[],
    tracks: readonly TrackCountDelta[],
    days: readonly DailyDelta[],
  ): Promise<void> {
    if (annotations.length === 0 && tracks.length === 0 && days.length === 0) return;
    await sql`
      WITH annotated AS (
        INSERT INTO annotations (user_id, item_type, item_id, play_count, last_played_at)
        SELECT * FROM unnest(
          ${annotations.map((d) => d.userId)}::uuid[], ${annotations.map((d) => d.itemType)}::text[],
          ${annotations.map((d) => d.itemId)}::uuid[], ${annotations.map((d) => d.plays)}::int[],
          ${annotations.map((d) => iso(d.lastPlayedAt))}::timestamptz[])
        ON CONFLICT (user_id, item_type, item_id) DO UPDATE SET
          play_count = annotations.play_count + excluded.play_count,
          last_played_at = greatest(annotations.last_played_at, excluded.last_played_at)
        RETURNING 1
      ), totals AS (
        -- A track removed by a rescan since the batch was validated is skipped, not a failed batch.
        INSERT INTO track_play_counts (track_id, play_count, last_played_at)
        SELECT d.track_id, d.plays, d.last_played_at
        FROM unnest(${tracks.map((d) => d.trackId)}::uuid[], ${tracks.map((d) => d.plays)}::int[],
          ${tracks.map((d) => iso(d.lastPlayedAt))}::timestamptz[]) AS d(track_id, plays, last_played_at)
        WHERE EXISTS (SELECT 1 FROM tracks t WHERE t.id = d.track_id)
        ON CONFLICT (track_id) DO UPDATE SET
          play_count = track_play_counts.play_count + excluded.play_count,
          last_played_at = greatest(track_play_counts.last_played_at, excluded.last_played_at)
        RETURNING 1
      )
      INSERT INTO track_daily_plays (day, track_id, plays)
      SELECT * FROM unnest(${days.map((d) => d.day)}::date[], ${days.map((d) => d.trackId)}::uuid[],
        ${days.map((d) => d.plays)}::int[])
      ON CONFLICT (day, track_id) DO UPDATE SET plays = track_daily_plays.plays + excluded.plays`.execute(
      this.db,
    );
  }
}
