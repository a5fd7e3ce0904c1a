import { useState } from 'react';
import type { Role } from '../../../api/common.js';
import type { CreatedInvitation } from '../../../api/workspaces.js';
import { ActionForm } from '../../components/ActionForm.js';
import { SuccessNotice } from '../../components/Alerts.js';
import { CopyField } from '../../components/CopyField.js';
import { Field } from '../../components/Field.js';
import { useActionForm } from '../../hooks/useActionForm.js';
import { roleDescriptions, roleLabels } from '../../lib/roles.js';
import { emailError } from '../../lib/validation.js';
import { createInvitation } from './membersApi.js';
import { RoleSelect } from './RoleSelect.js';

export function InviteMemberForm({ onCreated }: { onCreated: () => void }) {
  const [role, setRole] = useState<Role>('editor');
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const form = useActionForm(
    { email: '' },
    {
      validate: ({ email }) => ({ email: emailError(email) }),
      run: async ({ email }) => setCreated(await createInvitation(email.trim(), role)),
      onSuccess: () => {
        form.setValue('email', '');
        onCreated();
      },
    },
  );

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
      <ActionForm form={form} className="form form-row" submitLabel="Invite" pendingLabel="Inviting…">
        <Field label="Email address" type="email" autoComplete="off" {...form.field('email')} />
        <RoleSelect label="Role" value={role} onChange={setRole} />
      </ActionForm>
      <p className="muted">
        {roleLabels[role]}: {roleDescriptions[role]}
      </p>
    </div>
  );
}
