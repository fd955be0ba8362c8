import { z } from 'zod';
import { artistRefSchema, artistSchema, trackSchema } from '../library/browse/browse.schema.ts';
import { playlistSchema } from '../playlists/playlist.schema.ts';
import { DAILY_SIZE } from './daily-mix.ts';
import { FM_MAX_COUNT } from './fm.service.ts';
import { FM_MODES } from './fm-ranking.ts';
import { isIsoDate, KEEP_DAYS } from './recommendation-day.ts';

export const MAX_SIMILAR = 50;
export const MAX_RECOMMENDED_PLAYLISTS = 30;
export const MAX_SEEDS = 20;

const fmMode = z.enum(FM_MODES);

export const reasonSchema = z
  .object({
    kind: z
      .enum([
        'looped',
        'liked',
        'similar_to',
        'popular_with_listeners_of',
        'new_from_artist',
        'popular_in_genre',
        'discovery',
      ])
      .describe('what brought the track up; the app words it (zh-CN, en) with the fields below'),
    track: z
      .object({ id: z.string(), title: z.string() })
      .optional()
      .describe('looped, liked, similar_to: the track of yours it is based on (or itself, for a favourite)'),
    artist: artistRefSchema
      .optional()
      .describe('popular_with_listeners_of, new_from_artist: the artist it is about'),
    genre: z.string().optional().describe('popular_in_genre: the genre (lower-cased)'),
  })
  .meta({ id: 'RecommendationReason' });

export const recommendedTrackSchema = z
  .object({ track: trackSchema, reason: reasonSchema })
  .meta({ id: 'RecommendedTrack' });

export const dailyQuerySchema = z.object({
  date: z
    .string()
    .refine(isIsoDate, 'must be a date, YYYY-MM-DD')
    .optional()
    .describe(`a past day's list (the last ${KEEP_DAYS} days); today's by default`),
});

export const dailyResponseSchema = z
  .object({
    data: z.object({
      date: z.string().describe('the recommendation day (it starts at 06:00 in your time zone)'),
      generatedAt: z.string(),
      coldStart: z.boolean().describe('made from your onboarding choices or popularity, not your history'),
      tracks: z.array(recommendedTrackSchema).describe(`up to ${DAILY_SIZE}, in order`),
    }),
  })
  .meta({ id: 'DailyRecommendations' });

export const trackIdParamsSchema = z.object({ trackId: z.string() });
export const idParamsSchema = z.object({ id: z.string() });
export const artistIdParamsSchema = z.object({ artistId: z.string() });

export const fmQuerySchema = z.object({
  count: z.coerce.number().int().min(1).max(FM_MAX_COUNT).default(3),
  mode: fmMode.optional().describe('default: the mode saved with PUT /me/taste'),
});

export const fmResponseSchema = z
  .object({ data: z.object({ mode: fmMode, tracks: z.array(recommendedTrackSchema) }) })
  .meta({ id: 'FmBatch' });

export const trashResponseSchema = z
  .object({ data: z.object({ trackId: z.string(), trashed: z.literal(true) }) })
  .meta({ id: 'FmTrash' });

export const similarQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_SIMILAR).default(20),
});

export const similarTracksResponseSchema = z
  .object({ data: z.array(trackSchema) })
  .meta({ id: 'SimilarTracks' });
export const similarArtistsResponseSchema = z
  .object({ data: z.array(artistSchema) })
  .meta({ id: 'SimilarArtists' });

export const recommendedPlaylistsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_RECOMMENDED_PLAYLISTS).default(10),
});

export const recommendedPlaylistsResponseSchema = z
  .object({ data: z.array(playlistSchema) })
  .meta({ id: 'RecommendedPlaylists' });

export const onboardingResponseSchema = z
  .object({
    data: z.object({
      genres: z.array(
        z.object({
          genre: z.string().describe('the value to send back in PUT /me/taste (lower-cased)'),
          label: z.string().describe('as most tracks spell it'),
          trackCount: z.number().int(),
        }),
      ),
      artists: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          coverUrl: z.string().nullable(),
          trackCount: z.number().int(),
        }),
      ),
    }),
  })
  .meta({ id: 'RecommendOnboarding' });

export const tasteBodySchema = z.object({
  genres: z
    .array(z.string().trim().min(1).max(100))
    .max(MAX_SEEDS)
    .optional()
    .describe('genres to start from (replacing earlier ones); absent: unchanged'),
  artistIds: z
    .array(z.string().max(64))
    .max(MAX_SEEDS)
    .optional()
    .describe('artists to start from (replacing earlier ones); absent: unchanged'),
  fmMode: fmMode.optional().describe("Private FM's mode when a request names none; absent: unchanged"),
});

export const tasteResponseSchema = z
  .object({
    data: z.object({
      genres: z.array(z.string()),
      artists: z.array(artistRefSchema),
      onboardedAt: z.string().nullable().describe('null: show onboarding'),
      resetAt: z.string().nullable().describe('feedback before this is ignored'),
      fmMode,
    }),
  })
  .meta({ id: 'Taste' });

export const whyResponseSchema = z
  .object({
    data: z.object({
      track: trackSchema,
      explanations: z.array(
        z.object({
          source: z.enum(['daily', 'fm']),
          day: z.string().optional(),
          servedAt: z.string().optional(),
          reason: reasonSchema,
        }),
      ),
    }),
  })
  .meta({ id: 'RecommendationWhy' });

export const blockedArtistsResponseSchema = z
  .object({ data: z.array(z.object({ id: z.string(), name: z.string(), blockedAt: z.string() })) })
  .meta({ id: 'BlockedArtists' });

export const blockStateSchema = z
  .object({ data: z.object({ artistId: z.string(), blocked: z.boolean() }) })
  .meta({ id: 'ArtistBlockState' });
