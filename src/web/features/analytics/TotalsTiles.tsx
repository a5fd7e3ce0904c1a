import type { DashboardView } from '../../../api/analytics.js';
import { formatCount, STATE_LABELS } from './analyticsFormat.js';

/** The totals of the matching videos, and how many have no numbers yet, by reason (never counted as 0). */
export function TotalsTiles({ totals, withoutNumbers }: Pick<DashboardView, 'totals' | 'withoutNumbers'>) {
  const tiles: [string, number][] = [
    ['Videos', totals.videos],
    ['Views', totals.views],
    ['Likes', totals.likes],
    ['Comments', totals.comments],
    ['Shares', totals.shares],
  ];
  const apart = (Object.keys(STATE_LABELS) as (keyof typeof STATE_LABELS)[]).filter(
    (s) => withoutNumbers[s] > 0,
  );
  return (
    <section aria-labelledby="analytics-totals" className="stack">
      <h2 id="analytics-totals" className="section-title">
        Totals
      </h2>
      <dl className="analytics-tiles">
        {tiles.map(([label, value]) => (
          <div key={label} className="analytics-tile">
            <dt>{label}</dt>
            <dd>{formatCount(value)}</dd>
          </div>
        ))}
      </dl>
      {apart.length > 0 && (
        <p className="muted">
          Not in these sums:{' '}
          {apart
            .map(
              (s) =>
                `${withoutNumbers[s]} ${withoutNumbers[s] === 1 ? 'video' : 'videos'} “${STATE_LABELS[s]}”`,
            )
            .join(', ')}
          .
        </p>
      )}
    </section>
  );
}
