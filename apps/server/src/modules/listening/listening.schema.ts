import { z } from 'zod';
import { albumSchema, trackSchema } from '../library/browse/browse.schema.ts';
import { listeningEventSchema, MAX_BATCH } from './listening-event.ts';

/** Room for 200 events with every optional field at its longest. */
export const EVENT_BODY_LIMIT = 192 * 1024;

export const eventBatchBodySchema = z.object({
  events: z
    .array(
      // Typed as ListeningEvent in the OpenAPI document (and so the SDK), but anything passes
      // here: each event is checked on its own, so one bad event does not fail the batch.
      z.union([listeningEventSchema, z.unknown()]),
    )
    .min(1)
    .max(MAX_BATCH)
    .describe(`1 to ${MAX_BATCH} events, in any order; invalid ones are reported in \`rejected\``),
});

export const ingestResultSchema = z
  .object({
    accepted: z.number().int().describe('events stored now'),
    duplicates: z.number().int().describe('events already stored (sent before): ignored'),
    rejected: z.array(
      z.object({
        index: z.number().int().describe('position in `events`'),
        id: z.string().optional(),
        code: z.string(),
        message: z.string(),
      }),
    ),
  })
  .meta({ id: 'ListeningIngestResult' });

const cursor = z.string().min(1).max(4096).optional().describe('nextCursor of the previous page');
const playedAt = z.string().describe('when it was last played');

export const historyQuerySchema = z.object({
  kind: z.enum(['tracks', 'albums', 'playlists']).default('tracks'),
  cursor,
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const historyPlaylistSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    coverUrl: z.string().nullable(),
    trackCount: z.number().int(),
    owner: z.object({ id: z.string(), nickname: z.string() }),
  })
  .meta({ id: 'HistoryPlaylist' });

export const historyItemSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('track'), playedAt, track: trackSchema }),
    z.object({ kind: z.literal('album'), playedAt, album: albumSchema }),
    z.object({ kind: z.literal('playlist'), playedAt, playlist: historyPlaylistSchema }),
  ])
  .meta({ id: 'HistoryItem' });

export const historyPageSchema = z
  .object({
    data: z.array(historyItemSchema),
    nextCursor: z.string().nullable().describe('null on the last page; a page may be short'),
  })
  .meta({ id: 'HistoryPage' });

export const userParamsSchema = z.object({ id: z.string() });

export const rankingQuerySchema = z.object({
  period: z.enum(['week', 'all']).default('week').describe('week: the last 7 days'),
});

export const rankingSchema = z
  .object({
    userId: z.string(),
    period: z.enum(['week', 'all']),
    hidden: z.boolean().describe('hidden from others by its owner (only the owner sees it then)'),
    entries: z.array(
      z.object({
        rank: z.number().int(),
        playCount: z.number().int(),
        score: z.number().int().describe('the play bar, 0..100, relative to the first'),
        track: trackSchema,
      }),
    ),
  })
  .meta({ id: 'ListeningRanking' });

export const rankingResponseSchema = z.object({ data: rankingSchema });

export const listeningSettingsSchema = z
  .object({ rankingHidden: z.boolean().describe('hide my listening ranking from others') })
  .meta({ id: 'ListeningSettings' });

export const listeningSettingsResponseSchema = z.object({ data: listeningSettingsSchema });
