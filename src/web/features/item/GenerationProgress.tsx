import { useEffect, useRef } from 'react';
import { ProgressBar } from '../../components/ProgressBar.js';
import { stageProgress, type ItemProgress, type StageProgress } from './itemProgress.js';
import { stageActivities, stageNames } from './stages.js';
import { useItemProgress } from './useItemProgress.js';

interface GenerationProgressProps {
  itemId: string;
  /** When the item leaves the queue. */
  onStarted: () => void;
  /** When the stream says ready or failed. */
  onSettled: () => void;
  /** Set when the person just started this generation: their button is disabled now, so focus comes here. */
  focusOnMount: boolean;
  /**
   * False for an uploaded video: its new version runs none of the factory's stages (the file stays as it is),
   * so only the overall progress is shown.
   */
  factoryStages: boolean;
}

function stateText(row: StageProgress): string {
  if (row.status === 'running') return `Running, ${Math.round(row.fraction * 100)}%`;
  if (row.status === 'done') return 'Done';
  if (row.status === 'failed') return 'Failed';
  return 'Waiting';
}

/** Said in the live region: changes once per stage, not on every percent, so it is not read out constantly. */
function summary(progress: ItemProgress, rows: StageProgress[]): string {
  if (progress.status === 'connecting') return 'Connecting to the factory…';
  if (progress.status === 'ready') return 'Finished.';
  if (progress.status === 'failed') return `Stopped: ${progress.message ?? 'a stage failed.'}`;
  const running = rows.find((row) => row.status === 'running');
  if (running) return `${stageActivities[running.stage]}…`;
  return progress.current < 0 ? 'Queued: waiting for the factory to start.' : 'Moving on to the next stage…';
}

export function GenerationProgress(props: GenerationProgressProps) {
  const { itemId, onStarted, onSettled, focusOnMount, factoryStages } = props;
  const progress = useItemProgress(itemId, { onStarted, onSettled });
  const rows = stageProgress(progress);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (focusOnMount) headingRef.current?.focus();
  }, [focusOnMount]);

  return (
    <section className="panel progress-panel" aria-labelledby="progress-heading">
      <h2 id="progress-heading" ref={headingRef} className="panel-title" tabIndex={-1}>
        {factoryStages ? 'Making your video' : 'Making the new version'}
      </h2>
      <p role="status" className="progress-summary">
        {summary(progress, rows)}
      </p>
      <div className="progress-overall">
        <ProgressBar label="Overall progress" value={progress.overall} />
        <span className="progress-percent" aria-hidden="true">
          {Math.round(progress.overall * 100)}%
        </span>
      </div>
      {factoryStages && (
        <ol className="stage-list" aria-label="Stages">
          {rows.map((row) => (
            <li key={row.stage} className={`stage-row stage-${row.status}`}>
              <span className="stage-name">{stageNames[row.stage]}</span>
              <span className="stage-state">{stateText(row)}</span>
              <ProgressBar label={stageNames[row.stage]} value={row.fraction} small />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
