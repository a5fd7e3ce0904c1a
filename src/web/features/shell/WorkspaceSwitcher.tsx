import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../components/Alerts.js';
import { Icon } from '../../components/Icon.js';
import { usePopoverMenu } from '../../hooks/usePopoverMenu.js';
import { roleLabels } from '../../lib/roles.js';
import { useMe, useSession } from '../../session/sessionContext.js';
import { switchWorkspace } from '../workspaces/workspacesApi.js';
import { CreateWorkspaceDialog } from './CreateWorkspaceDialog.js';

export function WorkspaceSwitcher() {
  const me = useMe();
  const { setMe } = useSession();
  const { containerRef, toggleProps, panelProps, panelId, closeAndRefocus } = usePopoverMenu();
  const [creating, setCreating] = useState(false);
  const switching = useMutation({
    mutationFn: switchWorkspace,
    // The shell re-mounts the page for the new workspace once /api/me says so.
    onSuccess: (me) => {
      setMe(me);
      closeAndRefocus();
    },
  });
  const currentId = me.currentWorkspace.id;

  function choose(workspaceId: string) {
    if (workspaceId === currentId) return closeAndRefocus();
    switching.mutate(workspaceId);
  }

  return (
    <div className="popover-anchor switcher" ref={containerRef}>
      <button type="button" className="switcher-toggle" {...toggleProps}>
        <span className="visually-hidden">Workspace: </span>
        <span className="switcher-name">{me.currentWorkspace.name}</span>
        <Icon name="chevronDown" className="icon icon-small" />
      </button>
      <div className="popover popover-start" {...panelProps}>
        <p className="popover-heading" id={`${panelId}-heading`}>
          Your workspaces
        </p>
        <ul className="menu-list" aria-labelledby={`${panelId}-heading`}>
          {me.workspaces.map((workspace) => {
            const current = workspace.id === currentId;
            return (
              <li key={workspace.id}>
                <button
                  type="button"
                  className="menu-item"
                  aria-current={current ? 'true' : undefined}
                  disabled={switching.isPending}
                  onClick={() => choose(workspace.id)}
                >
                  <span className="menu-item-text">
                    <span className="menu-item-name">{workspace.name}</span>
                    <span className="menu-item-meta">{roleLabels[workspace.role]}</span>
                  </span>
                  {current && <Icon name="check" className="icon icon-small" />}
                </button>
              </li>
            );
          })}
        </ul>
        <ErrorAlert error={switching.error} />
        <div className="popover-footer">
          <button
            type="button"
            className="menu-item"
            onClick={() => {
              // The dialog restores focus to whatever had it before it opened: make that the toggle.
              closeAndRefocus();
              setCreating(true);
            }}
          >
            <Icon name="plus" className="icon icon-small" />
            <span>New workspace</span>
          </button>
        </div>
      </div>
      <CreateWorkspaceDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
