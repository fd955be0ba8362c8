import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ThumbUpIcon } from '../../components/icons.tsx';
import { formatCompactCount } from '../../lib/intl-format.ts';
import { useLikeComment } from './comment-mutations.ts';
import type { Comment } from './comment-types.ts';

/** The thumb with its count: it moves at once, with a little pop when liking. */
export function CommentLikeButton({ comment }: { comment: Comment }) {
  const { t, i18n } = useTranslation();
  const like = useLikeComment();
  const [popping, setPopping] = useState(false);
  const { liked, likeCount } = comment;
  return (
    <button
      type="button"
      className={`comment-action comment-like ${liked ? 'is-liked' : ''} ${popping ? 'is-popping' : ''}`}
      aria-pressed={liked}
      aria-label={`${liked ? t('comments.unlike') : t('comments.like')} (${t('comments.likeCount', { count: likeCount })})`}
      title={liked ? t('comments.unlike') : t('comments.like')}
      onClick={() => {
        if (!liked) setPopping(true);
        like.mutate({ comment, liked: !liked });
      }}
      onAnimationEnd={() => setPopping(false)}
      data-testid="comment-like"
    >
      <ThumbUpIcon />
      <span className="comment-action-count" data-testid="comment-like-count">
        {likeCount > 0 ? formatCompactCount(likeCount, i18n.language) : ''}
      </span>
    </button>
  );
}
