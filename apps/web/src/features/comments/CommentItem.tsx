import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChevronDownIcon } from '../../components/icons.tsx';
import { CommentCard } from './CommentCard.tsx';
import type { Comment } from './comment-types.ts';
import { ReplyThread } from './ReplyThread.tsx';

/** A top-level comment and, when opened, its thread of replies. */
export function CommentItem({ comment, showQuotedLine }: { comment: Comment; showQuotedLine?: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [replyingTo, setReplyingTo] = useState<Comment | null>(null);
  const reply = (to: Comment) => {
    setOpen(true);
    setReplyingTo(to);
  };
  return (
    <li className="comment-item" data-testid="comment-item">
      <CommentCard
        comment={comment}
        showQuotedLine={showQuotedLine}
        onReply={comment.deleted ? undefined : () => reply(comment)}
      />
      {comment.replyCount > 0 ? (
        <button
          type="button"
          className="comment-thread-toggle"
          aria-expanded={open}
          onClick={() => {
            setOpen(!open);
            setReplyingTo(null);
          }}
          data-testid="comment-replies-toggle"
        >
          {open ? t('comments.hideReplies') : t('comments.replies', { count: comment.replyCount })}
          <ChevronDownIcon className={`icon ${open ? 'is-flipped' : ''}`} />
        </button>
      ) : null}
      {open ? (
        <ReplyThread
          thread={comment}
          replyingTo={replyingTo}
          onReply={reply}
          onPosted={() => setReplyingTo(null)}
          onCancelReply={() => {
            setReplyingTo(null);
            if (comment.replyCount === 0) setOpen(false);
          }}
        />
      ) : null}
    </li>
  );
}
