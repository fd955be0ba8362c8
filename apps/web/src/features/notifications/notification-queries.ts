import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api.ts';
import { listKey, markReadInCache, unreadKey } from './notification-cache.ts';

/** The bell's number. The WebSocket keeps it current; a focus of the tab checks again. */
export function useUnreadCount() {
  return useQuery({
    queryKey: unreadKey,
    queryFn: async ({ signal }) =>
      (await unwrap(api.GET('/api/v1/notifications', { params: { query: { limit: 1 } }, signal }))).unread,
    staleTime: 60_000,
    refetchOnWindowFocus: true,
  });
}

export function useNotifications() {
  return useInfiniteQuery({
    queryKey: listKey,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/v1/notifications', { params: { query: { limit: 20, cursor: pageParam } }, signal }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Marks some notifications read, or all of them; the bell follows the server's count. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: readonly string[] | 'all') =>
      unwrap(
        api.POST('/api/v1/notifications/read', { body: ids === 'all' ? { all: true } : { ids: [...ids] } }),
      ),
    onMutate: (ids) => markReadInCache(queryClient, ids),
    onSuccess: ({ unread }) => queryClient.setQueryData(unreadKey, unread),
    onError: () => void queryClient.invalidateQueries({ queryKey: listKey }),
  });
}
