import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../components/Alerts.js';
import { Loading } from '../../components/Loading.js';
import { ReviewDecision } from './ReviewDecision.js';
import { ReviewHistory } from './ReviewHistory.js';
import { versionReviewQuery } from './reviewApi.js';
import { ReviewStateBadge } from './ReviewStateBadge.js';
import { useReviewAction } from './useReviewAction.js';
import './review.css';

/** What review says of the version on screen; it explains the state in plain words. */
function stateText(state: 'pending' | 'approved' | 'rejected' | null, number: number): string {
  if (state === 'pending') return `Version ${number} waits for a reviewer.`;
  if (state === 'approved') return `Version ${number} is approved. Any edit makes a new version to review.`;
  if (state === 'rejected') return `Version ${number} was sent back. Change it, or submit it again.`;
  return `Version ${number} has not been submitted for review.`;
}

/** The review state of the version shown on the item page, with "Submit for review" and the decisions. */
export function ReviewPanel({ versionId }: { versionId: string }) {
  const query = useQuery(versionReviewQuery(versionId));
  const submit = useReviewAction(versionId);
  const review = query.data;
  return (
    <section className="panel review-panel" aria-labelledby="review-panel-heading">
      <div className="review-panel-head">
        <h2 id="review-panel-heading" className="panel-title">
          Review
        </h2>
        {review && <ReviewStateBadge state={review.state} />}
      </div>
      {query.isPending && <Loading label="Loading the review…" />}
      <ErrorAlert error={query.error ?? submit.error} />
      {review && (
        <div className="stack">
          <p>{stateText(review.state, review.versionNumber)}</p>
          {review.canSubmit && (
            <div>
              <button
                type="button"
                className="button button-primary"
                disabled={submit.isPending}
                onClick={() => submit.mutate({ action: 'submit' })}
              >
                {submit.isPending ? 'Submitting…' : 'Submit for review'}
              </button>
            </div>
          )}
          <ReviewDecision key={`${review.versionId}-${review.state ?? 'none'}`} review={review} />
          {review.state && (
            <Link to={`/review?state=${review.state}&version=${encodeURIComponent(review.versionId)}`}>
              See it in the review queue
            </Link>
          )}
          <ReviewHistory history={review.history} label="Review history of this version" />
        </div>
      )}
    </section>
  );
}
