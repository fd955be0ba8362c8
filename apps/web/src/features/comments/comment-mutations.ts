import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api.ts';
import {
  hotTopKey,
  markGone,
  repliesKey,
  setLikedInCache,
  setLikeState,
  targetPrefix,
  updateComment,
} from './comment-cache.ts';
import { lyricCountsKey } from './comment-queries.ts';
import type { Comment, CommentTarget } from './comment-types.ts';
import { unwrapLimited } from './rate-limited.ts';

export type ReportReason = 'spam' | 'abuse' | 'harassment' | 'self_harm' | 'other';

/** The lists a comment appears in: its target's sorts and counts, and its thread. */
function refreshAround(
  queryClient: QueryClient,
  comment: Pick<Comment, 'targetType' | 'targetId' | 'parentId'>,
) {
  void queryClient.invalidateQueries({ queryKey: targetPrefix(comment) });
  if (comment.parentId) void queryClient.invalidateQueries({ queryKey: repliesKey(comment.parentId) });
  if (comment.targetType === 'lyric')
    void queryClient.invalidateQueries({ queryKey: lyricCountsKey(comment.targetId) });
}

export interface NewComment {
  body: string;
  /** the comment answered (a thread's top or one of its replies) */
  parentId?: string;
  idempotencyKey: string;
}

/** Writes a comment or a reply; a repeated key returns the first one and makes nothing new. */
export function usePostComment(target: CommentTarget) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, parentId, idempotencyKey }: NewComment) =>
      (
        await unwrapLimited(
          api.POST('/api/v1/comments', {
            body: {
              targetType: target.targetType,
              targetId: target.targetId,
              lineIndex: parentId ? undefined : target.lineIndex,
              body,
              parentId,
              idempotencyKey,
            },
          }),
        )
      ).data,
    onSuccess: (comment) => refreshAround(queryClient, comment),
  });
}

/**
 * The thumb: shown at once, put back if the server refuses, then set to the server's count.
 * A like can lift a comment into 精彩评论, so that list is asked again.
 */
export function useLikeComment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ comment, liked }: { comment: Comment; liked: boolean }) => {
      const options = { params: { path: { id: comment.id } } };
      const call = liked
        ? api.POST('/api/v1/comments/{id}/like', options)
        : api.DELETE('/api/v1/comments/{id}/like', options);
      return (await unwrap(call)).data;
    },
    onMutate: ({ comment, liked }) => ({ before: setLikedInCache(queryClient, comment.id, liked) }),
    onError: (_error, { comment }, context) => {
      const before = context?.before;
      if (before) setLikeState(queryClient, comment.id, { liked: before.liked, likeCount: before.likeCount });
    },
    onSuccess: (state, { comment }) => {
      setLikeState(queryClient, comment.id, state);
      if (!comment.parentId) void queryClient.invalidateQueries({ queryKey: hotTopKey(comment) });
    },
  });
}

/** A hug, once: it cannot be taken back, so only a failure undoes it. */
export function useHugComment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) =>
      (await unwrap(api.POST('/api/v1/comments/{id}/hug', { params: { path: { id } } }))).data,
    onMutate: (id) => {
      updateComment(queryClient, id, (comment) => ({ ...comment, hugged: true }));
    },
    onError: (_error, id) => {
      updateComment(queryClient, id, (comment) => ({ ...comment, hugged: false }));
    },
  });
}

/** My own comment: it shows as deleted where it is (its replies stay). */
export function useDeleteComment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (comment: Comment) =>
      unwrap(api.DELETE('/api/v1/comments/{id}', { params: { path: { id: comment.id } } })),
    onSuccess: (_ok, comment) => {
      markGone(queryClient, comment.id, 'deleted');
      refreshAround(queryClient, comment);
    },
  });
}

/** Staff: remove anyone's comment, with a reason for the audit log. */
export function useRemoveComment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ comment, reason }: { comment: Comment; reason: string }) =>
      unwrap(
        api.POST('/api/v1/moderation/comments/{id}/remove', {
          params: { path: { id: comment.id } },
          body: { reason },
        }),
      ),
    onSuccess: (_ok, { comment }) => {
      markGone(queryClient, comment.id, 'removed');
      refreshAround(queryClient, comment);
      void queryClient.invalidateQueries({ queryKey: ['moderation'] });
    },
  });
}

export function useReportComment() {
  return useMutation({
    mutationFn: ({ id, reason, detail }: { id: string; reason: ReportReason; detail?: string }) =>
      unwrapLimited(
        api.POST('/api/v1/comments/{id}/report', {
          params: { path: { id } },
          body: { reason, detail: detail || undefined },
        }),
      ),
  });
}
