import { useTranslation } from 'react-i18next';
import { CommentIcon } from '../../components/icons.tsx';
import { formatCompactCount } from '../../lib/intl-format.ts';
import './lyric-comments.css';

/** The little bubble at the end of a lyric line: how many comments it has, and a way to add one. */
export function LyricCommentButton({ count, onOpen }: { count: number; onOpen: () => void }) {
  const { t, i18n } = useTranslation();
  const label = count > 0 ? t('comments.lyric.count', { count }) : t('comments.lyric.comment');
  return (
    <button
      type="button"
      className={`lyric-comment ${count > 0 ? 'has-comments' : ''}`}
      onClick={onOpen}
      aria-label={label}
      title={label}
      aria-haspopup="dialog"
      data-testid="lyric-comment"
    >
      <CommentIcon />
      {count > 0 ? (
        <span className="lyric-comment-count" data-testid="lyric-comment-count">
          {formatCompactCount(count, i18n.language)}
        </span>
      ) : null}
    </button>
  );
}
