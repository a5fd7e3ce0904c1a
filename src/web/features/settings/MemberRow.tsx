import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { Role } from '../../../api/common.js';
import type { MemberView } from '../../../api/workspaces.js';
import { ErrorAlert } from '../../components/Alerts.js';
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
  // Shows the chosen role while the change is saved; falls back to the server's value if it fails.
  const [pendingRole, setPendingRole] = useState<Role | null>(null);
  const change = useMutation({
    mutationFn: (role: Role) => changeMemberRole(member.userId, role),
    onMutate: (role) => setPendingRole(role),
    onSuccess: onUpdated,
    onSettled: () => setPendingRole(null),
  });

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
            disabled={change.isPending}
            onChange={(role) => change.mutate(role)}
          />
          <button type="button" className="button button-quiet-danger" onClick={onRemove}>
            Remove<span className="visually-hidden"> {member.name}</span>
          </button>
        </div>
      ) : (
        <span className="badge">{roleLabels[member.role]}</span>
      )}
      {Boolean(change.error) && (
        <div className="member-error">
          <ErrorAlert error={change.error} />
        </div>
      )}
    </li>
  );
}
