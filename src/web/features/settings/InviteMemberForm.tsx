import { useState, type FormEvent } from 'react';
import type { Role } from '../../../api/common.js';
import type { CreatedInvitation } from '../../../api/workspaces.js';
import { ErrorAlert, SuccessNotice } from '../../components/Alerts.js';
import { CopyField } from '../../components/CopyField.js';
import { Field } from '../../components/Field.js';
import { useAction } from '../../hooks/useAction.js';
import { roleDescriptions, roleLabels } from '../../lib/roles.js';
import { emailError, focusFirstInvalid } from '../../lib/validation.js';
import { createInvitation } from './membersApi.js';
import { RoleSelect } from './RoleSelect.js';

export function InviteMemberForm({ onCreated }: { onCreated: () => void }) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [error, setError] = useState<string | undefined>();
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const action = useAction();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = emailError(email);
    setError(found);
    if (found) return focusFirstInvalid(event.currentTarget, { email: found });
    const ok = await action.run(async () => setCreated(await createInvitation(email.trim(), role)));
    if (ok) {
      setEmail('');
      onCreated();
    }
  }

  return (
    <div className="stack">
      {created && (
        <div className="invite-result">
          <SuccessNotice>
            Invitation ready for <strong>{created.invitation.email}</strong> as{' '}
            {roleLabels[created.invitation.role]}.
          </SuccessNotice>
          {/* The token is only returned now: once this box is closed the link cannot be shown again. */}
          <CopyField label="Invitation link" value={created.acceptUrl} />
          <p className="muted">
            Send this link to them yourself. It is shown only once and works a single time; if it gets lost,
            revoke the invitation and create a new one.
          </p>
          <button type="button" className="button button-secondary" onClick={() => setCreated(null)}>
            Done
          </button>
        </div>
      )}
      <form className="form form-row" noValidate onSubmit={(event) => void submit(event)}>
        <ErrorAlert error={action.error} />
        <Field
          label="Email address"
          name="email"
          type="email"
          autoComplete="off"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={error}
        />
        <RoleSelect label="Role" value={role} onChange={setRole} />
        <button type="submit" className="button button-primary" disabled={action.pending}>
          {action.pending ? 'Inviting…' : 'Invite'}
        </button>
      </form>
      <p className="muted">
        {roleLabels[role]}: {roleDescriptions[role]}
      </p>
    </div>
  );
}
