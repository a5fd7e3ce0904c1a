import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { PublicationView } from '../../../api/publishing.js';
import { ErrorAlert } from '../../components/Alerts.js';
import { platformLabels } from '../connections/platformLabels.js';
import { PublicationDetails } from './PublicationDetails.js';
import { PublicationStatusBadge } from './PublicationStatusBadge.js';
import { listAllPublications, publishKeys } from './publishApi.js';
import { plannedAt, pollInterval } from './publicationStatus.js';
import { formatPlanned } from './scheduleTime.js';

function accountName(publication: PublicationView): string {
  return `${platformLabels[publication.platform]} · ${publication.account?.displayName ?? 'Removed account'}`;
}

/** Every publication of one item, read again every few seconds while any of them is still on its way. */
export function PublicationList({ itemId }: { itemId: string }) {
  const filter = { itemId };
  const query = useQuery({
    queryKey: publishKeys.list(filter),
    queryFn: ({ signal }) => listAllPublications(filter, signal),
    refetchInterval: (q) => pollInterval(q.state.data ?? [], new Date()),
  });
  const [openId, setOpenId] = useState<string | null>(null);
  const items = query.data ?? [];
  return (
    <div className="stack publication-list">
      <h3 className="subsection-title">Publications</h3>
      {query.error && <ErrorAlert error={query.error} />}
      {query.isSuccess && items.length === 0 && <p className="muted">Not published anywhere yet.</p>}
      {items.length > 0 && (
        <ul className="publication-rows" aria-label="Publications of this video">
          {items.map((publication) => (
            <li key={publication.id} className="publication-row" aria-label={accountName(publication)}>
              <span className="publication-row-name">{accountName(publication)}</span>
              <PublicationStatusBadge status={publication.status} />
              <span className="muted">{formatPlanned(plannedAt(publication))}</span>
              {publication.url && (
                <a href={publication.url} target="_blank" rel="noreferrer noopener">
                  Open on {platformLabels[publication.platform]}
                </a>
              )}
              <button
                type="button"
                className="button button-secondary"
                onClick={() => setOpenId(publication.id)}
              >
                Details
              </button>
              {publication.error && <p className="publication-row-note">{publication.error.message}</p>}
              {publication.deferral && <p className="publication-row-note">{publication.deferral.reason}</p>}
            </li>
          ))}
        </ul>
      )}
      <PublicationDetails id={openId} onClose={() => setOpenId(null)} />
    </div>
  );
}
