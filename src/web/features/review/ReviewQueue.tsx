import type { ReviewView } from '../../../api/publishing.js';
import { usePagedQuery } from '../../api/pagedQuery.js';
import { ErrorAlert } from '../../components/Alerts.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Loading } from '../../components/Loading.js';
import { RelativeTime } from '../library/RelativeTime.js';
import { listReviews, reviewKeys, type ReviewState } from './reviewApi.js';
import { ReviewDetail } from './ReviewDetail.js';

const emptyStates: Record<ReviewState, { heading: string; text: string }> = {
  pending: {
    heading: 'Nothing to review',
    text: 'Videos submitted for review queue here, newest first, so a reviewer can approve them or send them back with a comment.',
  },
  approved: {
    heading: 'Nothing approved yet',
    text: 'Approved versions are listed here. An approval covers exactly that version: any edit makes a new version that needs its own.',
  },
  rejected: {
    heading: 'Nothing sent back',
    text: 'Versions sent back with a comment are listed here until they are changed and submitted again.',
  },
};

interface ReviewQueueProps {
  state: ReviewState;
  selectedId: string | null;
  onSelect: (versionId: string) => void;
  onDecided: (review: ReviewView) => void;
}

/** One tab of the queue: the versions in that state, newest first, and the one opened beside them. */
export function ReviewQueue({ state, selectedId, onSelect, onDecided }: ReviewQueueProps) {
  const queue = usePagedQuery({
    queryKey: reviewKeys.queue(state),
    loadPage: (cursor, signal) => listReviews(state, cursor, signal),
  });
  if (queue.status === 'loading') return <Loading label="Loading the queue…" />;
  if (queue.status === 'error') {
    return (
      <div className="stack">
        <ErrorAlert error={queue.error} />
        <button type="button" className="button button-secondary" onClick={queue.reload}>
          Try again
        </button>
      </div>
    );
  }
  if (queue.items.length === 0) {
    const empty = emptyStates[state];
    return (
      <EmptyState heading={empty.heading} icon="review">
        <p>{empty.text}</p>
      </EmptyState>
    );
  }
  const selected = queue.items.find((r) => r.versionId === selectedId) ?? queue.items[0]!;
  return (
    <div className="review-layout">
      <div className="stack">
        <ul className="review-list" aria-label="Versions">
          {queue.items.map((review) => (
            <li key={review.versionId}>
              <button
                type="button"
                className="review-entry"
                aria-current={review.versionId === selected.versionId ? 'true' : undefined}
                onClick={() => onSelect(review.versionId)}
              >
                {review.coverUrl && <img src={review.coverUrl} alt="" className="review-entry-cover" />}
                <span className="review-entry-text">
                  <span className="review-entry-title">{review.itemTitle}</span>
                  <span className="muted">Version {review.versionNumber}</span>
                  {review.updatedAt && <RelativeTime iso={review.updatedAt} prefix="Changed" />}
                </span>
              </button>
            </li>
          ))}
        </ul>
        {queue.error && <ErrorAlert error={queue.error} />}
        {queue.hasMore && (
          <button
            type="button"
            className="button button-secondary"
            onClick={queue.loadMore}
            disabled={queue.loadingMore}
          >
            {queue.loadingMore ? 'Loading…' : 'Load more'}
          </button>
        )}
      </div>
      <ReviewDetail key={selected.versionId} review={selected} onDecided={onDecided} />
    </div>
  );
}
