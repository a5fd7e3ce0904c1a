import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import type { ItemView } from '../../../api/content.js';
import { ErrorAlert } from '../../components/Alerts.js';
import { isStage, stageFailures, stageName } from './stages.js';

interface FailurePanelProps {
  failure: NonNullable<ItemView['failure']>;
  canRetry: boolean;
  onRetry: () => Promise<void>;
}

/** Which stage stopped the video and why, in plain words first, then the engine's own message. */
export function FailurePanel({ failure, canRetry, onRetry }: FailurePanelProps) {
  const retry = useMutation({ mutationFn: onRetry });
  // Nothing failed here: the workspace's retention setting deleted the files of this never-published video.
  if (failure.mediaExpired)
    return (
      <section className="panel failure-panel" aria-labelledby="expired-heading">
        <h2 id="expired-heading" className="panel-title">
          Media expired
        </h2>
        <p>{failure.reason}</p>
        <RetryControls
          canRetry={canRetry}
          retry={retry}
          label="Make it again"
          pendingLabel="Making it again…"
          whoCan="make it again"
        />
      </section>
    );
  const plain = isStage(failure.stage) ? stageFailures[failure.stage] : 'The video could not be made.';
  return (
    <section className="panel failure-panel" aria-labelledby="failure-heading">
      <h2 id="failure-heading" className="panel-title">
        Stopped at the {stageName(failure.stage)} stage
      </h2>
      <p>{plain}</p>
      <p>
        <span className="failure-label">What went wrong:</span> {failure.reason}
      </p>
      {canRetry && (
        <p className="muted">
          Retrying starts again at this stage: the stages that already finished are not run again.
        </p>
      )}
      <RetryControls
        canRetry={canRetry}
        retry={retry}
        label="Retry"
        pendingLabel="Retrying…"
        whoCan="retry it"
      />
    </section>
  );
}

/** The retry button with its error, or who may press it for people who may not. */
function RetryControls({
  canRetry,
  retry,
  label,
  pendingLabel,
  whoCan,
}: {
  canRetry: boolean;
  retry: UseMutationResult<void, Error, void>;
  label: string;
  pendingLabel: string;
  whoCan: string;
}) {
  if (!canRetry) return <p className="muted">An owner or editor can {whoCan}.</p>;
  return (
    <>
      <ErrorAlert error={retry.error} />
      <button
        type="button"
        className="button button-primary"
        disabled={retry.isPending}
        onClick={() => retry.mutate()}
      >
        {retry.isPending ? pendingLabel : label}
      </button>
    </>
  );
}
