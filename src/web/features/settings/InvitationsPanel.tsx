import { InviteMemberForm } from './InviteMemberForm.js';
import { listInvitations } from './membersApi.js';
import { PendingInvitations } from './PendingInvitations.js';
import { usePagedQuery } from '../../hooks/usePagedQuery.js';

/** Owners only: invite people and keep track of invitations nobody has accepted yet. */
export function InvitationsPanel() {
  const invitations = usePagedQuery(listInvitations);
  return (
    <section className="panel" aria-labelledby="invite-heading">
      <h2 id="invite-heading" className="panel-title">
        Invite people
      </h2>
      <InviteMemberForm onCreated={invitations.reload} />
      <h3 className="subsection-title">Pending invitations</h3>
      <PendingInvitations invitations={invitations} />
    </section>
  );
}
