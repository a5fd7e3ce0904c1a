import type { ReviewView } from '../../../api/publishing.js';
import { RelativeTime } from '../library/RelativeTime.js';
import { reviewActionLabels } from './reviewApi.js';

/** Every decision on a version, oldest first: who, what, when and why. */
export function ReviewHistory({ history, label }: { history: ReviewView['history']; label: string }) {
  if (history.length === 0) return null;
  return (
    <ol className="review-history" aria-label={label}>
      {history.map((decision, index) => (
        <li key={`${decision.at}-${index}`} className={`review-decision review-decision-${decision.action}`}>
          <span className="review-decision-head">
            <strong>{reviewActionLabels[decision.action]}</strong> by {decision.byName ?? 'a former member'}{' '}
            <RelativeTime iso={decision.at} prefix="" />
          </span>
          {decision.comment && <q className="review-comment">{decision.comment}</q>}
        </li>
      ))}
    </ol>
  );
}
