import type { DragEvent } from 'react';
import type { PublicationView } from '../../../api/publishing.js';
import { platformLabels } from '../connections/platformLabels.js';
import { PublicationStatusBadge } from '../publish/PublicationStatusBadge.js';
import { canReschedule, plannedAt } from '../publish/publicationStatus.js';
import { formatClock } from '../publish/scheduleTime.js';

export const DRAG_TYPE = 'application/x-aif-publication';

interface CalendarEntryProps {
  publication: PublicationView;
  onOpen: (id: string) => void;
}

/** One publication on its day: time, platform, account, cover and status; scheduled or queued ones can be dragged. */
export function CalendarEntry({ publication, onOpen }: CalendarEntryProps) {
  const movable = canReschedule(publication.status);
  const platform = platformLabels[publication.platform];
  const account = publication.account?.displayName ?? 'Removed account';
  function onDragStart(event: DragEvent<HTMLLIElement>) {
    event.dataTransfer.setData(DRAG_TYPE, publication.id);
    event.dataTransfer.setData('text/plain', publication.id);
    event.dataTransfer.effectAllowed = 'move';
  }
  return (
    <li
      className={`calendar-entry calendar-entry-${publication.platform}`}
      draggable={movable}
      onDragStart={movable ? onDragStart : undefined}
      aria-label={`${platform} · ${account}`}
    >
      <button type="button" className="calendar-entry-button" onClick={() => onOpen(publication.id)}>
        {publication.coverUrl && (
          <img className="calendar-entry-cover" src={publication.coverUrl} alt="" width={28} height={50} />
        )}
        <span className="calendar-entry-text">
          <span className="calendar-entry-time">{formatClock(plannedAt(publication))}</span>
          <span className="calendar-entry-platform">{platform}</span>
          <span className="calendar-entry-account">{account}</span>
          {publication.itemTitle && <span className="visually-hidden">{publication.itemTitle}</span>}
        </span>
      </button>
      <PublicationStatusBadge status={publication.status} />
    </li>
  );
}
