import type { AuditEventView } from '../../../api/connections.js';
import { ErrorAlert } from '../../components/Alerts.js';
import { Loading } from '../../components/Loading.js';
import { usePagedQuery } from '../../api/pagedQuery.js';
import { useMe } from '../../session/sessionContext.js';
import { formatAbsolute, formatRelative, parseDate } from '../connections/formatTime.js';
import { platformLabels } from '../connections/platformLabels.js';
import { useNow } from '../connections/useNow.js';
import { auditEventLabel, auditKeys, isProblemEvent, listAuditEvents } from './activityApi.js';

function EventTime({ iso, now }: { iso: string; now: Date }) {
  const date = parseDate(iso);
  if (!date) return <span>{iso}</span>;
  return (
    <time dateTime={iso}>
      {formatAbsolute(date)} ({formatRelative(date, now)})
    </time>
  );
}

function ActivityRow({ event, myUserId, now }: { event: AuditEventView; myUserId: string; now: Date }) {
  // The log keeps user ids only; "you" is the one we can name without another request.
  const actor =
    event.actorUserId === null ? 'Automatic' : event.actorUserId === myUserId ? 'By you' : 'By a member';
  return (
    <li className="activity-row">
      <p className="activity-what">
        <span className={isProblemEvent(event.type) ? 'badge badge-problem' : 'badge badge-neutral'}>
          {auditEventLabel(event.type)}
        </span>
        <span>
          {platformLabels[event.platform]}
          {event.externalAccountId && (
            <>
              {' '}
              · <code>{event.externalAccountId}</code>
            </>
          )}
        </span>
      </p>
      {event.detail && <p className="activity-detail">{event.detail}</p>}
      <p className="activity-meta">
        <EventTime iso={event.createdAt} now={now} /> · {actor}
      </p>
    </li>
  );
}

/** Owners only: what happened to the workspace's connected accounts, newest first. */
export function ActivityPanel() {
  const me = useMe();
  const events = usePagedQuery({ queryKey: auditKeys.list, loadPage: listAuditEvents });
  const now = useNow();
  return (
    <section className="panel" aria-labelledby="activity-heading">
      <h2 id="activity-heading" className="panel-title">
        Activity
      </h2>
      <p className="muted">
        Every time an account is connected, renewed, disconnected or loses access, newest first.
      </p>
      {events.status === 'loading' && <Loading label="Loading activity…" />}
      {events.status === 'error' && (
        <div className="stack">
          <ErrorAlert error={events.error} />
          <button type="button" className="button button-secondary" onClick={events.reload}>
            Try again
          </button>
        </div>
      )}
      {events.status === 'ready' && events.items.length === 0 && (
        <p className="muted">
          No activity yet. Connecting an account on the Connections page starts the log.
        </p>
      )}
      {events.status === 'ready' && events.items.length > 0 && (
        <>
          <ol className="activity-list" aria-label="Activity">
            {events.items.map((event) => (
              <ActivityRow key={event.id} event={event} myUserId={me.user.id} now={now} />
            ))}
          </ol>
          {events.error && <ErrorAlert error={events.error} />}
          {events.hasMore && (
            <button
              type="button"
              className="button button-secondary"
              onClick={events.loadMore}
              disabled={events.loadingMore}
            >
              {events.loadingMore ? 'Loading…' : 'Load more activity'}
            </button>
          )}
        </>
      )}
    </section>
  );
}
