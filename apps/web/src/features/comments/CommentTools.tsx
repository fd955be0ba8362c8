import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionButtons, type ActionChoice } from '../../components/ActionButtons.tsx';
import { ConfirmDialog } from '../../components/Dialog.tsx';
import { Toast } from '../../components/Toast.tsx';
import { commentErrorMessage } from './comment-error.ts';
import { useDeleteComment, useRemoveComment } from './comment-mutations.ts';
import type { Comment } from './comment-types.ts';
import { ReasonDialog } from './ReasonDialog.tsx';
import { ReportDialog } from './ReportDialog.tsx';

type Tool = 'delete' | 'report' | 'remove';

/** The quiet actions under a comment, each as the server allows it: delete, report, remove. */
export function CommentTools({ comment }: { comment: Comment }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Tool | null>(null);
  const [reported, setReported] = useState(false);
  const deletion = useDeleteComment();
  const removal = useRemoveComment();
  const { abilities } = comment;
  if (!abilities.delete && !abilities.report && !abilities.remove && !reported) return null;
  const close = () => setOpen(null);
  const tools: ActionChoice<Tool>[] = [
    { action: 'report', label: t('comments.report.action'), testId: 'comment-report' },
    { action: 'delete', label: t('comments.delete.action'), testId: 'comment-delete' },
    { action: 'remove', label: t('comments.remove.action'), testId: 'comment-remove' },
  ];
  // Whoever may delete a comment is shown delete, not remove as well.
  const allowed = {
    report: abilities.report,
    delete: abilities.delete,
    remove: abilities.remove && !abilities.delete,
  };

  return (
    <span className="comment-tools">
      <ActionButtons
        className="comment-tool"
        choices={tools.filter(({ action }) => allowed[action])}
        onPick={setOpen}
      />
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
