import { z } from 'zod';
import { seedPattern, uuidPattern } from './cursor.ts';

/*
 * Ids: a path id that is not a UUID names nothing, so it is a 404 like an unknown id (the
 * service checks the shape before it reaches SQL). An id used as a list filter is input, so a
 * malformed one is a 400 validation_failed.
 */
const filterId = z.string().regex(uuidPattern, 'must be a UUID');

export const MAX_LIMIT = 200;
export const DEFAULT_LIMIT = 50;

const limit = z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT);
const cursor = z.string().min(1).max(4096).optional().describe('nextCursor of the previous page');
/** Each sort has a natural default: names A→Z, newest first, shortest first, latest year first. */
const order = z.enum(['asc', 'desc']).optional().describe('default: desc for newest and year, asc otherwise');

export const trackSorts = ['title', 'newest', 'duration'] as const;
export const albumSorts = ['title', 'newest', 'year', 'random'] as const;
export const artistSorts = ['name', 'newest'] as const;

export const trackListQuerySchema = z.object({
  limit,
  cursor,
  sort: z.enum(trackSorts).default('title'),
  order,
  albumId: filterId.optional(),
  artistId: filterId.optional().describe('tracks on which this artist is credited'),
});

export const albumListQuerySchema = z.object({
  limit,
  cursor,
  sort: z.enum(albumSorts).default('title'),
  order,
  /** random is a stable shuffle per seed: pages of one seed never repeat an album */
  seed: z
    .string()
    .regex(seedPattern)
    .optional()
    .describe('sort=random only; omitted: a fresh shuffle, carried on by the cursor'),
  artistId: filterId.optional().describe('albums whose album artist this is'),
});

export const artistListQuerySchema = z.object({
  limit,
  cursor,
  sort: z.enum(artistSorts).default('name'),
  order,
});

export const idParamsSchema = z.object({ id: z.string() });

export const lyricsQuerySchema = z.object({
  translation: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,35}$/, 'a language tag such as en or zh-CN')
    .optional()
    .describe('the translation to include; default: the first available by language tag'),
});

export const artistRefSchema = z.object({ id: z.string(), name: z.string() }).meta({ id: 'ArtistRef' });
export const albumRefSchema = z.object({ id: z.string(), title: z.string() }).meta({ id: 'AlbumRef' });

export const replayGainSchema = z
  .object({
    trackGain: z.number().nullable(),
    trackPeak: z.number().nullable(),
    albumGain: z.number().nullable(),
    albumPeak: z.number().nullable(),
  })
  .meta({ id: 'ReplayGain' });

export const trackSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    /** credited artists in credit order */
    artists: z.array(artistRefSchema),
    album: albumRefSchema.nullable(),
    albumArtist: artistRefSchema.nullable(),
    trackNo: z.number().int().nullable(),
    discNo: z.number().int().nullable(),
    year: z.number().int().nullable(),
    genre: z.string().nullable(),
    durationMs: z.number().int(),
    format: z.string(),
    bitrate: z.number().int().nullable(),
    sampleRate: z.number().int().nullable(),
    channels: z.number().int().nullable(),
    replayGain: replayGainSchema,
    coverUrl: z.string().nullable(),
    streamUrl: z.string(),
    hasLyrics: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'Track' });

export const albumSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    artist: artistRefSchema,
    year: z.number().int().nullable(),
    genre: z.string().nullable(),
    coverUrl: z.string().nullable(),
    trackCount: z.number().int(),
    durationMs: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'Album' });

export const albumDetailSchema = albumSchema
  .extend({ tracks: z.array(trackSchema).describe('by disc, track number, title') })
  .meta({ id: 'AlbumDetail' });

export const artistSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    /** albums whose album artist this is */
    albumCount: z.number().int(),
    /** tracks on which this artist is credited */
    trackCount: z.number().int(),
    /** the artist's own image, else the cover of their newest album */
    coverUrl: z.string().nullable(),
  })
  .meta({ id: 'Artist' });

export const artistDetailSchema = artistSchema
  .extend({
    albums: z.array(albumSchema).describe('albums as album artist, newest first'),
    appearsOn: z.array(albumSchema).describe("other artists' albums with a track credited to this artist"),
    topTracks: z.array(trackSchema).describe('up to 10; by title until play counts exist'),
  })
  .meta({ id: 'ArtistDetail' });

export const lyricLineSchema = z
  .object({ timeMs: z.number().int().nullable(), text: z.string() })
  .meta({ id: 'LyricLine' });

export const lyricsSchema = z
  .object({
    trackId: z.string(),
    synced: z.boolean(),
    source: z.enum(['sidecar', 'embedded']),
    lines: z.array(lyricLineSchema),
    translation: z.object({ lang: z.string(), lines: z.array(lyricLineSchema) }).nullable(),
    /** language tags of every translation there is */
    translations: z.array(z.string()),
  })
  .meta({ id: 'Lyrics' });

const page = <T extends z.ZodType>(item: T, id: string) =>
  z
    .object({ data: z.array(item), nextCursor: z.string().nullable().describe('null on the last page') })
    .meta({ id });

export const trackPageSchema = page(trackSchema, 'TrackPage');
export const albumPageSchema = page(albumSchema, 'AlbumPage');
export const artistPageSchema = page(artistSchema, 'ArtistPage');

export const trackResponseSchema = z.object({ data: trackSchema });
export const albumDetailResponseSchema = z.object({ data: albumDetailSchema });
export const artistDetailResponseSchema = z.object({ data: artistDetailSchema });
export const lyricsResponseSchema = z.object({ data: lyricsSchema });

export type TrackDto = z.infer<typeof trackSchema>;
export type AlbumDto = z.infer<typeof albumSchema>;
export type ArtistDto = z.infer<typeof artistSchema>;
export type LyricsDto = z.infer<typeof lyricsSchema>;
export type TrackListQuery = z.infer<typeof trackListQuerySchema>;
export type AlbumListQuery = z.infer<typeof albumListQuerySchema>;
export type ArtistListQuery = z.infer<typeof artistListQuerySchema>;
