import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '../../lib/api.ts';
import type { Lyrics } from '../../lib/api-types.ts';

/** A track's lyrics, or null when it has none (a 404 lyrics_not_found is an answer). */
export function useLyrics(trackId: string | null, translation: string | undefined) {
  return useQuery({
    queryKey: ['lyrics', trackId, translation ?? null],
    enabled: trackId !== null,
    staleTime: Number.POSITIVE_INFINITY,
    // Switching translation keeps the lines on screen until the new ones arrive.
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }): Promise<Lyrics | null> => {
      try {
        const body = await unwrap(
          api.GET('/api/v1/tracks/{id}/lyrics', {
            params: { path: { id: trackId as string }, query: translation ? { translation } : {} },
            signal,
          }),
        );
        return body.data;
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}
