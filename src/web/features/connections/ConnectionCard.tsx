import type { ConnectionView } from '../../../api/connections.js';
import { ErrorAlert } from '../../components/Alerts.js';
import { AccountAvatar } from './AccountAvatar.js';
import { ConnectionDetails } from './ConnectionDetails.js';
import { platformLabels, statusExplanation, statusLabels } from './platformLabels.js';
import { useConsentRedirect } from './useConsentRedirect.js';

interface ConnectionCardProps {
  connection: ConnectionView;
  /** Owners and editors; everyone else only sees the account. */
  canManage: boolean;
  onDisconnect: () => void;
}

export function ConnectionCard({ connection, canManage, onDisconnect }: ConnectionCardProps) {
  const reconnect = useConsentRedirect();
  const platform = platformLabels[connection.platform];
  const explanation = statusExplanation(connection.status, connection.platform, canManage);
  const headingId = `connection-${connection.id}`;

  return (
    <li className="card connection-card" aria-labelledby={headingId}>
      <div className="connection-head">
        <AccountAvatar name={connection.displayName} url={connection.avatarUrl} />
        <div className="connection-identity">
          <h3 id={headingId} className="connection-name">
            {connection.displayName}
            <span className="visually-hidden"> on {platform}</span>
          </h3>
          <p className="connection-platform">
            {platform}
            {connection.sandbox && <span className="badge badge-sandbox">Sandbox test account</span>}
          </p>
        </div>
        <span className={`badge status-badge status-${connection.status}`}>
          {statusLabels[connection.status]}
        </span>
      </div>

      {explanation && (
        <div className="connection-problem">
          <p>{explanation}</p>
          {connection.lastError && <p>What went wrong: {connection.lastError}</p>}
        </div>
      )}
      {!explanation && connection.lastError && (
        <p className="connection-warning">Last problem, since recovered: {connection.lastError}</p>
      )}

      <ConnectionDetails connection={connection} />

      {canManage && (
        <div className="connection-actions">
          <button
            type="button"
            className={connection.status === 'active' ? 'button button-secondary' : 'button button-primary'}
            disabled={reconnect.leaving}
            onClick={() => reconnect.open(connection.platform, connection.id)}
          >
            {reconnect.leaving ? `Opening ${platform}…` : 'Reconnect'}
            <span className="visually-hidden">
              {' '}
              {connection.displayName} on {platform}
            </span>
          </button>
          <button type="button" className="button button-quiet-danger" onClick={onDisconnect}>
            Disconnect
            <span className="visually-hidden">
              {' '}
              {connection.displayName} on {platform}
            </span>
          </button>
        </div>
      )}
      {Boolean(reconnect.error) && <ErrorAlert error={reconnect.error} />}
    </li>
  );
}
