import { useMutation } from '@tanstack/react-query';
import type { ReactNode } from 'react';
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
  const confirmation = useMutation({ mutationFn: onConfirm, onSuccess: onClose });

  function close() {
    confirmation.reset();
    onClose();
  }

  return (
    <Modal open={open} title={title} onClose={close}>
      <div className="modal-body">{children}</div>
      <ErrorAlert error={confirmation.error} />
      <div className="modal-actions">
        <button
          type="button"
          className="button button-secondary"
          onClick={close}
          disabled={confirmation.isPending}
        >
          Cancel
        </button>
        <button
          type="button"
          className="button button-danger"
          onClick={() => confirmation.mutate()}
          disabled={confirmation.isPending}
        >
          {confirmation.isPending ? 'Working…' : confirmLabel}
        </button>
      </div>
    </Modal>
  );
}
