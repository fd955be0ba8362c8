import { useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api.ts';

export const HISTORY_KINDS = ['tracks', 'albums', 'playlists'] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

/** What I played recently of one kind, each item once, most recent first. */
export function useHistory(kind: HistoryKind) {
  return useInfiniteQuery({
    queryKey: ['history', kind],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/v1/me/history', { params: { query: { kind, limit: 50, cursor: pageParam } }, signal }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // What I just listened to should be there when I come back.
    staleTime: 0,
  });
}
