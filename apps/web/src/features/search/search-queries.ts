import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api.ts';

export type SearchKind = 'track' | 'artist' | 'album' | 'user';
export const SEARCH_KINDS: readonly SearchKind[] = ['track', 'artist', 'album', 'user'];

export function useSuggestions(q: string) {
  const query = q.trim();
  return useQuery({
    queryKey: ['suggest', query],
    queryFn: async ({ signal }) =>
      (await unwrap(api.GET('/api/v1/search/suggest', { params: { query: { q: query } }, signal }))).data,
    enabled: query.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useSearch(q: string, type: SearchKind) {
  const query = q.trim();
  return useInfiniteQuery({
    queryKey: ['search', type, query],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/v1/search', {
          params: { query: { q: query, type, limit: 30, cursor: pageParam } },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: query.length > 0,
    staleTime: 60_000,
  });
}
