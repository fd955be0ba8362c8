import type { Clock } from '../../platform/clock.ts';
import type { Logger } from '../../platform/logger.ts';
import { validateBatch, type Rejection } from './event-validation.ts';
import type { IngestRepository } from './ingest.repository.ts';
import { annotationDeltas, dailyDeltas, trackCountDeltas, type CountedPlay } from './play-aggregates.ts';
import { mergePlaybacks } from './playback-merge.ts';

export interface IngestResult {
  /** events stored now */
  accepted: number;
  /** valid events stored before (or earlier in this batch): ignored */
  duplicates: number;
  rejected: Rejection[];
}

export interface PlaylistPlay {
  userId: string;
  trackId: string;
  playlistId: string;
  /** when the play began */
  at: Date;
}

/**
 * Told about plays that just became counted and were played from a playlist (the playlists
 * module keeps its play counter with it). Called after the batch is committed, once per play.
 */
export type OnPlaysCounted = (plays: PlaylistPlay[]) => Promise<void>;

/**
 * Takes the player's batches of listening events: validates each event, appends the new ones
 * to the raw log and, in the same transaction, folds them into their playbacks and the counts
 * derived from those. See README.md for the flow.
 */
export class IngestService {
  constructor(
    private readonly repository: IngestRepository,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly onPlaysCounted: OnPlaysCounted,
  ) {}

  async ingest(userId: string, events: readonly unknown[]): Promise<IngestResult> {
    const now = this.clock.now();
    const batch = await validateBatch(events, userId, now, (trackIds, playbackIds) =>
      this.repository.facts(trackIds, playbackIds),
    );
    if (batch.events.length === 0) {
      return { accepted: 0, duplicates: batch.duplicates, rejected: batch.rejected };
    }
    const outcome = await this.repository.transaction(async (tx) => {
      const stored = await tx.insertEvents(userId, batch.events, now);
      // Only events new to the log move the playbacks, so the derived rows stay a function
      // of the log even if a client reuses an event id for different content.
      const fresh = batch.events.filter((event) => stored.has(event.id));
      if (fresh.length === 0) return { stored: 0, counted: [] };
      const deltas = mergePlaybacks(fresh, batch.facts.durations);
      const merged = await tx.upsertPlays(userId, deltas);
      const inserted = new Set(merged.filter((m) => m.inserted).map((m) => m.playbackId));
      const counted = await tx.markCounted(
        merged.map((m) => m.playbackId),
        now,
      );
      const started = deltas.filter((d) => inserted.has(d.playbackId)).map((d) => ({ ...d, userId }));
      await tx.addToAggregates(
        annotationDeltas(started, counted),
        trackCountDeltas(counted),
        dailyDeltas(counted),
      );
      return { stored: stored.size, counted };
    });
    await this.announce(outcome.counted);
    return {
      accepted: outcome.stored,
      duplicates: batch.duplicates + (batch.events.length - outcome.stored),
      rejected: batch.rejected,
    };
  }

  /** The playlist play counter is derived data: its failure is logged, never the batch's. */
  private async announce(counted: readonly CountedPlay[]): Promise<void> {
    const fromPlaylists = counted
      .filter((play) => play.sourceType === 'playlist' && play.sourceId !== null)
      .map((play) => ({
        userId: play.userId,
        trackId: play.trackId,
        playlistId: play.sourceId!,
        at: play.startedAt,
      }));
    if (fromPlaylists.length === 0) return;
    try {
      await this.onPlaysCounted(fromPlaylists);
    } catch (error) {
      this.logger.warn({ err: error, plays: fromPlaylists.length }, 'onPlaysCounted failed');
    }
  }
}
