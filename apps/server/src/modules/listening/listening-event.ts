import { z } from 'zod';
import type { EndReason, ListeningEventType, SourceType } from '../../db/tables/listening.ts';
import { uuidPattern } from '../library/browse/cursor.ts';

/**
 * One event of the player's report, as the web player sends it (the contract of
 * POST /api/v1/listening/events). The route accepts a batch loosely and each event is checked
 * with this schema on its own, so one bad event never costs the others.
 */
export const MAX_BATCH = 200;
export const MAX_CLIENT_CHARS = 64;
export const MAX_SOURCE_ID_CHARS = 128;
/** the largest integer column value PostgreSQL takes (int4) */
const MAX_MS = 2_147_483_647;

export const eventTypes = ['start', 'progress', 'end'] as const satisfies readonly ListeningEventType[];
export const endReasons = ['finished', 'skipped', 'interrupted'] as const satisfies readonly EndReason[];
export const sourceTypes = [
  'album',
  'playlist',
  'artist',
  'search',
  'daily',
  'fm',
  'share',
  'likes',
  'history',
  'chart',
  'library',
  'other',
] as const satisfies readonly SourceType[];

/** Sources whose id names a row of ours; their id must be a UUID to be of any use. */
export const sourcesWithRowIds: ReadonlySet<SourceType> = new Set(['album', 'playlist', 'artist']);

const uuid = z.string().regex(uuidPattern, 'must be a UUID');
const milliseconds = z.number().int().min(0).max(MAX_MS);

export const listeningEventSchema = z
  .object({
    id: uuid.describe('made by the client; sending an event twice stores it once'),
    playbackId: uuid.describe('one playback: its start, progress and end events'),
    type: z.enum(eventTypes),
    trackId: uuid,
    at: z.iso.datetime({ offset: true }).describe("the client's clock when it happened"),
    positionMs: milliseconds.describe('where the playhead was'),
    playedMs: milliseconds.describe('audio heard in this playback so far, seeks excluded'),
    endReason: z.enum(endReasons).optional().describe('only on end, and required there'),
    repeat: z.boolean().describe('a single-track-loop replay'),
    source: z.object({
      type: z.enum(sourceTypes),
      id: z.string().min(1).max(MAX_SOURCE_ID_CHARS).optional(),
    }),
    client: z.string().max(MAX_CLIENT_CHARS).optional(),
  })
  .meta({ id: 'ListeningEvent' });

export type ListeningEventInput = z.infer<typeof listeningEventSchema>;

/** An event that passed every check, with its time read. */
export interface ListeningEvent {
  id: string;
  playbackId: string;
  type: ListeningEventType;
  trackId: string;
  at: Date;
  positionMs: number;
  playedMs: number;
  endReason: EndReason | null;
  repeat: boolean;
  sourceType: SourceType;
  sourceId: string | null;
  client: string | null;
}
