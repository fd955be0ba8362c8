import { LoadMore } from '../../components/LoadMore.tsx';
import { ErrorState, Skeleton } from '../../components/StateViews.tsx';
import { CommentCard } from './CommentCard.tsx';
import { CommentComposer } from './CommentComposer.tsx';
import { useReplies } from './comment-queries.ts';
import type { Comment } from './comment-types.ts';

interface ReplyThreadProps {
  thread: Comment;
  /** the comment being answered, when the reply box is open */
  replyingTo: Comment | null;
  onReply: (comment: Comment) => void;
  onPosted: () => void;
  onCancelReply: () => void;
}

/**
 * A thread's "floors": the replies to a top-level comment, flat and oldest first, each
 * quoting the reply it answers; its own pages, and the box to add one.
 */
export function ReplyThread({ thread, replyingTo, onReply, onPosted, onCancelReply }: ReplyThreadProps) {
  const replies = useReplies(thread.id, thread.replyCount > 0);
  const items = replies.data?.pages.flatMap((page) => page.data) ?? [];
  return (
    <div className="comment-thread" data-testid="comment-thread">
      {replies.isError && !replies.data ? (
        <ErrorState error={replies.error} onRetry={() => void replies.refetch()} />
      ) : replies.isPending && thread.replyCount > 0 ? (
        <Skeleton height={36} />
      ) : (
        <ol className="comment-list">
          {items.map((reply, index) => (
            <li key={reply.id}>
              <CommentCard
                comment={reply}
                floor={index + 1}
                onReply={reply.deleted ? undefined : () => onReply(reply)}
              />
            </li>
          ))}
        </ol>
      )}
      <LoadMore
        hasMore={replies.hasNextPage}
        loading={replies.isFetchingNextPage}
        failed={replies.isFetchNextPageError}
        onLoadMore={() => void replies.fetchNextPage()}
      />
      {replyingTo ? (
        <CommentComposer
          key={replyingTo.id}
          target={{ targetType: thread.targetType, targetId: thread.targetId }}
          replyTo={replyingTo}
          autoFocus
          onPosted={onPosted}
          onCancel={onCancelReply}
        />
      ) : null}
    </div>
  );
}
