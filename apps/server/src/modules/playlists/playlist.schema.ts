import { z } from 'zod';
import { uuidPattern } from '../library/browse/cursor.ts';
import { trackSchema } from '../library/browse/browse.schema.ts';
import { TAG_CATEGORIES } from './playlist-tags.ts';
import { MAX_TRACK_IDS, MAX_PLAYLIST_TRACKS } from './playlist-track.service.ts';

// Control characters have no place in text people read; a description may keep its line breaks.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const controlChars = /[\u0000-\u0008\u000b-\u001f\u007f]/;

export const MAX_NAME_CHARS = 100;
export const MAX_DESCRIPTION_CHARS = 1000;

const name = z
  .string()
  .trim()
  .min(1, 'empty_name: a playlist needs a name')
  .max(MAX_NAME_CHARS)
  .refine((s) => !controlChars.test(s) && !s.includes('\n'), 'no control characters');
const description = z
  .string()
  .trim()
  .max(MAX_DESCRIPTION_CHARS)
  .refine((s) => !controlChars.test(s), 'no control characters');
const visibility = z.enum(['public', 'private']).describe('private: only the owner sees it, anywhere');
const tags = z
  .array(z.string().max(40))
  .max(10)
  .describe('tag ids from GET /api/v1/playlists/tags, at most 3 (unknown or more: 400)');
const trackId = z.string().regex(uuidPattern, 'must be a UUID');
const cursor = z.string().min(1).max(500).optional().describe('nextCursor of the previous page');
const limit = (max: number, fallback: number) => z.coerce.number().int().min(1).max(max).default(fallback);

export const playlistParamsSchema = z.object({ id: z.string().max(64) });
export const userParamsSchema = z.object({ id: z.string().max(64) });

export const createPlaylistBodySchema = z
  .object({
    name,
    description: description.optional(),
    visibility: visibility.optional(),
    tags: tags.optional(),
  })
  .strict();

export const updatePlaylistBodySchema = z
  .object({
    name: name.optional(),
    description: description.optional(),
    visibility: visibility.optional(),
    tags: tags.optional(),
  })
  .strict();

export const playlistDetailQuerySchema = z.object({ limit: limit(200, 50), cursor });

export const squareQuerySchema = z.object({
  tag: z.string().max(40).optional().describe('a tag id; unknown: 400'),
  sort: z
    .enum(['hot', 'new', 'quality'])
    .default('hot')
    .describe('hot: recent plays and subscriptions; new: newest first; quality: subscribers per day of age'),
  limit: limit(100, 20),
  cursor,
});

export const userPlaylistsQuerySchema = z.object({
  kind: z.enum(['created', 'subscribed']).default('created'),
  limit: limit(100, 20),
  cursor,
});

export const subscribersQuerySchema = z.object({ limit: limit(100, 20), cursor });

export const addTracksBodySchema = z
  .object({
    trackIds: z.array(trackId).min(1).max(MAX_TRACK_IDS),
    position: z
      .number()
      .int()
      .min(0)
      .max(MAX_PLAYLIST_TRACKS)
      .optional()
      .describe('0-based index to insert before; default (or past the end): append'),
  })
  .strict();

export const removeTracksBodySchema = z
  .object({ trackIds: z.array(trackId).min(1).max(MAX_TRACK_IDS) })
  .strict();

export const moveTrackBodySchema = z
  .object({
    trackId,
    afterTrackId: trackId.nullable().describe('the track it now follows; null: the top'),
  })
  .strict();

export const playlistOwnerSchema = z
  .object({ id: z.string(), username: z.string(), nickname: z.string(), avatarUrl: z.string().nullable() })
  .meta({ id: 'PlaylistOwner' });

export const playlistSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    visibility,
    tags: z.array(z.string()).describe('tag ids'),
    owner: playlistOwnerSchema,
    coverUrl: z.string().nullable(),
    /** true: the owner uploaded it; false: made from the first tracks' covers */
    coverUploaded: z.boolean(),
    trackCount: z.number().int(),
    durationMs: z.number().int(),
    playCount: z.number().int(),
    subscriberCount: z.number().int(),
    /** whether the viewer subscribed to it */
    subscribed: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    abilities: z.object({ update: z.boolean(), delete: z.boolean(), subscribe: z.boolean() }),
  })
  .meta({ id: 'Playlist' });

export const playlistDetailSchema = playlistSchema
  .extend({ tracks: z.array(trackSchema).describe('one page, in playlist order') })
  .meta({ id: 'PlaylistDetail' });

export const playlistResponseSchema = z.object({ data: playlistSchema });
export const playlistDetailResponseSchema = z.object({
  data: playlistDetailSchema,
  nextCursor: z.string().nullable().describe('the next page of tracks; null on the last'),
});

export const playlistPageSchema = z
  .object({ data: z.array(playlistSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'PlaylistPage' });

export const userPlaylistPageSchema = z
  .object({
    data: z.array(playlistSchema),
    nextCursor: z.string().nullable(),
    total: z.number().int().describe('of this kind, as the viewer may see them'),
  })
  .meta({ id: 'UserPlaylistPage' });

export const myPlaylistsResponseSchema = z.object({
  data: z.object({ created: z.array(playlistSchema), subscribed: z.array(playlistSchema) }),
});

export const playlistTagCategorySchema = z
  .object({
    id: z.enum(TAG_CATEGORIES),
    tags: z.array(z.object({ id: z.string(), label: z.object({ 'zh-CN': z.string(), en: z.string() }) })),
  })
  .meta({ id: 'PlaylistTagCategory' });

export const tagsResponseSchema = z.object({
  data: z.object({ categories: z.array(playlistTagCategorySchema), maxPerPlaylist: z.number().int() }),
});

export const subscriptionResponseSchema = z.object({
  data: z.object({ subscribed: z.boolean(), subscriberCount: z.number().int() }),
});

export const subscriberPageSchema = z
  .object({
    data: z.array(playlistOwnerSchema.extend({ subscribedAt: z.string() })),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'PlaylistSubscriberPage' });

const counts = { trackCount: z.number().int(), durationMs: z.number().int() };

export const addTracksResponseSchema = z.object({
  data: z.object({
    added: z.array(z.string()).describe('in the order they now appear'),
    skipped: z.array(z.string()).describe('already in the playlist'),
    ...counts,
  }),
});

export const removeTracksResponseSchema = z.object({
  data: z.object({ removed: z.array(z.string()), ...counts }),
});

export const countsResponseSchema = z.object({ data: z.object(counts) });

export const okResponseSchema = z.object({ ok: z.literal(true) });
