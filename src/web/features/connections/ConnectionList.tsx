import type { ConnectionView } from '../../../api/connections.js';
import { ErrorAlert } from '../../components/Alerts.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Loading } from '../../components/Loading.js';
import type { PagedQuery } from '../../api/pagedQuery.js';
import { ConnectionCard } from './ConnectionCard.js';

interface ConnectionListProps {
  connections: PagedQuery<ConnectionView>;
  canManage: boolean;
  onDisconnect: (connection: ConnectionView) => void;
}

export function ConnectionList({ connections, canManage, onDisconnect }: ConnectionListProps) {
  if (connections.status === 'loading') return <Loading label="Loading connected accounts…" />;
  if (connections.status === 'error') {
    return (
      <div className="stack">
        <ErrorAlert error={connections.error} />
        <button type="button" className="button button-secondary" onClick={connections.reload}>
          Try again
        </button>
      </div>
    );
  }
  if (connections.items.length === 0) {
    return (
      <EmptyState heading="No accounts connected" icon="connections">
        <p>
          {canManage
            ? 'Connect a TikTok, Instagram or YouTube account above so videos can be published for you.'
            : 'Nobody has connected an account yet. Owners and editors can connect TikTok, Instagram and YouTube accounts here.'}
        </p>
      </EmptyState>
    );
  }

  return (
    <section className="stack connection-section" aria-labelledby="connected-heading">
      <h2 id="connected-heading" className="section-title">
        Connected accounts
      </h2>
      <p className="muted">
        Tokens are shown masked: only a few characters at each end. The full tokens never leave the server.
      </p>
      <ul className="connection-list" aria-label="Connected accounts">
        {connections.items.map((connection) => (
          <ConnectionCard
            key={connection.id}
            connection={connection}
            canManage={canManage}
            onDisconnect={() => onDisconnect(connection)}
          />
        ))}
      </ul>
      {connections.error && <ErrorAlert error={connections.error} />}
      {connections.hasMore && (
        <button
          type="button"
          className="button button-secondary"
          onClick={connections.loadMore}
          disabled={connections.loadingMore}
        >
          {connections.loadingMore ? 'Loading…' : 'Show more accounts'}
        </button>
      )}
    </section>
  );
}
