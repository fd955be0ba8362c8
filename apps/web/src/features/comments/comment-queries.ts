import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api.ts';
import { hotTopKey, repliesKey, targetKey } from './comment-cache.ts';
import type { CommentSort, CommentTarget } from './comment-types.ts';

export const COMMENT_PAGE_SIZE = 20;
export const REPLY_PAGE_SIZE = 10;
/** 精彩评论: the top of the hot list */
export const HOT_TOP = 10;
/** Comments are a conversation: a page opened again shows what it had, then what is new. */
const LIVE = 0;

const listQuery = (target: CommentTarget, sort: CommentSort, limit: number, cursor?: string) => ({
  query: {
    targetType: target.targetType,
    targetId: target.targetId,
    lineIndex: target.lineIndex,
    sort,
    limit,
    cursor,
  },
});

/** A target's top-level comments in one order, page by page, with the total count. */
export function useCommentList(target: CommentTarget, sort: CommentSort) {
  return useInfiniteQuery({
    queryKey: [...targetKey(target), sort],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/v1/comments', {
          params: listQuery(target, sort, COMMENT_PAGE_SIZE, pageParam),
          signal,
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    staleTime: LIVE,
  });
}

/** 精彩评论: the first of the hot list. */
export function useHotComments(target: CommentTarget, enabled = true) {
  return useQuery({
    queryKey: hotTopKey(target),
    enabled,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/comments', { params: listQuery(target, 'hot', HOT_TOP), signal })),
    staleTime: LIVE,
  });
}

/** A thread's replies ("floors"), oldest first. */
export function useReplies(threadId: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: repliesKey(threadId),
    enabled,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/v1/comments/{id}/replies', {
          params: { path: { id: threadId }, query: { limit: REPLY_PAGE_SIZE, cursor: pageParam } },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: LIVE,
  });
}

export const lyricCountsKey = (trackId: string) => ['lyric-comment-counts', trackId] as const;

/** How many comments each lyric line of a track has, by line index (lines without are absent). */
export function useLyricCommentCounts(trackId: string) {
  return useQuery({
    queryKey: lyricCountsKey(trackId),
    queryFn: async ({ signal }) => {
      const { counts } = await unwrap(
        api.GET('/api/v1/tracks/{id}/lyric-comment-counts', { params: { path: { id: trackId } }, signal }),
      );
      return new Map(counts.map((entry) => [entry.lineIndex, entry.count]));
    },
    staleTime: LIVE,
  });
}
