import { listeningEventSchema, sourcesWithRowIds, type ListeningEvent } from './listening-event.ts';

/**
 * Checks each event of a batch on its own: a bad event is rejected with its index and the
 * rest are kept. What "impossible" means:
 *
 *   - not the event shape (missing or mistyped field, negative milliseconds, not a UUID);
 *   - `endReason` on a start or progress event, or an end event without one;
 *   - `at` more than 5 minutes ahead of the server's clock (clocks drift, not by that much) or
 *     more than 30 days behind it (an offline client flushing a month-old backlog is not
 *     listening history any more);
 *   - a track we do not have;
 *   - `positionMs` or `playedMs` beyond the track's end plus a slack of 10% of its length,
 *     at least 30 s: tag durations of VBR files are estimates, and a player may report a
 *     little past the end;
 *   - a playback id already used by another user or for another track.
 *
 * Events repeating an id already seen in the batch are duplicates, not errors.
 */
export const FUTURE_SLACK_MS = 5 * 60 * 1000;
export const MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;
export const MIN_END_SLACK_MS = 30_000;
export const END_SLACK_SHARE = 0.1;

export type RejectionCode =
  | 'invalid_event'
  | 'end_reason_not_allowed'
  | 'end_reason_required'
  | 'at_in_future'
  | 'at_too_old'
  | 'invalid_source'
  | 'unknown_track'
  | 'beyond_track_end'
  | 'playback_mismatch';

export interface Rejection {
  index: number;
  id?: string;
  code: RejectionCode;
  message: string;
}

/** What the database knows about the tracks and playbacks a batch names. */
export interface BatchFacts {
  /** duration in ms of each known track */
  durations: ReadonlyMap<string, number>;
  /** owner and track of each playback already recorded */
  playbacks: ReadonlyMap<string, { userId: string; trackId: string }>;
}

export interface ValidatedBatch {
  /** valid events, each id once, in batch order */
  events: ListeningEvent[];
  /** valid events whose id came earlier in the same batch */
  duplicates: number;
  rejected: Rejection[];
  /** what the database said about the batch's tracks and playbacks */
  facts: BatchFacts;
}

/** The furthest past the end of a track a position may be. */
export function endSlackMs(durationMs: number): number {
  return Math.max(MIN_END_SLACK_MS, Math.round(durationMs * END_SLACK_SHARE));
}

type Checked = { ok: true; event: ListeningEvent } | { ok: false; code: RejectionCode; message: string };

function rejectedAs(code: RejectionCode, message: string): Checked {
  return { ok: false, code, message };
}

/** The checks that need nothing but the event and the time. */
export function parseEvent(raw: unknown, now: Date): Checked {
  const parsed = listeningEventSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.join('.') || 'event';
    return rejectedAs('invalid_event', `${path}: ${issue?.message ?? 'invalid'}`);
  }
  const input = parsed.data;
  if (input.type !== 'end' && input.endReason !== undefined) {
    return rejectedAs('end_reason_not_allowed', 'endReason belongs on end events only');
  }
  if (input.type === 'end' && input.endReason === undefined) {
    return rejectedAs('end_reason_required', 'An end event says how the playback ended');
  }
  const at = new Date(input.at);
  if (at.getTime() > now.getTime() + FUTURE_SLACK_MS) {
    return rejectedAs('at_in_future', 'at is more than 5 minutes in the future');
  }
  if (at.getTime() < now.getTime() - MAX_AGE_MS) {
    return rejectedAs('at_too_old', 'at is more than 30 days ago');
  }
  const sourceId = input.source.id ?? null;
  if (sourceId !== null && sourcesWithRowIds.has(input.source.type) && !isUuidText(sourceId)) {
    return rejectedAs('invalid_source', `source.id of a ${input.source.type} must be a UUID`);
  }
  return {
    ok: true,
    event: {
      // PostgreSQL hands UUIDs back in lower case; compare them that way from the start.
      id: input.id.toLowerCase(),
      playbackId: input.playbackId.toLowerCase(),
      type: input.type,
      trackId: input.trackId.toLowerCase(),
      at,
      positionMs: input.positionMs,
      playedMs: input.playedMs,
      endReason: input.endReason ?? null,
      repeat: input.repeat,
      sourceType: input.source.type,
      sourceId:
        sourceId !== null && sourcesWithRowIds.has(input.source.type) ? sourceId.toLowerCase() : sourceId,
      client: input.client ?? null,
    },
  };
}

function isUuidText(value: string): boolean {
  return listeningEventSchema.shape.id.safeParse(value).success;
}

/** The checks against the catalogue and the playbacks already recorded. */
export function checkEvent(
  event: ListeningEvent,
  userId: string,
  facts: BatchFacts,
  playbackTracks: Map<string, string>,
): Checked {
  const duration = facts.durations.get(event.trackId);
  if (duration === undefined) return rejectedAs('unknown_track', 'No such track');
  const limit = duration + endSlackMs(duration);
  if (event.positionMs > limit || event.playedMs > limit) {
    return rejectedAs(
      'beyond_track_end',
      `positionMs and playedMs cannot pass the track's end (${duration} ms)`,
    );
  }
  const known = facts.playbacks.get(event.playbackId);
  const trackOfPlayback = known ? known.trackId : playbackTracks.get(event.playbackId);
  if (
    (known && known.userId !== userId) ||
    (trackOfPlayback !== undefined && trackOfPlayback !== event.trackId)
  ) {
    return rejectedAs('playback_mismatch', 'This playbackId belongs to another playback');
  }
  playbackTracks.set(event.playbackId, event.trackId);
  return { ok: true, event };
}

/**
 * Validates a batch. `lookup` reads the facts of the tracks and playbacks named by the events
 * that passed the first checks (one round trip for the whole batch).
 */
export async function validateBatch(
  raw: readonly unknown[],
  userId: string,
  now: Date,
  lookup: (trackIds: string[], playbackIds: string[]) => Promise<BatchFacts>,
): Promise<ValidatedBatch> {
  const rejected: Rejection[] = [];
  const reject = (index: number, id: string | undefined, code: RejectionCode, message: string) =>
    rejected.push(id === undefined ? { index, code, message } : { index, id, code, message });

  const parsed: { index: number; event: ListeningEvent }[] = [];
  raw.forEach((item, index) => {
    const result = parseEvent(item, now);
    if (result.ok) parsed.push({ index, event: result.event });
    else reject(index, idOf(item), result.code, result.message);
  });

  const facts: BatchFacts =
    parsed.length === 0
      ? { durations: new Map(), playbacks: new Map() }
      : await lookup(
          [...new Set(parsed.map((p) => p.event.trackId))],
          [...new Set(parsed.map((p) => p.event.playbackId))],
        );

  const events: ListeningEvent[] = [];
  const seen = new Set<string>();
  const playbackTracks = new Map<string, string>();
  let duplicates = 0;
  for (const { index, event } of parsed) {
    const result = checkEvent(event, userId, facts, playbackTracks);
    if (!result.ok) reject(index, event.id, result.code, result.message);
    else if (seen.has(event.id)) duplicates++;
    else {
      seen.add(event.id);
      events.push(event);
    }
  }
  rejected.sort((a, b) => a.index - b.index);
  return { events, duplicates, rejected, facts };
}

/** The event's id for the rejection, when it has a readable one. */
function idOf(item: unknown): string | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const id = (item as { id?: unknown }).id;
  return typeof id === 'string' && id.length <= 64 ? id : undefined;
}
