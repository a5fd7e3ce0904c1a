import { useMutation } from '@tanstack/react-query';
import { ErrorAlert } from '../../components/Alerts.js';
import { usePopoverMenu } from '../../hooks/usePopoverMenu.js';
import { initials } from '../../lib/initials.js';
import { useMe, useSession } from '../../session/sessionContext.js';

export function UserMenu() {
  const { user } = useMe();
  const { signOut } = useSession();
  const { containerRef, toggleProps, panelProps } = usePopoverMenu();
  const signingOut = useMutation({ mutationFn: signOut });

  return (
    <div className="popover-anchor" ref={containerRef}>
      <button type="button" className="avatar-toggle" {...toggleProps}>
        <span className="avatar" aria-hidden="true">
          {initials(user.name)}
        </span>
        <span className="visually-hidden">Account: {user.name}</span>
      </button>
      <div className="popover popover-end" {...panelProps}>
        <div className="account-summary">
          <p className="account-name">{user.name}</p>
          <p className="account-email">{user.email}</p>
        </div>
        <ErrorAlert error={signingOut.error} />
        <div className="popover-footer">
          {/* Once signed out, the route guard takes the user to the sign-in page. */}
          <button type="button" className="menu-item" onClick={() => signingOut.mutate()}>
            {signingOut.isPending ? 'Signing out…' : 'Sign out'}
          </button>
        </div>
      </div>
    </div>
  );
}
