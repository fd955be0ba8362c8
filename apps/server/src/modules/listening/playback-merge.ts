import type { EndReason, SourceType } from '../../db/tables/listening.ts';
import { countAfterMs } from './counting-rule.ts';
import type { ListeningEvent } from './listening-event.ts';

/**
 * What a batch's events say about each playback, ready to merge into its `plays` row. The
 * merge in the database is monotonic, so events may arrive in any order and any number of
 * batches: the earliest start, the most audio heard and the first end win.
 */
export interface PlaybackDelta {
  playbackId: string;
  trackId: string;
  /**
   * When the playback began: a start event's time, else the earliest `at - playedMs` (never
   * before the real start, since pauses only make the wall clock run ahead of playedMs).
   */
  startedAt: Date;
  lastEventAt: Date;
  playedMs: number;
  countAfterMs: number;
  endReason: EndReason | null;
  endPositionMs: number | null;
  endedAt: Date | null;
  repeat: boolean;
  /** the source and client of the playback's earliest event */
  sourceType: SourceType;
  sourceId: string | null;
  client: string | null;
}

function startEstimate(event: ListeningEvent): number {
  return event.type === 'start' ? event.at.getTime() : event.at.getTime() - event.playedMs;
}

/** One delta per playback, ordered by playback id (the order rows are locked in). */
export function mergePlaybacks(
  events: readonly ListeningEvent[],
  durations: ReadonlyMap<string, number>,
): PlaybackDelta[] {
  const byPlayback = new Map<string, ListeningEvent[]>();
  for (const event of events) {
    const list = byPlayback.get(event.playbackId);
    if (list) list.push(event);
    else byPlayback.set(event.playbackId, [event]);
  }
  const deltas: PlaybackDelta[] = [];
  for (const [playbackId, list] of byPlayback) {
    const ordered = [...list].sort((a, b) => a.at.getTime() - b.at.getTime());
    const first = ordered[0]!;
    const end = ordered.find((e) => e.type === 'end');
    deltas.push({
      playbackId,
      trackId: first.trackId,
      startedAt: new Date(Math.min(...ordered.map(startEstimate))),
      lastEventAt: ordered[ordered.length - 1]!.at,
      playedMs: Math.max(...ordered.map((e) => e.playedMs)),
      countAfterMs: countAfterMs(durations.get(first.trackId) ?? 0),
      endReason: end?.endReason ?? null,
      endPositionMs: end?.positionMs ?? null,
      endedAt: end?.at ?? null,
      repeat: ordered.some((e) => e.repeat),
      sourceType: first.sourceType,
      sourceId: first.sourceId,
      client: first.client,
    });
  }
  return deltas.sort((a, b) => compare(a.playbackId, b.playbackId));
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
