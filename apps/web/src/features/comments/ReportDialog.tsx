import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog.tsx';
import { TextAreaField } from '../../components/FormField.tsx';
import { commentErrorMessage } from './comment-error.ts';
import { useReportComment, type ReportReason } from './comment-mutations.ts';

const REASONS: readonly ReportReason[] = ['spam', 'abuse', 'harassment', 'self_harm', 'other'];

/** Tells the moderators about a comment: why, and anything else they should know. */
export function ReportDialog({
  commentId,
  onClose,
  onDone,
}: {
  commentId: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const report = useReportComment();
  const [reason, setReason] = useState<ReportReason | null>(null);
  const [detail, setDetail] = useState('');
  const formId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason) return;
    report.mutate({ id: commentId, reason, detail: detail.trim() }, { onSuccess: onDone });
  };

  return (
    <Dialog
      title={t('comments.report.title')}
      closeLabel={t('comments.report.cancel')}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('comments.report.cancel')}
          </button>
          <button
            type="submit"
            form={formId}
            className="btn btn-primary"
            disabled={!reason || report.isPending}
            data-testid="report-submit"
          >
            {report.isPending ? t('comments.report.sending') : t('comments.report.submit')}
          </button>
        </>
      }
    >
      <form id={formId} className="comment-dialog-form" onSubmit={submit}>
        {report.isError ? (
          <p className="form-error" role="alert">
            {commentErrorMessage(report.error, t)}
          </p>
        ) : null}
        <fieldset className="report-reasons">
          <legend className="field-label">{t('comments.report.reasonLabel')}</legend>
          {REASONS.map((option) => (
            <label key={option} className="report-reason">
              <input
                type="radio"
                name="reason"
                value={option}
                checked={reason === option}
                onChange={() => setReason(option)}
              />
              {t(`comments.report.reasons.${option}`)}
            </label>
          ))}
        </fieldset>
        {reason === 'self_harm' ? <p className="report-care">{t('comments.report.selfHarmNote')}</p> : null}
        <TextAreaField
          label={t('comments.report.detail')}
          name="detail"
          maxLength={500}
          value={detail}
          onChange={setDetail}
        />
      </form>
    </Dialog>
  );
}
