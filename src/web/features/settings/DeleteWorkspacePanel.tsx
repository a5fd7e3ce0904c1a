import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../components/Alerts.js';
import { Field } from '../../components/Field.js';
import { useMe, useSession } from '../../session/sessionContext.js';
import { deleteCurrentWorkspace } from '../privacy/deletionApi.js';
import { workspaceNameConfirms } from '../privacy/deletionText.js';

/** For owners: deletes the current workspace whole, after its name is typed. */
export function DeleteWorkspacePanel() {
  const me = useMe();
  const { refresh } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | undefined>();
  const deletion = useMutation({
    mutationFn: deleteCurrentWorkspace,
    // The server moved this session to another workspace (or a fresh one); show that one.
    onSuccess: async () => {
      queryClient.clear();
      await refresh();
      void navigate('/');
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const ok = workspaceNameConfirms(typed, me.currentWorkspace.name);
    setError(ok ? undefined : `Type ${me.currentWorkspace.name} exactly to confirm.`);
    if (ok) deletion.mutate(typed);
  }

  return (
    <section className="panel" aria-labelledby="delete-workspace-heading">
      <h2 id="delete-workspace-heading" className="panel-title">
        Delete this workspace
      </h2>
      <p>
        Everything in {me.currentWorkspace.name} is deleted for every member: videos, versions, media files,
        statistics, reviews, planned publications and the activity log. Its connected accounts are revoked at
        the platforms, then their tokens deleted. Members keep their other workspaces. This cannot be undone.
      </p>
      <form className="form" noValidate onSubmit={submit}>
        <ErrorAlert error={deletion.error} />
        <Field
          label="Type the workspace name to confirm"
          autoComplete="off"
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          error={error}
        />
        <button type="submit" className="button button-danger" disabled={deletion.isPending}>
          {deletion.isPending ? 'Deleting…' : 'Delete this workspace'}
        </button>
      </form>
    </section>
  );
}
