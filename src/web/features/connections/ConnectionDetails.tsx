import type { ConnectionView } from '../../../api/connections.js';
import { scopeLabel, shortScope } from './platformLabels.js';
import { TimeValue } from './TimeValue.js';

function MaskedToken({ value }: { value: string | null }) {
  if (value === null) return <span className="muted">None stored</span>;
  return <code className="masked-token">{value}</code>;
}

/** Everything AI Factory holds about one connected account; tokens only ever appear masked. */
export function ConnectionDetails({ connection }: { connection: ConnectionView }) {
  return (
    <dl className="connection-details">
      <div>
        <dt>Account ID</dt>
        <dd>
          <code>{connection.externalAccountId}</code>
        </dd>
      </div>
      <div className="connection-detail-wide">
        <dt>Permissions granted</dt>
        <dd>
          {connection.scopes.length === 0 ? (
            <span className="muted">None</span>
          ) : (
            <ul className="scope-list">
              {connection.scopes.map((scope) => (
                <li key={scope} className="scope-chip">
                  {scopeLabel(scope)} <code>{shortScope(scope)}</code>
                </li>
              ))}
            </ul>
          )}
        </dd>
      </div>
      <div>
        <dt>Access token expires</dt>
        <dd>
          <TimeValue iso={connection.accessTokenExpiresAt} missing="No expiry given" expiry />
        </dd>
      </div>
      <div>
        <dt>Refresh token expires</dt>
        <dd>
          <TimeValue iso={connection.refreshTokenExpiresAt} missing="No expiry given" expiry />
        </dd>
      </div>
      <div>
        <dt>Access token (masked)</dt>
        <dd>
          <MaskedToken value={connection.maskedAccessToken} />
        </dd>
      </div>
      <div>
        <dt>Refresh token (masked)</dt>
        <dd>
          <MaskedToken value={connection.maskedRefreshToken} />
        </dd>
      </div>
      <div>
        <dt>Last refreshed</dt>
        <dd>
          <TimeValue iso={connection.lastRefreshedAt} missing="Not yet" />
        </dd>
      </div>
    </dl>
  );
}
