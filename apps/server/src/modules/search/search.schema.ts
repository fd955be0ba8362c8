import { z } from 'zod';
import { MAX_QUERY_CHARS, MAX_SUGGESTIONS, SEARCH_LIMITS } from './search.service.ts';

const queryText = z
  .string()
  .trim()
  .min(1, 'empty_query: type something to search for')
  .max(MAX_QUERY_CHARS)
  .describe('What was typed: Chinese, pinyin (`qingtian`, `qing tian`), initials (`zjl`) or Latin text');

export const searchQuerySchema = z.object({
  q: queryText,
  type: z.enum(['all', 'track', 'album', 'artist', 'user']).default('all'),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(SEARCH_LIMITS.maxPage)
    .optional()
    .describe(
      `Per page for one type (default ${SEARCH_LIMITS.defaultPage}); per kind for \`all\` ` +
        `(default ${SEARCH_LIMITS.defaultPerKind}, at most ${SEARCH_LIMITS.maxPerKind})`,
    ),
  cursor: z.string().max(300).optional().describe('`nextCursor` of the previous page; needs a single `type`'),
});

export const suggestQuerySchema = z.object({
  q: queryText,
  limit: z.coerce.number().int().min(1).max(MAX_SUGGESTIONS).optional(),
});

const ref = z.object({ id: z.string(), name: z.string() });

export const searchTrackSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    artists: z.array(ref),
    album: z.object({ id: z.string(), title: z.string() }).nullable(),
    durationMs: z.number().int(),
    coverUrl: z.string().nullable(),
  })
  .meta({ id: 'SearchTrack' });

export const searchAlbumSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    artist: ref,
    year: z.number().int().nullable(),
    coverUrl: z.string().nullable(),
  })
  .meta({ id: 'SearchAlbum' });

export const searchArtistSchema = z
  .object({ id: z.string(), name: z.string(), coverUrl: z.string().nullable() })
  .meta({ id: 'SearchArtist' });

export const searchUserSchema = z
  .object({ id: z.string(), username: z.string(), nickname: z.string(), avatarUrl: z.string().nullable() })
  .meta({ id: 'SearchUser' });

export const searchResponseSchema = z
  .object({
    data: z.object({
      tracks: z.array(searchTrackSchema),
      albums: z.array(searchAlbumSchema),
      artists: z.array(searchArtistSchema),
      users: z.array(searchUserSchema),
    }),
    /** null on the last page, and always for `all` */
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'SearchResults' });

export const suggestionSchema = z
  .object({
    kind: z.enum(['track', 'album', 'artist', 'user']),
    id: z.string(),
    text: z.string(),
    /** artists of a track, artist of an album, @username of a user */
    subtitle: z.string().nullable(),
  })
  .meta({ id: 'SearchSuggestion' });

export const suggestResponseSchema = z.object({ data: z.array(suggestionSchema) });
