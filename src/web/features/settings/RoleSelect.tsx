import { useId } from 'react';
import type { Role } from '../../../api/common.js';
import { roleLabels, roles } from '../../lib/roles.js';

interface RoleSelectProps {
  label: string;
  value: Role;
  onChange: (role: Role) => void;
  disabled?: boolean;
  /** Row selects keep their label for screen readers only. */
  hideLabel?: boolean;
}

export function RoleSelect({ label, value, onChange, disabled, hideLabel = false }: RoleSelectProps) {
  const id = useId();
  return (
    <div className={hideLabel ? 'select-inline' : 'field'}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        onChange={(event) => {
          const role = roles.find((candidate) => candidate === event.target.value);
          if (role) onChange(role);
        }}
      >
        {roles.map((role) => (
          <option key={role} value={role}>
            {roleLabels[role]}
          </option>
        ))}
      </select>
    </div>
  );
}
