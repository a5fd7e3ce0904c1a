import { Link } from 'react-router-dom';
import type { DashboardView } from '../../../api/analytics.js';
import { platformLabels } from '../connections/platformLabels.js';
import { formatCount, formatDate } from './analyticsFormat.js';

/** The best videos by views at 7 days: one fixed age, so old and new videos compare fairly. */
export function Leaderboard({ leaderboard }: Pick<DashboardView, 'leaderboard'>) {
  return (
    <section aria-labelledby="analytics-leaderboard" className="stack">
      <h2 id="analytics-leaderboard" className="section-title">
        Leaderboard: views at 7 days
      </h2>
      {leaderboard.length === 0 ? (
        <p className="muted">Videos are ranked once they are 7 days old and have numbers at that age.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" aria-describedby="analytics-leaderboard">
            <thead>
              <tr>
                <th scope="col">Rank</th>
                <th scope="col">Video</th>
                <th scope="col">Platform</th>
                <th scope="col">Account</th>
                <th scope="col">Published</th>
                <th scope="col">Views at 7 days</th>
              </tr>
            </thead>
            <tbody>
              {leaderboard.map((v, i) => (
                <tr key={v.id}>
                  <td>{i + 1}</td>
                  <th scope="row">
                    <Link to={`/analytics/videos/${encodeURIComponent(v.id)}`}>
                      {v.title || 'Untitled video'}
                    </Link>
                  </th>
                  <td>{platformLabels[v.platform]}</td>
                  <td>{v.accountName}</td>
                  <td>{formatDate(v.publishedAt)}</td>
                  <td>{formatCount(v.viewsAt7d)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
