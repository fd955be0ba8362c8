import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Avatar } from '../../components/Avatar.tsx';
import { useMe } from '../auth/auth-queries.ts';
import { CommentBody } from './CommentBody.tsx';
import { CommentHugButton } from './CommentHugButton.tsx';
import { CommentLikeButton } from './CommentLikeButton.tsx';
import type { Comment } from './comment-types.ts';
import { CommentTools } from './CommentTools.tsx';
import { formatRelativeTime } from './relative-time.ts';

interface CommentCardProps {
  comment: Comment;
  /** a reply's place in its thread */
  floor?: number;
  /** show the lyric line a lyric comment quotes (not where the line is already the heading) */
  showQuotedLine?: boolean;
  onReply?: () => void;
}

/** One comment as NetEase draws it: who, what (with the line or reply it quotes), when, and what you can do. */
export function CommentCard({ comment, floor, showQuotedLine = false, onReply }: CommentCardProps) {
  const { t, i18n } = useTranslation();
  const me = useMe().data;
  const { author } = comment;
  const mine = author !== null && author.id === me?.id;
  const size = comment.parentId ? 28 : 36;

  return (
    <article
      className={`comment ${comment.parentId ? 'is-reply' : ''} ${comment.deleted ? 'is-gone' : ''}`}
      data-testid="comment"
      data-comment-id={comment.id}
    >
      {author ? (
        <Link to={`/users/${author.id}`} className="comment-avatar" tabIndex={-1} aria-hidden="true">
          <Avatar url={author.avatarUrl} size={size} />
        </Link>
      ) : (
        <Avatar url={null} size={size} className="comment-avatar" />
      )}
      <div className="comment-main">
        {comment.deleted || comment.body === null ? (
          <p className="comment-text comment-gone" data-testid="comment-gone">
            {comment.status === 'removed' ? t('comments.removed') : t('comments.deleted')}
          </p>
        ) : (
          <p className="comment-text">
            {author ? (
              <>
                <Link to={`/users/${author.id}`} className="comment-author" data-testid="comment-author">
                  {author.nickname}
                </Link>
                <span className="comment-colon">{t('comments.colon')}</span>
              </>
            ) : null}
            <CommentBody body={comment.body} mentions={comment.mentions} />
          </p>
        )}
        {comment.replyTo ? (
          <blockquote className="comment-quote" data-testid="comment-reply-to">
            {comment.replyTo.deleted ? (
              <span className="comment-gone">{t('comments.quotedDeleted')}</span>
            ) : (
              <>
                <span className="comment-quote-author">
                  {t('comments.replyQuote', { name: comment.replyTo.authorNickname ?? '' })}
                </span>
                {comment.replyTo.excerpt}
              </>
            )}
          </blockquote>
        ) : null}
        {showQuotedLine && comment.quotedLine ? (
          <blockquote className="comment-quote comment-lyric-quote">
            {t('comments.lyric.quote', { line: comment.quotedLine })}
          </blockquote>
        ) : null}
        <footer className="comment-foot">
          <time className="comment-time" dateTime={comment.createdAt}>
            {formatRelativeTime(comment.createdAt, new Date(), i18n.language)}
          </time>
          {floor !== undefined ? (
            <span className="comment-floor">{t('comments.floor', { n: floor })}</span>
          ) : null}
          <CommentTools comment={comment} />
          {comment.deleted ? null : (
            <span className="comment-actions">
              <CommentLikeButton comment={comment} />
              <CommentHugButton comment={comment} mine={mine} />
              {onReply ? (
                <button
                  type="button"
                  className="comment-action comment-reply"
                  onClick={onReply}
                  data-testid="comment-reply"
                >
                  {t('comments.reply')}
                </button>
              ) : null}
            </span>
          )}
        </footer>
      </div>
    </article>
  );
}
