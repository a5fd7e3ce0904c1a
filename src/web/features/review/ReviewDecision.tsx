import { useState, type FormEvent } from 'react';
import type { ReviewView } from '../../../api/publishing.js';
import { ErrorAlert } from '../../components/Alerts.js';
import { TextAreaField } from '../create/FormControls.js';
import { useReviewAction } from './useReviewAction.js';

interface ReviewDecisionProps {
  review: ReviewView;
  onDone?: (review: ReviewView) => void;
}

/** Approve or send back with a comment; sending back needs one, approving does not. */
export function ReviewDecision({ review, onDone }: ReviewDecisionProps) {
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const act = useReviewAction(review.versionId, (updated) => {
    setComment('');
    onDone?.(updated);
  });
  const canApprove = review.canApprove ?? (review.canDecide && review.state === 'pending');
  const canReject = review.canReject ?? review.canDecide;
  if (!canApprove && !canReject) return null;

  function reject() {
    const text = comment.trim();
    setMissing(!text);
    if (text) act.mutate({ action: 'reject', comment: text });
  }

  function approve(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMissing(false);
    act.mutate({ action: 'approve', comment: comment.trim() || undefined });
  }

  return (
    <form className="review-decision-form" noValidate onSubmit={approve}>
      <ErrorAlert error={act.error} />
      <TextAreaField
        label="Comment"
        name="comment"
        rows={2}
        maxLength={2000}
        value={comment}
        hint={canApprove ? 'Needed to send it back; optional when approving.' : 'Say why it goes back.'}
        error={missing ? 'Say what should change: sending back needs a comment.' : undefined}
        onChange={(event) => setComment(event.target.value)}
      />
      <div className="button-row">
        {canApprove && (
          <button type="submit" className="button button-primary" disabled={act.isPending}>
            Approve
          </button>
        )}
        {canReject && (
          <button type="button" className="button button-secondary" disabled={act.isPending} onClick={reject}>
            {review.state === 'approved' ? 'Withdraw approval' : 'Send back'}
          </button>
        )}
      </div>
      {!canApprove && review.state === 'pending' && (
        <p className="muted">This workspace asks for someone other than the submitter to approve.</p>
      )}
    </form>
  );
}
