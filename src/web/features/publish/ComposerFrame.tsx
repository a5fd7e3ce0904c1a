import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { ConnectionView } from '../../../api/connections.js';
import type { PublicationView, PublishOptionsView } from '../../../api/publishing.js';
import { ErrorAlert, SuccessNotice } from '../../components/Alerts.js';
import { Loading } from '../../components/Loading.js';
import { platformLabels } from '../connections/platformLabels.js';
import { publishOptionsQuery } from './publishApi.js';
import { formatPlanned } from './scheduleTime.js';

export interface ComposerBodyProps<P extends PublishOptionsView['platform']> {
  options: Extract<PublishOptionsView, { platform: P }>;
  /** Reads the platform's options again (e.g. after "can't post now"). */
  reload: () => void;
  onPublished: (publication: PublicationView) => void;
}

interface ComposerFrameProps<P extends PublishOptionsView['platform']> {
  connection: ConnectionView & { platform: P };
  children: (props: ComposerBodyProps<P>) => ReactNode;
}

function doneText(publication: PublicationView): string {
  const where = platformLabels[publication.platform];
  if (publication.scheduledAt)
    return `Scheduled for ${formatPlanned(publication.scheduledAt)}${publication.timeZone ? ` (${publication.timeZone})` : ''}.`;
  return `Sent to ${where}. Processing can take a few minutes; its status shows under Publications.`;
}

/**
 * One target account's composer: reads the platform's options fresh when it opens, shows them to the body, and
 * once posted shows the result instead of the form, so a second post is a deliberate choice.
 */
export function ComposerFrame<P extends PublishOptionsView['platform']>({
  connection,
  children,
}: ComposerFrameProps<P>) {
  const query = useQuery(publishOptionsQuery(connection.id));
  const [done, setDone] = useState<PublicationView | null>(null);
  const name = platformLabels[connection.platform];
  const options = query.data?.platform === connection.platform ? query.data : null;
  return (
    <section className="panel composer" aria-label={`${name} post for ${connection.displayName}`}>
      <h3 className="subsection-title">
        {name} · {connection.displayName}
      </h3>
      {done ? (
        <div className="stack">
          <SuccessNotice>{doneText(done)}</SuccessNotice>
          <div className="button-row">
            <Link to="/calendar">Open the Calendar</Link>
            <button type="button" className="button button-secondary" onClick={() => setDone(null)}>
              Compose another post
            </button>
          </div>
        </div>
      ) : query.isFetching && !options ? (
        <Loading label={`Asking ${name} about this account…`} />
      ) : !options ? (
        <div className="stack">
          <ErrorAlert error={query.error}>
            {query.error ? undefined : `${name} sent options this page does not understand.`}
          </ErrorAlert>
          <button type="button" className="button button-secondary" onClick={() => void query.refetch()}>
            Try again
          </button>
        </div>
      ) : (
        children({
          options: options as Extract<PublishOptionsView, { platform: P }>,
          reload: () => void query.refetch(),
          onPublished: setDone,
        })
      )}
    </section>
  );
}
