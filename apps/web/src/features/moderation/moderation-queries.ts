import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api.ts';
import { COMMENTS_KEY } from '../comments/comment-cache.ts';
import type { CommentReport } from '../../lib/api-types.ts';

export const MODERATION_KEY = ['moderation'] as const;

export function useReports(status: CommentReport['status']) {
  return useInfiniteQuery({
    queryKey: [...MODERATION_KEY, 'reports', status],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/v1/moderation/reports', {
          params: { query: { status, limit: 20, cursor: pageParam } },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useAuditLog() {
  return useInfiniteQuery({
    queryKey: [...MODERATION_KEY, 'audit'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/v1/moderation/audit', { params: { query: { limit: 30, cursor: pageParam } }, signal }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Decides a report: the comment goes, or the report does; either way it is audited. */
export function useResolveReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, reason }: { id: string; action: 'dismiss' | 'remove'; reason: string }) =>
      unwrap(
        api.POST('/api/v1/moderation/reports/{id}/resolve', {
          params: { path: { id } },
          body: { action, reason },
        }),
      ),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: MODERATION_KEY });
      void queryClient.invalidateQueries({ queryKey: COMMENTS_KEY });
    },
  });
}
