import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { workspaceName } from '../../../api/workspaces.js';
import { ErrorAlert, SuccessNotice } from '../../components/Alerts.js';
import { Field } from '../../components/Field.js';
import { useMe, useSession } from '../../session/sessionContext.js';
import { renameCurrentWorkspace } from '../workspaces/workspacesApi.js';

export function WorkspaceNamePanel() {
  const me = useMe();
  const { setMe } = useSession();
  const [name, setName] = useState(me.currentWorkspace.name);
  const [error, setError] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);
  const rename = useMutation({
    mutationFn: renameCurrentWorkspace,
    // Update the header and switcher from the answer instead of reloading the session.
    onSuccess: (renamed) => {
      setMe({
        ...me,
        currentWorkspace: renamed,
        workspaces: me.workspaces.map((workspace) => (workspace.id === renamed.id ? renamed : workspace)),
      });
      setSaved(true);
    },
  });
  const isOwner = me.role === 'owner';

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const valid = workspaceName.safeParse(name).success;
    setError(valid ? undefined : 'Give the workspace a name of up to 80 characters.');
    if (!valid) return;
    rename.mutate(name.trim());
  }

  return (
    <section className="panel" aria-labelledby="workspace-heading">
      <h2 id="workspace-heading" className="panel-title">
        Workspace
      </h2>
      {isOwner ? (
        <form className="form form-inline" noValidate onSubmit={submit}>
          <ErrorAlert error={rename.error} />
          {saved && <SuccessNotice>Workspace renamed.</SuccessNotice>}
          <Field
            label="Workspace name"
            name="name"
            maxLength={80}
            value={name}
            onChange={(event) => setName(event.target.value)}
            error={error}
          />
          <button type="submit" className="button button-primary" disabled={rename.isPending}>
            {rename.isPending ? 'Saving…' : 'Save name'}
          </button>
        </form>
      ) : (
        <dl className="details">
          <dt>Name</dt>
          <dd>{me.currentWorkspace.name}</dd>
        </dl>
      )}
    </section>
  );
}
