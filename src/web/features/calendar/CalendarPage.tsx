import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorAlert, SuccessNotice } from '../../components/Alerts.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { PublicationDetails } from '../publish/PublicationDetails.js';
import { listAllPublications, publishKeys } from '../publish/publishApi.js';
import { pollInterval } from '../publish/publicationStatus.js';
import { zoneLabel } from '../publish/scheduleTime.js';
import { shiftAnchor, visibleDays, visibleRange, type CalendarView } from './calendarGrid.js';
import { CalendarGrid } from './CalendarGrid.js';
import { CalendarToolbar } from './CalendarToolbar.js';
import { useReschedule } from './useReschedule.js';

/** Month and week views of every publication, by planned day in the person's time zone; drag to move. */
export function CalendarPage() {
  const [view, setView] = useState<CalendarView>('month');
  const [anchor, setAnchor] = useState(() => new Date());
  const [openId, setOpenId] = useState<string | null>(null);
  const range = visibleRange(view, anchor);
  const query = useQuery({
    queryKey: publishKeys.list(range),
    queryFn: ({ signal }) => listAllPublications(range, signal),
    refetchInterval: (q) => pollInterval(q.state.data ?? [], new Date()),
    placeholderData: (previous) => previous,
  });
  const reschedule = useReschedule();
  const publications = query.data ?? [];

  function onMove(id: string, day: string) {
    const publication = publications.find((candidate) => candidate.id === id);
    if (publication) reschedule.moveTo(publication, day);
  }

  return (
    <>
      <PageHeader title="Calendar" description={`Times in your time zone, ${zoneLabel(new Date())}.`} />
      <div className="stack">
        <CalendarToolbar
          view={view}
          anchor={anchor}
          onView={setView}
          onToday={() => setAnchor(new Date())}
          onStep={(step) => setAnchor(shiftAnchor(view, anchor, step))}
        />
        {reschedule.result &&
          (reschedule.result.ok ? (
            <SuccessNotice>
              {reschedule.result.text}{' '}
              {reschedule.result.undo && (
                <button type="button" className="button button-secondary" onClick={reschedule.result.undo}>
                  Undo
                </button>
              )}
            </SuccessNotice>
          ) : (
            <ErrorAlert>{reschedule.result.text}</ErrorAlert>
          ))}
        <ErrorAlert error={reschedule.error} />
        {query.isPending ? (
          <Loading label="Loading the calendar…" />
        ) : query.error && !query.data ? (
          <ErrorAlert error={query.error} />
        ) : publications.length === 0 ? (
          <EmptyState
            heading="Nothing scheduled"
            icon="calendar"
            action={<Link to="/library">Go to the Library</Link>}
          >
            <p>
              Nothing is planned this {view}. Open an approved video in the Library to publish it to TikTok,
              Instagram or YouTube, now or at a set time.
            </p>
          </EmptyState>
        ) : (
          <>
            <p className="muted">
              Drag a scheduled or queued post to another day to move it; it keeps its time.
            </p>
            <CalendarGrid
              view={view}
              days={visibleDays(view, anchor)}
              month={anchor.getMonth()}
              publications={publications}
              onOpen={setOpenId}
              onMove={onMove}
            />
          </>
        )}
      </div>
      <PublicationDetails id={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
