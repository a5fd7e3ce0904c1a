import { useQuery } from '@tanstack/react-query';
import type { ConnectionView } from '../../../api/connections.js';
import { usePagedQuery } from '../../api/pagedQuery.js';
import { ErrorAlert } from '../../components/Alerts.js';
import { AccountAvatar } from '../connections/AccountAvatar.js';
import { connectionKeys, listConnections } from '../connections/connectionsApi.js';
import { platformLabels, statusLabels } from '../connections/platformLabels.js';
import { workspaceSettingsQuery } from '../review/reviewApi.js';

function AccountRow({ connection }: { connection: ConnectionView }) {
  return (
    <li className="connection-head">
      <AccountAvatar name={connection.displayName} url={connection.avatarUrl} />
      <div className="connection-identity">
        <p className="connection-name">{connection.displayName}</p>
        <p className="connection-platform">
          {platformLabels[connection.platform]} · account id <code>{connection.externalAccountId}</code> ·{' '}
          {statusLabels[connection.status]}
        </p>
      </div>
    </li>
  );
}

/**
 * The workspace's connected accounts, and what each way of ending their access deletes. Every sentence follows
 * the server: ConnectionService.disconnect, PlatformEventsService (TikTok webhook, Meta callbacks) and
 * TokenRefreshService (Google's invalid_grant).
 */
export function ConnectionsPrivacyPanel() {
  const connections = usePagedQuery({ queryKey: connectionKeys.list, loadPage: listConnections });
  const settings = useQuery(workspaceSettingsQuery);
  const stats =
    settings.data?.retention.statsOnDisconnect === 'delete'
      ? 'its statistics are deleted too (this workspace’s retention setting)'
      : 'its statistics are kept (this workspace’s retention setting; an owner can change it under Retention)';
  return (
    <section className="panel" aria-labelledby="privacy-connections">
      <h2 id="privacy-connections">Connected accounts and revocation</h2>
      <ErrorAlert error={connections.error ?? settings.error} />
      {connections.status === 'ready' && connections.items.length === 0 && (
        <p className="muted">This workspace has no connected account.</p>
      )}
      {connections.items.length > 0 && (
        <ul className="stack" aria-label="Connected accounts">
          {connections.items.map((c) => (
            <AccountRow key={c.id} connection={c} />
          ))}
        </ul>
      )}
      {connections.hasMore && (
        <p>
          More accounts are on <a href="/connections">Connections</a>.
        </p>
      )}
      <h3>What ending access deletes</h3>
      <dl>
        <dt>Disconnect, on Connections (owners and editors)</dt>
        <dd>
          AI Factory revokes its access at TikTok and YouTube (Google); Instagram has no way for an app to do
          that, so remove AI Factory in Instagram’s settings too. Then the access and refresh tokens and the
          connection are deleted here before the page answers; {stats}. Published videos stay on the platform.
        </dd>
        <dt>Removing AI Factory in TikTok</dt>
        <dd>
          TikTok tells AI Factory at once (authorization removed): the tokens are deleted, the account shows
          as Revoked, and {stats}.
        </dd>
        <dt>Removing AI Factory in Instagram</dt>
        <dd>
          Instagram tells AI Factory at once (deauthorize): the tokens are deleted, the account shows as
          Revoked, and {stats}. If you also ask Instagram to delete your data, the connection, its tokens and
          its statistics are all deleted, and Instagram gives you a confirmation code with a status page.
        </dd>
        <dt>Removing AI Factory in your Google account (YouTube)</dt>
        <dd>
          Google tells apps nothing. At the next token refresh or call Google refuses the grant: the tokens
          are deleted and the account shows as Needs reconnect. Its statistics stay, as the same refusal also
          comes when a grant merely expired; disconnect it to apply the retention setting.
        </dd>
      </dl>
    </section>
  );
}
