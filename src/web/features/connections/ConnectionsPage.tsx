import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { ConnectionView } from '../../../api/connections.js';
import { usePagedQuery } from '../../api/pagedQuery.js';
import { ErrorAlert, SuccessNotice } from '../../components/Alerts.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useMe } from '../../session/sessionContext.js';
import { auditKeys } from '../settings/activityApi.js';
import { ConnectionList } from './ConnectionList.js';
import { connectionKeys, disconnectConnection, listConnections, platformsQuery } from './connectionsApi.js';
import { ConnectPlatforms } from './ConnectPlatforms.js';
import { platformLabels } from './platformLabels.js';
import { SandboxNotice } from './SandboxNotice.js';
import { useCallbackOutcome, type Notice } from './useCallbackOutcome.js';

function disconnectedText(connection: ConnectionView, revokedAtPlatform: boolean): string {
  const platform = platformLabels[connection.platform];
  const what = `Disconnected ${connection.displayName} (${platform})`;
  if (revokedAtPlatform)
    return `${what}: access was revoked at ${platform} and its tokens were deleted from AI Factory.`;
  // Instagram gives apps no revoke call: only the person can remove the app there.
  return connection.platform === 'instagram'
    ? `${what}: its tokens were deleted from AI Factory. Instagram lets only you end the access: remove AI Factory in Instagram's settings, under apps and websites.`
    : `${what}: its tokens were deleted from AI Factory. ${platform} could not be asked to revoke the access, so you may also want to remove AI Factory in the account's settings on ${platform}.`;
}

export function ConnectionsPage() {
  const me = useMe();
  // Mirrors the server's connections.manage permission; the server checks it again on every request.
  const canManage = me.role === 'owner' || me.role === 'editor';
  const outcome = useCallbackOutcome();
  const [notice, setNotice] = useState<(Notice & { focus?: boolean }) | null>(outcome);
  const queryClient = useQueryClient();
  const platforms = useQuery(platformsQuery);
  const connections = usePagedQuery({ queryKey: connectionKeys.list, loadPage: listConnections });
  const [disconnecting, setDisconnecting] = useState<ConnectionView | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  // The Disconnect button is gone with its card, so focus lands on the notice once the dialog has closed.
  useEffect(() => {
    if (notice?.focus && disconnecting === null) noticeRef.current?.focus();
  }, [notice, disconnecting]);

  async function confirmDisconnect() {
    if (!disconnecting) return;
    const target = disconnecting;
    const { revokedAtPlatform } = await disconnectConnection(target.id);
    // The disconnection is in the activity log too.
    void queryClient.invalidateQueries({ queryKey: auditKeys.list });
    await queryClient.invalidateQueries({ queryKey: connectionKeys.list });
    setNotice({ ok: true, focus: true, text: disconnectedText(target, revokedAtPlatform) });
  }

  return (
    <>
      <PageHeader
        title="Connections"
        description={
          canManage
            ? 'The TikTok, Instagram and YouTube accounts this workspace publishes to. You can disconnect one at any time.'
            : 'The TikTok, Instagram and YouTube accounts this workspace publishes to. Only owners and editors can connect or disconnect accounts.'
        }
      />
      <div className="stack-large">
        {notice && (
          <div ref={noticeRef} tabIndex={-1}>
            {notice.ok ? (
              <SuccessNotice>{notice.text}</SuccessNotice>
            ) : (
              <ErrorAlert>{notice.text}</ErrorAlert>
            )}
          </div>
        )}
        {platforms.data?.sandbox && <SandboxNotice />}
        {canManage && (
          <section className="panel" aria-labelledby="connect-heading">
            <h2 id="connect-heading" className="panel-title">
              Connect an account
            </h2>
            <p className="muted">
              You will be sent to the platform to sign in and choose what AI Factory may do, then brought back
              here.
            </p>
            {platforms.status === 'pending' && <Loading label="Loading platforms…" />}
            {platforms.status === 'error' && <ErrorAlert error={platforms.error} />}
            {platforms.status === 'success' && <ConnectPlatforms available={platforms.data} />}
          </section>
        )}
        <ConnectionList connections={connections} canManage={canManage} onDisconnect={setDisconnecting} />
      </div>
      <ConfirmDialog
        open={disconnecting !== null}
        title={`Disconnect ${disconnecting?.displayName ?? 'account'}?`}
        confirmLabel="Disconnect"
        onConfirm={confirmDisconnect}
        onClose={() => setDisconnecting(null)}
      >
        <p>
          AI Factory will revoke its access at{' '}
          {disconnecting ? platformLabels[disconnecting.platform] : 'the platform'} where the platform allows
          it, and delete this account&apos;s tokens from AI Factory.
        </p>
      </ConfirmDialog>
    </>
  );
}
