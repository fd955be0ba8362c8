import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HugIcon } from '../../components/icons.tsx';
import { Toast } from '../../components/Toast.tsx';
import { useHugComment } from './comment-mutations.ts';
import type { Comment } from './comment-types.ts';

/**
 * 🤗: a hug for the author, once, told to nobody else. The author sees how many they got
 * (only they do); everyone else gets a button that warms up when pressed.
 */
export function CommentHugButton({ comment, mine }: { comment: Comment; mine: boolean }) {
  const { t } = useTranslation();
  const hug = useHugComment();
  const [burst, setBurst] = useState(false);
  const [sent, setSent] = useState(false);

  if (mine) {
    if (!comment.hugCount) return null;
    const label = t('comments.hugCount', { count: comment.hugCount });
    return (
      <span
        className="comment-action comment-hugs"
        title={label}
        aria-label={label}
        data-testid="comment-hugs"
      >
        <HugIcon />
        <span className="comment-action-count">{comment.hugCount}</span>
      </span>
    );
  }

  return (
    <>
      <button
        type="button"
        className={`comment-action comment-hug ${comment.hugged ? 'is-hugged' : ''}`}
        aria-pressed={comment.hugged}
        aria-label={comment.hugged ? t('comments.hugged') : t('comments.hug')}
        title={comment.hugged ? t('comments.hugged') : t('comments.hug')}
        disabled={comment.hugged}
        onClick={() => {
          setBurst(true);
          hug.mutate(comment.id, { onSuccess: () => setSent(true) });
        }}
        data-testid="comment-hug"
      >
        <HugIcon className="icon hug-face" />
        {burst ? <HugIcon className="icon hug-burst" onAnimationEnd={() => setBurst(false)} /> : null}
      </button>
      {sent ? <Toast message={t('comments.hugSent')} onDone={() => setSent(false)} /> : null}
    </>
  );
}
