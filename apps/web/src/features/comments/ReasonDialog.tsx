import { useId, useState, type FormEvent } from 'react';
import { Dialog } from '../../components/Dialog.tsx';
import { TextAreaField } from '../../components/FormField.tsx';

interface ReasonDialogProps {
  title: string;
  reasonLabel: string;
  confirmLabel: string;
  cancelLabel: string;
  busy: boolean;
  error: string | null;
  onConfirm: (reason: string) => void;
  onClose: () => void;
}

/** A staff decision that needs a reason for the audit log (remove a comment, dismiss a report). */
export function ReasonDialog({
  title,
  reasonLabel,
  confirmLabel,
  cancelLabel,
  busy,
  error,
  onConfirm,
  onClose,
}: ReasonDialogProps) {
  const [reason, setReason] = useState('');
  const formId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim()) onConfirm(reason.trim());
  };
  return (
    <Dialog
      title={title}
      closeLabel={cancelLabel}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {cancelLabel}
          </button>
          <button
            type="submit"
            form={formId}
            className="btn btn-primary"
            disabled={!reason.trim() || busy}
            data-testid="reason-confirm"
          >
            {confirmLabel}
          </button>
        </>
      }
    >
      <form id={formId} className="comment-dialog-form" onSubmit={submit}>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <TextAreaField
          label={reasonLabel}
          name="reason"
          maxLength={500}
          required
          autoFocus
          value={reason}
          onChange={setReason}
        />
      </form>
    </Dialog>
  );
}
