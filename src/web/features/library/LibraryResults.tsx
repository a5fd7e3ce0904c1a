import { Link } from 'react-router-dom';
import { usePagedQuery } from '../../api/pagedQuery.js';
import { ErrorAlert } from '../../components/Alerts.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Loading } from '../../components/Loading.js';
import { ItemCard } from './ItemCard.js';
import { isBusy } from './itemStatus.js';
import { itemKeys, listItems, type LibraryFilter } from './libraryApi.js';

const PAGE_SIZE = 24;
const POLL_MS = 4_000;

interface LibraryResultsProps {
  /** Fixed for the component's life: the page remounts it (by key) when the filter changes. */
  filter: LibraryFilter;
  canCreate: boolean;
  onClearFilters: () => void;
}

export function LibraryResults({ filter, canCreate, onClearFilters }: LibraryResultsProps) {
  const items = usePagedQuery({
    queryKey: itemKeys.list(filter),
    loadPage: (cursor, signal) => listItems(filter, cursor, signal, PAGE_SIZE),
    // Queued and generating items change on their own. Polling, not one event stream per card: browsers
    // allow only six connections per site.
    refetchInterval: (loaded) => (loaded.some((item) => isBusy(item.status)) ? POLL_MS : false),
  });
  const filtered = filter.status !== '' || filter.search.trim() !== '';

  if (items.status === 'loading') return <Loading label="Loading videos…" />;
  if (items.status === 'error') {
    return (
      <div className="stack">
        <ErrorAlert error={items.error} />
        <button type="button" className="button button-secondary" onClick={items.reload}>
          Try again
        </button>
      </div>
    );
  }
  if (items.items.length === 0 && filtered) {
    return (
      <EmptyState
        heading="No videos match"
        icon="library"
        action={
          <button type="button" className="button button-secondary" onClick={onClearFilters}>
            Clear the filters
          </button>
        }
      >
        <p>No video in this workspace matches this search and status.</p>
      </EmptyState>
    );
  }
  if (items.items.length === 0) {
    return (
      <EmptyState
        heading="Your library is empty"
        icon="library"
        action={canCreate ? <Link to="/create">Create your first video</Link> : undefined}
      >
        <p>
          Every video made in this workspace is kept here, with its script, captions, versions and the checks
          it passed for each platform.
        </p>
      </EmptyState>
    );
  }

  return (
    <div className="stack">
      <p role="status" className="muted">
        {items.hasMore
          ? `Showing the newest ${items.items.length} videos.`
          : `${items.items.length} ${items.items.length === 1 ? 'video' : 'videos'}.`}
      </p>
      <ul className="item-grid" aria-label="Videos">
        {items.items.map((item) => (
          <ItemCard key={item.id} item={item} />
        ))}
      </ul>
      {items.error && <ErrorAlert error={items.error} />}
      {items.hasMore && (
        <button
          type="button"
          className="button button-secondary load-more"
          onClick={items.loadMore}
          disabled={items.loadingMore}
        >
          {items.loadingMore ? 'Loading…' : 'Load more videos'}
        </button>
      )}
    </div>
  );
}
