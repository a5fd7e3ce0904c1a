import { STATE_EXPLANATIONS, STATE_LABELS, type SnapshotView } from './analyticsFormat.js';

/** A reading without numbers, named for what it is; an ok reading shows nothing. */
export function StateBadge({ state }: { state: SnapshotView['state'] | null }) {
  if (state === null || state === 'ok') return null;
  return (
    <span className={`badge stats-state stats-state-${state}`} title={STATE_EXPLANATIONS[state]}>
      {STATE_LABELS[state]}
    </span>
  );
}
