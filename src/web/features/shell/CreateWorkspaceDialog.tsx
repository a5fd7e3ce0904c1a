import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { workspaceName } from '../../../api/workspaces.js';
import { ErrorAlert } from '../../components/Alerts.js';
import { Field } from '../../components/Field.js';
import { Modal } from '../../components/Modal.js';
import { useSession } from '../../session/sessionContext.js';
import { createWorkspace } from '../workspaces/workspacesApi.js';

export function CreateWorkspaceDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Modal open={open} title="New workspace" onClose={onClose}>
      <CreateWorkspaceForm onClose={onClose} />
    </Modal>
  );
}

function CreateWorkspaceForm({ onClose }: { onClose: () => void }) {
  const { refresh } = useSession();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  // The new workspace becomes current on the server; reload the session to show it.
  const creation = useMutation({
    mutationFn: async (name: string) => {
      await createWorkspace(name);
      await refresh();
    },
    onSuccess: () => {
      onClose();
      void navigate('/');
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const valid = workspaceName.safeParse(name).success;
    setError(valid ? undefined : 'Give the workspace a name of up to 80 characters.');
    if (!valid) return;
    creation.mutate(name.trim());
  }

  return (
    <form className="form" noValidate onSubmit={submit}>
      <p className="muted">A workspace has its own videos, members and connected accounts.</p>
      <ErrorAlert error={creation.error} />
      <Field
        label="Workspace name"
        name="name"
        autoFocus
        maxLength={80}
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={error}
      />
      <div className="modal-actions">
        <button type="button" className="button button-secondary" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={creation.isPending}>
          {creation.isPending ? 'Creating…' : 'Create workspace'}
        </button>
      </div>
    </form>
  );
}
