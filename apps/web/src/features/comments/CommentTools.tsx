import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/Dialog.tsx';
import { Toast } from '../../components/Toast.tsx';
import { commentErrorMessage } from './comment-error.ts';
import { useDeleteComment, useRemoveComment } from './comment-mutations.ts';
import type { Comment } from './comment-types.ts';
import { ReasonDialog } from './ReasonDialog.tsx';
import { ReportDialog } from './ReportDialog.tsx';

type Open = 'delete' | 'report' | 'remove' | null;

/** The quiet actions under a comment, each as the server allows it: delete, report, remove. */
export function CommentTools({ comment }: { comment: Comment }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Open>(null);
  const [reported, setReported] = useState(false);
  const deletion = useDeleteComment();
  const removal = useRemoveComment();
  const { abilities } = comment;
  if (!abilities.delete && !abilities.report && !abilities.remove && !reported) return null;
  const close = () => setOpen(null);

  return (
    <span className="comment-tools">
      {abilities.report ? (
        <button
          type="button"
          className="comment-tool"
          onClick={() => setOpen('report')}
          data-testid="comment-report"
        >
          {t('comments.report.action')}
        </button>
      ) : null}
      {abilities.delete ? (
        <button
          type="button"
          className="comment-tool"
          onClick={() => setOpen('delete')}
          data-testid="comment-delete"
        >
          {t('comments.delete.action')}
        </button>
      ) : null}
      {abilities.remove && !abilities.delete ? (
        <button
          type="button"
          className="comment-tool"
          onClick={() => setOpen('remove')}
          data-testid="comment-remove"
        >
          {t('comments.remove.action')}
        </button>
      ) : null}
      {open === 'delete' ? (
        <ConfirmDialog
          title={t('comments.delete.title')}
          message={deletion.isError ? commentErrorMessage(deletion.error, t) : t('comments.delete.message')}
          confirmLabel={t('comments.delete.confirm')}
          cancelLabel={t('comments.delete.cancel')}
          busy={deletion.isPending}
          onClose={close}
          onConfirm={() => deletion.mutate(comment, { onSuccess: close })}
        />
      ) : null}
      {open === 'report' ? (
        <ReportDialog
          commentId={comment.id}
          onClose={close}
          onDone={() => {
            close();
            setReported(true);
          }}
        />
      ) : null}
      {open === 'remove' ? (
        <ReasonDialog
          title={t('comments.remove.title')}
          reasonLabel={t('comments.remove.reason')}
          confirmLabel={t('comments.remove.submit')}
          cancelLabel={t('comments.remove.cancel')}
          busy={removal.isPending}
          error={removal.isError ? commentErrorMessage(removal.error, t) : null}
          onClose={close}
          onConfirm={(reason) => removal.mutate({ comment, reason }, { onSuccess: close })}
        />
      ) : null}
      {reported ? <Toast message={t('comments.report.done')} onDone={() => setReported(false)} /> : null}
    </span>
  );
}
