import { useQueryClient } from '@tanstack/react-query';
import { usePagedQuery } from '../../api/pagedQuery.js';
import { InviteMemberForm } from './InviteMemberForm.js';
import { listInvitations, memberKeys } from './membersApi.js';
import { PendingInvitations } from './PendingInvitations.js';

/** Owners only: invite people and keep track of invitations nobody has accepted yet. */
export function InvitationsPanel() {
  const queryClient = useQueryClient();
  const invitations = usePagedQuery({ queryKey: memberKeys.invitations, loadPage: listInvitations });
  const refreshInvitations = () => queryClient.invalidateQueries({ queryKey: memberKeys.invitations });
  return (
    <section className="panel" aria-labelledby="invite-heading">
      <h2 id="invite-heading" className="panel-title">
        Invite people
      </h2>
      <InviteMemberForm onCreated={() => void refreshInvitations()} />
      <h3 className="subsection-title">Pending invitations</h3>
      <PendingInvitations invitations={invitations} onRevoked={refreshInvitations} />
    </section>
  );
}
