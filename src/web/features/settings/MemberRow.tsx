import { useState } from 'react';
import type { Role } from '../../../api/common.js';
import type { MemberView } from '../../../api/workspaces.js';
import { ErrorAlert } from '../../components/Alerts.js';
import { useAction } from '../../hooks/useAction.js';
import { formatDate, roleLabels } from '../../lib/roles.js';
import { changeMemberRole } from './membersApi.js';
import { RoleSelect } from './RoleSelect.js';

interface MemberRowProps {
  member: MemberView;
  isYou: boolean;
  canManage: boolean;
  onUpdated: (member: MemberView) => Promise<void> | void;
  onRemove: () => void;
}

export function MemberRow({ member, isYou, canManage, onUpdated, onRemove }: MemberRowProps) {
  const action = useAction();
  // Shows the chosen role while the change is saved; falls back to the server's value if it fails.
  const [pendingRole, setPendingRole] = useState<Role | null>(null);

  async function changeRole(role: Role) {
    setPendingRole(role);
    await action.run(async () => onUpdated(await changeMemberRole(member.userId, role)));
    setPendingRole(null);
  }

  return (
    <li className="member-row">
      <div className="member-identity">
        <p className="member-name">
          {member.name}
          {isYou && <span className="badge badge-neutral">You</span>}
        </p>
        <p className="member-email">{member.email}</p>
      </div>
      <p className="member-joined">Joined {formatDate(member.joinedAt)}</p>
      {canManage ? (
        <div className="member-actions">
          <RoleSelect
            label={`Role for ${member.name}`}
            hideLabel
            value={pendingRole ?? member.role}
            disabled={action.pending}
            onChange={(role) => void changeRole(role)}
          />
          <button type="button" className="button button-quiet-danger" onClick={onRemove}>
            Remove<span className="visually-hidden"> {member.name}</span>
          </button>
        </div>
      ) : (
        <span className="badge">{roleLabels[member.role]}</span>
      )}
      {Boolean(action.error) && (
        <div className="member-error">
          <ErrorAlert error={action.error} />
        </div>
      )}
    </li>
  );
}
