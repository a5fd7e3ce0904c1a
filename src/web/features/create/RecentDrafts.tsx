import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { EmptyState } from '../../components/EmptyState.js';
import { Loading } from '../../components/Loading.js';
import { ItemStatusBadge } from '../library/ItemStatusBadge.js';
import { itemKeys, listItems } from '../library/libraryApi.js';
import { RelativeTime } from '../library/RelativeTime.js';

const RECENT_COUNT = 4;

/** The newest few videos of the workspace, so a new brief can be compared with the last ones. */
export function RecentDrafts() {
  const recent = useQuery({
    queryKey: itemKeys.recent,
    queryFn: ({ signal }) => listItems({ status: '', search: '' }, null, signal, RECENT_COUNT),
  });
  if (recent.status === 'pending') return <Loading label="Loading recent drafts…" />;
  // Secondary to the form: a failure here is mentioned quietly rather than as an alert.
  if (recent.status === 'error') return <p className="muted">Recent drafts could not be loaded.</p>;
  if (recent.data.items.length === 0) {
    return (
      <EmptyState heading="No drafts yet" icon="create">
        <p>
          Videos you create appear here and in the Library, where you can watch them, fix the script or
          captions, and render them again.
        </p>
      </EmptyState>
    );
  }
  return (
    <section className="panel" aria-labelledby="recent-heading">
      <h2 id="recent-heading" className="panel-title">
        Recent drafts
      </h2>
      <ul className="recent-list">
        {recent.data.items.map((item) => (
          <li key={item.id} className="recent-item">
            <Link to={`/library/${encodeURIComponent(item.id)}`} className="recent-title">
              {item.title}
            </Link>
            <ItemStatusBadge status={item.status} />
            <RelativeTime iso={item.createdAt} />
          </li>
        ))}
      </ul>
      <p>
        <Link to="/library">See everything in the Library</Link>
      </p>
    </section>
  );
}
