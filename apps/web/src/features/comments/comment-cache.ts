import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { Comment, CommentPage, CommentTarget } from './comment-types.ts';

/** Every cached list of comments (a target's sorts, its hot top, threads) starts with this. */
export const COMMENTS_KEY = ['comments'] as const;

export const targetKey = (target: CommentTarget) =>
  [...COMMENTS_KEY, 'target', target.targetType, target.targetId, target.lineIndex ?? null] as const;
/** all lists of a track/album/playlist, every lyric line of a track included */
export const targetPrefix = (target: Pick<CommentTarget, 'targetType' | 'targetId'>) =>
  [...COMMENTS_KEY, 'target', target.targetType, target.targetId] as const;
/** 精彩评论 of a target (a lyric line's own, for a lyric comment) */
export const hotTopKey = (target: {
  targetType: CommentTarget['targetType'];
  targetId: string;
  lineIndex?: number | null;
}) => [...targetKey({ ...target, lineIndex: target.lineIndex ?? undefined }), 'hot-top'] as const;
export const repliesKey = (threadId: string) => [...COMMENTS_KEY, 'replies', threadId] as const;

type Cached = CommentPage | InfiniteData<CommentPage> | undefined;

function mapPage(page: CommentPage, change: (comment: Comment) => Comment): CommentPage {
  let changed = false;
  const data = page.data.map((comment) => {
    const next = change(comment);
    if (next !== comment) changed = true;
    return next;
  });
  return changed ? { ...page, data } : page;
}

function mapCached(cached: Cached, change: (comment: Comment) => Comment): Cached {
  if (!cached) return cached;
  if ('pages' in cached) {
    const pages = cached.pages.map((page) => mapPage(page, change));
    return pages.some((page, i) => page !== cached.pages[i]) ? { ...cached, pages } : cached;
  }
  return mapPage(cached, change);
}

function mapAll(queryClient: QueryClient, change: (comment: Comment) => Comment): void {
  queryClient.setQueriesData<Cached>({ queryKey: COMMENTS_KEY }, (cached) => mapCached(cached, change));
}

/**
 * Changes one comment wherever it is drawn (it can be in the hot top and in the newest list at
 * once). Returns how it was before, from the first list that had it, to put back on failure.
 */
export function updateComment(
  queryClient: QueryClient,
  id: string,
  change: (comment: Comment) => Comment,
): Comment | undefined {
  let before: Comment | undefined;
  mapAll(queryClient, (comment) => {
    if (comment.id !== id) return comment;
    before ??= comment;
    return change(comment);
  });
  return before;
}

/** My like, shown at once: the count moves by one only when the state really changes. */
export function setLikedInCache(queryClient: QueryClient, id: string, liked: boolean): Comment | undefined {
  return updateComment(queryClient, id, (comment) =>
    comment.liked === liked
      ? comment
      : { ...comment, liked, likeCount: Math.max(0, comment.likeCount + (liked ? 1 : -1)) },
  );
}

/** The server's word on a like: exact state and count. */
export function setLikeState(
  queryClient: QueryClient,
  id: string,
  state: { liked: boolean; likeCount: number },
): void {
  updateComment(queryClient, id, (comment) =>
    comment.liked === state.liked && comment.likeCount === state.likeCount
      ? comment
      : { ...comment, ...state },
  );
}

/**
 * A comment that is gone but keeps its place (its replies stay): no author, no text; replies
 * that quoted it now quote a deleted comment.
 */
export function markGone(queryClient: QueryClient, id: string, status: 'deleted' | 'removed'): void {
  mapAll(queryClient, (comment) => {
    if (comment.id === id)
      return {
        ...comment,
        status,
        deleted: true,
        body: null,
        author: null,
        mentions: [],
        abilities: { delete: false, remove: false, report: false },
      };
    if (comment.replyTo?.id === id)
      return { ...comment, replyTo: { id, authorNickname: null, excerpt: null, deleted: true } };
    return comment;
  });
}
