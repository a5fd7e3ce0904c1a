import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../components/Alerts.js';
import { Field } from '../../components/Field.js';
import { Modal } from '../../components/Modal.js';
import { deleteMyAccount, fetchDeletionPreview } from './deletionApi.js';
import { AFTER_DELETION_URL, CONFIRMATION_WORD, deleteAccountErrors, describeFate } from './deletionText.js';

/** The right to deletion: what goes, what is handed over, and the confirmed request. */
export function DeleteAccountPanel() {
  const [open, setOpen] = useState(false);
  const preview = useQuery({
    queryKey: ['privacy', 'deletion-preview'],
    queryFn: ({ signal }) => fetchDeletionPreview(signal),
  });
  return (
    <section className="panel" aria-labelledby="delete-account-heading">
      <h2 id="delete-account-heading" className="panel-title">
        Delete my account
      </h2>
      <p>
        Deleting your account cannot be undone. Your sign-in, sessions, invitations and password reset links
        are deleted, and you are signed out on every device. For your workspaces:
      </p>
      <ErrorAlert error={preview.error} />
      {preview.data && (
        <ul>
          {preview.data.workspaces.map((fate) => (
            <li key={fate.workspaceId}>{describeFate(fate)}</li>
          ))}
        </ul>
      )}
      <p className="muted">
        A deleted workspace goes with its videos, versions, media files, statistics, publications still
        planned, reviews and activity log. We keep only an anonymous line saying that a deletion happened,
        when, and how many records it removed.
      </p>
      <button type="button" className="button button-danger" onClick={() => setOpen(true)}>
        Delete my account
      </button>
      <Modal open={open} title="Delete your account for good?" onClose={() => setOpen(false)}>
        <DeleteAccountForm onCancel={() => setOpen(false)} />
      </Modal>
    </section>
  );
}

/** The dialog's form: password, the typed word, and the final button. */
export function DeleteAccountForm({ onCancel }: { onCancel: () => void }) {
  const queryClient = useQueryClient();
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<ReturnType<typeof deleteAccountErrors>>({});
  const deletion = useMutation({
    mutationFn: deleteMyAccount,
    // The session is gone on the server; nothing of it may stay in this page's memory either.
    onSuccess: () => {
      queryClient.clear();
      window.location.assign(AFTER_DELETION_URL);
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = deleteAccountErrors({ password, confirmation });
    setErrors(found);
    if (Object.keys(found).length === 0) deletion.mutate({ password, confirmation });
  }

  return (
    <form className="form" noValidate onSubmit={submit}>
      <ErrorAlert error={deletion.error} />
      <Field
        label="Password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={errors.password}
      />
      <Field
        label={`Type ${CONFIRMATION_WORD} to confirm`}
        autoComplete="off"
        value={confirmation}
        onChange={(event) => setConfirmation(event.target.value)}
        error={errors.confirmation}
      />
      <div className="modal-actions">
        <button
          type="button"
          className="button button-secondary"
          onClick={onCancel}
          disabled={deletion.isPending}
        >
          Cancel
        </button>
        <button type="submit" className="button button-danger" disabled={deletion.isPending}>
          {deletion.isPending ? 'Deleting…' : 'Delete my account permanently'}
        </button>
      </div>
    </form>
  );
}
