import { reviewStateLabels, type ReviewState } from './reviewApi.js';

/** The review state in words; a version never submitted says so. */
export function ReviewStateBadge({ state }: { state: ReviewState | null }) {
  return (
    <span className={`badge review-state review-state-${state ?? 'none'}`}>
      {state ? reviewStateLabels[state] : 'Not submitted'}
    </span>
  );
}
