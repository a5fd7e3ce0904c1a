import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Modal } from '../../components/Modal.js';
import { Loading } from '../../components/Loading.js';
import { ErrorAlert } from '../../components/Alerts.js';
import { platformLabels } from '../connections/platformLabels.js';
import { PublicationActions } from './PublicationActions.js';
import { PublicationStatusBadge } from './PublicationStatusBadge.js';
import { publicationQuery, publishKeys } from './publishApi.js';
import { plannedAt, pollInterval } from './publicationStatus.js';
import { formatPlanned } from './scheduleTime.js';

interface PublicationDetailsProps {
  /** The publication to show; null keeps the drawer closed. */
  id: string | null;
  onClose: () => void;
}

/** A publication's status, timeline, error and link, with retry, cancel and reschedule where they apply. */
export function PublicationDetails({ id, onClose }: PublicationDetailsProps) {
  return (
    <Modal open={id !== null} title="Publication" onClose={onClose}>
      {id && <DetailsBody id={id} />}
      <div className="modal-actions">
        <button type="button" className="button button-secondary" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}

function DetailsBody({ id }: { id: string }) {
  const queryClient = useQueryClient();
  const query = useQuery({
    ...publicationQuery(id),
    refetchInterval: (q) => (q.state.data ? pollInterval([q.state.data], new Date()) : false),
  });
  // Every list showing this publication reads it again after a change.
  const refresh = () => queryClient.invalidateQueries({ queryKey: publishKeys.all });
  const change = useMutation({
    mutationFn: async (action: () => Promise<unknown>) => action(),
    onSettled: refresh,
  });
  if (query.isPending) return <Loading label="Loading the publication…" />;
  if (query.error) return <ErrorAlert error={query.error} />;
  const publication = query.data;
  const platform = platformLabels[publication.platform];
  return (
    <div className="modal-body stack publication-details">
      <p>
        <strong>{platform}</strong> · {publication.account?.displayName ?? 'Removed account'}
        {publication.itemTitle && <> · {publication.itemTitle}</>}
      </p>
      <p>
        Status: <PublicationStatusBadge status={publication.status} />
      </p>
      <p>
        {publication.scheduledAt ? 'Planned for ' : 'Asked for '}
        {formatPlanned(plannedAt(publication))}
        {publication.timeZone && <span className="muted"> ({publication.timeZone})</span>}
      </p>
      {publication.deferral && (
        <p className="panel muted">
          Waiting: {publication.deferral.reason} (until {formatPlanned(publication.deferral.until)})
        </p>
      )}
      {publication.error && <ErrorAlert>{publication.error.message}</ErrorAlert>}
      {publication.url && (
        <p>
          <a href={publication.url} target="_blank" rel="noreferrer noopener">
            Open on {platform}
          </a>
        </p>
      )}
      <PublicationActions publication={publication} change={change} />
      <h3 className="subsection-title">Timeline</h3>
      <ol className="publication-timeline" aria-label="Timeline">
        {publication.timeline.map((entry, index) => (
          <li key={`${entry.at}-${index}`}>
            <time dateTime={entry.at}>{formatPlanned(entry.at)}</time>{' '}
            <PublicationStatusBadge status={entry.status} /> {entry.detail}
          </li>
        ))}
      </ol>
    </div>
  );
}
