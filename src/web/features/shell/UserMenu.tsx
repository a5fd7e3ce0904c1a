import { useCallback, useId, useRef, useState } from 'react';
import { ErrorAlert } from '../../components/Alerts.js';
import { useAction } from '../../hooks/useAction.js';
import { useDismiss } from '../../hooks/useDismiss.js';
import { useMe, useSession } from '../../session/sessionContext.js';

function initials(name: string): string {
  const letters = name
    .split(/[\s@._-]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '');
  return letters.join('') || '?';
}

export function UserMenu() {
  const { user } = useMe();
  const { signOut } = useSession();
  const [open, setOpen] = useState(false);
  const action = useAction();
  const containerRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, containerRef, toggleRef);

  return (
    <div className="popover-anchor" ref={containerRef}>
      <button
        ref={toggleRef}
        type="button"
        className="avatar-toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="avatar" aria-hidden="true">
          {initials(user.name)}
        </span>
        <span className="visually-hidden">Account: {user.name}</span>
      </button>
      <div id={panelId} className="popover popover-end" hidden={!open}>
        <div className="account-summary">
          <p className="account-name">{user.name}</p>
          <p className="account-email">{user.email}</p>
        </div>
        <ErrorAlert error={action.error} />
        <div className="popover-footer">
          {/* Once signed out, the route guard takes the user to the sign-in page. */}
          <button type="button" className="menu-item" onClick={() => void action.run(signOut)}>
            {action.pending ? 'Signing out…' : 'Sign out'}
          </button>
        </div>
      </div>
    </div>
  );
}
