import type { ReactNode } from 'react';
import { useAction } from '../hooks/useAction.js';
import { ErrorAlert } from './Alerts.js';
import { Modal } from './Modal.js';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  confirmLabel: string;
  onConfirm: () => Promise<void>;
  onClose: () => void;
  children: ReactNode;
}

/** Asks before a destructive change; stays open and shows the error if the change fails. */
export function ConfirmDialog({
  open,
  title,
  confirmLabel,
  onConfirm,
  onClose,
  children,
}: ConfirmDialogProps) {
  const action = useAction();

  async function confirm() {
    if (await action.run(onConfirm)) onClose();
  }

  function close() {
    action.clearError();
    onClose();
  }

  return (
    <Modal open={open} title={title} onClose={close}>
      <div className="modal-body">{children}</div>
      <ErrorAlert error={action.error} />
      <div className="modal-actions">
        <button type="button" className="button button-secondary" onClick={close} disabled={action.pending}>
          Cancel
        </button>
        <button
          type="button"
          className="button button-danger"
          onClick={() => void confirm()}
          disabled={action.pending}
        >
          {action.pending ? 'Working…' : confirmLabel}
        </button>
      </div>
    </Modal>
  );
}
