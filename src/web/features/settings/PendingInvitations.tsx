import { useState } from 'react';
import type { InvitationView } from '../../../api/workspaces.js';
import { ErrorAlert } from '../../components/Alerts.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { Loading } from '../../components/Loading.js';
import type { PagedQuery } from '../../api/pagedQuery.js';
import { formatDate, roleLabels } from '../../lib/roles.js';
import { revokeInvitation } from './membersApi.js';

interface PendingInvitationsProps {
  invitations: PagedQuery<InvitationView>;
  /** Resolves once the list no longer shows the revoked invitation. */
  onRevoked: () => Promise<void>;
}

export function PendingInvitations({ invitations, onRevoked }: PendingInvitationsProps) {
  const [revoking, setRevoking] = useState<InvitationView | null>(null);

  async function confirmRevoke() {
    if (!revoking) return;
    await revokeInvitation(revoking.id);
    await onRevoked();
  }

  if (invitations.status === 'loading') return <Loading label="Loading invitations…" />;
  if (invitations.status === 'error') {
    return (
      <div className="stack">
        <ErrorAlert error={invitations.error} />
        <button type="button" className="button button-secondary" onClick={invitations.reload}>
          Try again
        </button>
      </div>
    );
  }

  return (
    <>
      {invitations.items.length === 0 ? (
        <p className="muted">No pending invitations. People you invite show up here until they accept.</p>
      ) : (
        <ul className="member-list" aria-label="Pending invitations">
          {invitations.items.map((invitation) => (
            <li key={invitation.id} className="member-row">
              <div className="member-identity">
                <p className="member-name">{invitation.email}</p>
                <p className="member-email">Expires {formatDate(invitation.expiresAt)}</p>
              </div>
              <span className="badge">{roleLabels[invitation.role]}</span>
              <button
                type="button"
                className="button button-quiet-danger"
                onClick={() => setRevoking(invitation)}
              >
                Revoke<span className="visually-hidden"> invitation for {invitation.email}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {invitations.items.length > 0 && invitations.error && <ErrorAlert error={invitations.error} />}
      {invitations.hasMore && (
        <button
          type="button"
          className="button button-secondary"
          onClick={invitations.loadMore}
          disabled={invitations.loadingMore}
        >
          {invitations.loadingMore ? 'Loading…' : 'Show more invitations'}
        </button>
      )}
      <ConfirmDialog
        open={revoking !== null}
        title="Revoke invitation?"
        confirmLabel="Revoke invitation"
        onConfirm={confirmRevoke}
        onClose={() => setRevoking(null)}
      >
        <p>The link sent to {revoking?.email} will stop working. You can invite them again later.</p>
      </ConfirmDialog>
    </>
  );
}
