import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../lib/intl-format.ts';
import { draftState, MAX_COMMENT_LENGTH } from './comment-body.ts';
import { commentErrorMessage } from './comment-error.ts';
import { usePostComment } from './comment-mutations.ts';
import type { Comment, CommentTarget } from './comment-types.ts';
import { newIdempotencyKey } from './idempotency-key.ts';

interface ComposerProps {
  target: CommentTarget;
  /** answering this comment (a thread's top or one of its replies) */
  replyTo?: Pick<Comment, 'id' | 'author'>;
  autoFocus?: boolean;
  onPosted?: (comment: Comment) => void;
  onCancel?: () => void;
}

/**
 * The box to write a comment or a reply: a live count of characters as the server counts
 * them, sending refused while empty or too long. Each submission carries its own key, so a
 * double click or a retry after a lost answer still makes one comment.
 */
export function CommentComposer({ target, replyTo, autoFocus = false, onPosted, onCancel }: ComposerProps) {
  const { t, i18n } = useTranslation();
  const post = usePostComment(target);
  const [text, setText] = useState('');
  const submission = useRef<{ text: string; key: string } | null>(null);
  const draft = draftState(text);
  const counterId = useId();

  const send = () => {
    if (!draft.sendable || post.isPending) return;
    // The same text again (a retry, a second click) keeps its key; new text gets a new one.
    if (submission.current?.text !== text) submission.current = { text, key: newIdempotencyKey() };
    post.mutate(
      { body: text, parentId: replyTo?.id, idempotencyKey: submission.current.key },
      {
        onSuccess: (comment) => {
          submission.current = null;
          setText('');
          onPosted?.(comment);
        },
      },
    );
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    send();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      send();
    }
  };

  const name = replyTo?.author?.nickname;
  const placeholder = replyTo
    ? t('comments.composer.replyPlaceholder', { name: name ?? '' })
    : t('comments.composer.placeholder');
  return (
    <form className="comment-composer" onSubmit={onSubmit} data-testid="comment-composer">
      <textarea
        className="input comment-input"
        name="comment"
        aria-label={replyTo ? placeholder : t('comments.composer.label')}
        aria-describedby={counterId}
        placeholder={placeholder}
        value={text}
        autoFocus={autoFocus}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        rows={replyTo ? 2 : 3}
      />
      <div className="comment-composer-bar">
        <span
          id={counterId}
          className={`comment-counter ${draft.tooLong ? 'is-over' : ''}`}
          data-testid="comment-counter"
        >
          {t('comments.composer.counter', { length: draft.length, max: MAX_COMMENT_LENGTH })}
        </span>
        {draft.tooLong || post.isError ? (
          <span className="comment-error" role="alert">
            {draft.tooLong
              ? t('comments.composer.tooLong', { max: formatCount(MAX_COMMENT_LENGTH, i18n.language) })
              : commentErrorMessage(post.error, t)}
          </span>
        ) : null}
        <span className="comment-composer-actions">
          {onCancel ? (
            <button type="button" className="btn comment-btn" onClick={onCancel}>
              {t('comments.composer.cancel')}
            </button>
          ) : null}
          <button
            type="submit"
            className="btn btn-primary comment-btn"
            disabled={!draft.sendable || post.isPending}
            title={t('comments.composer.shortcut')}
            data-testid="comment-submit"
          >
            {post.isPending
              ? t('comments.composer.sending')
              : replyTo
                ? t('comments.composer.reply')
                : t('comments.composer.submit')}
          </button>
        </span>
      </div>
    </form>
  );
}
