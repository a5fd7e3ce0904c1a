import { useState, type FormEvent } from 'react';
import { workspaceName } from '../../../api/workspaces.js';
import { ErrorAlert, SuccessNotice } from '../../components/Alerts.js';
import { Field } from '../../components/Field.js';
import { useAction } from '../../hooks/useAction.js';
import { useMe, useSession } from '../../session/sessionContext.js';
import { renameCurrentWorkspace } from '../workspaces/workspacesApi.js';

export function WorkspaceNamePanel() {
  const me = useMe();
  const { setMe } = useSession();
  const [name, setName] = useState(me.currentWorkspace.name);
  const [error, setError] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);
  const action = useAction();
  const isOwner = me.role === 'owner';

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const valid = workspaceName.safeParse(name).success;
    setError(valid ? undefined : 'Give the workspace a name of up to 80 characters.');
    if (!valid) return;
    const ok = await action.run(async () => {
      const renamed = await renameCurrentWorkspace(name.trim());
      // Update the header and switcher from the answer instead of reloading the session.
      setMe({
        ...me,
        currentWorkspace: renamed,
        workspaces: me.workspaces.map((workspace) => (workspace.id === renamed.id ? renamed : workspace)),
      });
    });
    setSaved(ok);
  }

  return (
    <section className="panel" aria-labelledby="workspace-heading">
      <h2 id="workspace-heading" className="panel-title">
        Workspace
      </h2>
      {isOwner ? (
        <form className="form form-inline" noValidate onSubmit={(event) => void submit(event)}>
          <ErrorAlert error={action.error} />
          {saved && <SuccessNotice>Workspace renamed.</SuccessNotice>}
          <Field
            label="Workspace name"
            name="name"
            maxLength={80}
            value={name}
            onChange={(event) => setName(event.target.value)}
            error={error}
          />
          <button type="submit" className="button button-primary" disabled={action.pending}>
            {action.pending ? 'Saving…' : 'Save name'}
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
