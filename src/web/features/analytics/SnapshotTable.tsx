import { formatAge, formatCount, STATE_EXPLANATIONS, type SnapshotView } from './analyticsFormat.js';
import { StateBadge } from './StateBadge.js';

/** Every reading, oldest first; a reading without numbers shows its state and reason, never zeros. */
export function SnapshotTable({ snapshots }: { snapshots: SnapshotView[] }) {
  return (
    <section aria-labelledby="snapshots-title" className="stack">
      <h2 id="snapshots-title" className="section-title">
        Every reading
      </h2>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Planned at</th>
              <th scope="col">Taken</th>
              <th scope="col">Views</th>
              <th scope="col">Likes</th>
              <th scope="col">Comments</th>
              <th scope="col">Shares</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {snapshots.map((s) => (
              <tr key={`${s.scheduledAgeHours}-${s.takenAt}`}>
                <th scope="row">{formatAge(s.scheduledAgeHours)}</th>
                <td>
                  <time dateTime={s.takenAt}>{new Date(s.takenAt).toLocaleString('en-GB')}</time>
                </td>
                {s.state === 'ok' && s.counters ? (
                  <>
                    <td>{formatCount(s.counters.views)}</td>
                    <td>{formatCount(s.counters.likes)}</td>
                    <td>{formatCount(s.counters.comments)}</td>
                    <td>{formatCount(s.counters.shares)}</td>
                    <td>Read</td>
                  </>
                ) : (
                  <>
                    <td colSpan={4} className="muted">
                      {s.reason ?? (s.state === 'ok' ? '' : STATE_EXPLANATIONS[s.state])}
                    </td>
                    <td>
                      <StateBadge state={s.state} />
                    </td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
