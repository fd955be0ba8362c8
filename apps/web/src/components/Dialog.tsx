import { useEffect, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { CloseIcon } from './icons.tsx';
import './dialog.css';

interface DialogProps {
  title: string;
  /** the close button's accessible name */
  closeLabel: string;
  onClose: () => void;
  children: ReactNode;
  /** buttons along the bottom */
  footer?: ReactNode;
  className?: string;
}

/**
 * A modal window (the browser's own <dialog>: focus stays inside, Escape closes it), rendered at
 * the end of the page. Clicks inside never reach the rows or cards it was opened from.
 */
export function Dialog({ title, closeLabel, onClose, children, footer, className = '' }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    const onCancel = (event: Event) => {
      event.preventDefault();
      close.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
    };
  }, []);

  return createPortal(
    <dialog
      ref={ref}
      className={`dialog ${className}`}
      aria-label={title}
      onClick={(event) => {
        event.stopPropagation();
        // A click on the backdrop lands on the <dialog> itself.
        if (event.target === event.currentTarget) close.current();
      }}
      onKeyDown={(event) => event.stopPropagation()}
    >
      <div className="dialog-body">
        <header className="dialog-head">
          <h2 className="dialog-title">{title}</h2>
          <button type="button" className="icon-btn" onClick={() => close.current()} aria-label={closeLabel}>
            <CloseIcon />
          </button>
        </header>
        <div className="dialog-content">{children}</div>
        {footer ? <footer className="dialog-foot">{footer}</footer> : null}
      </div>
    </dialog>,
    document.body,
  );
}

/** "Are you sure?" with the confirming button in red. */
export function ConfirmDialog({
  title,
  message,
  confirmLabel,
  cancelLabel,
  busy = false,
  onConfirm,
  onClose,
}: {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  busy?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Dialog
      title={title}
      closeLabel={cancelLabel}
      onClose={onClose}
      className="dialog-small"
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {cancelLabel}
          </button>
          <button type="button" className="btn btn-primary" onClick={onConfirm} disabled={busy}>
            {confirmLabel}
          </button>
        </>
      }
    >
      <p className="dialog-message">{message}</p>
    </Dialog>
  );
}
