import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { MemberView } from '../../../api/workspaces.js';
import { usePagedQuery } from '../../api/pagedQuery.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ErrorAlert } from '../../components/Alerts.js';
import { Loading } from '../../components/Loading.js';
import { useMe, useSession } from '../../session/sessionContext.js';
import { listMembers, memberKeys, removeMember } from './membersApi.js';
import { MemberRow } from './MemberRow.js';

export function MembersPanel({ isOwner }: { isOwner: boolean }) {
  const me = useMe();
  const { refresh } = useSession();
  const queryClient = useQueryClient();
  const members = usePagedQuery({ queryKey: memberKeys.members, loadPage: listMembers });
  const [removing, setRemoving] = useState<MemberView | null>(null);

  // Changing your own membership changes what you may do here: reload the session.
  async function afterChange(member: MemberView) {
    await queryClient.invalidateQueries({ queryKey: memberKeys.members });
    if (member.userId === me.user.id) await refresh();
  }

  async function confirmRemove() {
    if (!removing) return;
    await removeMember(removing.userId);
    await queryClient.invalidateQueries({ queryKey: memberKeys.members });
    if (removing.userId === me.user.id) await refresh();
  }

  return (
    <section className="panel" aria-labelledby="members-heading">
      <h2 id="members-heading" className="panel-title">
        Members
      </h2>
      {members.status === 'loading' && <Loading label="Loading members…" />}
      {members.status === 'error' && (
        <div className="stack">
          <ErrorAlert error={members.error} />
          <button type="button" className="button button-secondary" onClick={members.reload}>
            Try again
          </button>
        </div>
      )}
      {members.status === 'ready' && (
        <>
          <ul className="member-list" aria-label="Members">
            {members.items.map((member) => (
              <MemberRow
                key={member.userId}
                member={member}
                isYou={member.userId === me.user.id}
                canManage={isOwner}
                onUpdated={afterChange}
                onRemove={() => setRemoving(member)}
              />
            ))}
          </ul>
          {members.items.length > 0 && members.error && <ErrorAlert error={members.error} />}
          {members.hasMore && (
            <button
              type="button"
              className="button button-secondary"
              onClick={members.loadMore}
              disabled={members.loadingMore}
            >
              {members.loadingMore ? 'Loading…' : 'Show more members'}
            </button>
          )}
        </>
      )}
      <ConfirmDialog
        open={removing !== null}
        title={`Remove ${removing?.name ?? 'member'}?`}
        confirmLabel="Remove member"
        onConfirm={confirmRemove}
        onClose={() => setRemoving(null)}
      >
        <p>
          {removing?.name} ({removing?.email}) will lose access to {me.currentWorkspace.name} right away. You
          can invite them again later.
        </p>
      </ConfirmDialog>
    </section>
  );
}
