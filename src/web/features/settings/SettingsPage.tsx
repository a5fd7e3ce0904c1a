import { PageHeader } from '../../components/PageHeader.js';
import { useMe } from '../../session/sessionContext.js';
import { ActivityPanel } from './ActivityPanel.js';
import { DeleteWorkspacePanel } from './DeleteWorkspacePanel.js';
import { InvitationsPanel } from './InvitationsPanel.js';
import { MembersPanel } from './MembersPanel.js';
import { ApprovalSettingPanel } from '../review/ApprovalSettingPanel.js';
import { WorkspaceNamePanel } from './WorkspaceNamePanel.js';

export function SettingsPage() {
  const me = useMe();
  const isOwner = me.role === 'owner';
  return (
    <>
      <PageHeader
        title="Settings"
        description={
          isOwner
            ? 'Name this workspace, choose who can work in it and what each person may do.'
            : 'Who works in this workspace. Only owners can change these settings.'
        }
      />
      <div className="stack-large">
        <WorkspaceNamePanel />
        <MembersPanel isOwner={isOwner} />
        {isOwner && <InvitationsPanel />}
        {isOwner && <ApprovalSettingPanel />}
        {isOwner && <ActivityPanel />}
        {isOwner && <DeleteWorkspacePanel />}
      </div>
    </>
  );
}
