import type { PublicationStatus } from './publishApi.js';
import { STATUS_LABELS } from './publicationStatus.js';

/** A publication's status as a coloured word. */
export function PublicationStatusBadge({ status }: { status: PublicationStatus }) {
  return (
    <span className={`badge publication-status publication-status-${status}`}>{STATUS_LABELS[status]}</span>
  );
}
