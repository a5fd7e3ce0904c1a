import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { workspaceName } from '../../../api/workspaces.js';
import { ErrorAlert } from '../../components/Alerts.js';
import { Field } from '../../components/Field.js';
import { Modal } from '../../components/Modal.js';
import { useAction } from '../../hooks/useAction.js';
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
  const action = useAction();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const valid = workspaceName.safeParse(name).success;
    setError(valid ? undefined : 'Give the workspace a name of up to 80 characters.');
    if (!valid) return;
    // The new workspace becomes current on the server; reload the session to show it.
    const created = await action.run(async () => {
      await createWorkspace(name.trim());
      await refresh();
    });
    if (created) {
      onClose();
      void navigate('/');
    }
  }

  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)}>
      <p className="muted">A workspace has its own videos, members and connected accounts.</p>
      <ErrorAlert error={action.error} />
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
        <button type="submit" className="button button-primary" disabled={action.pending}>
          {action.pending ? 'Creating…' : 'Create workspace'}
        </button>
      </div>
    </form>
  );
}
