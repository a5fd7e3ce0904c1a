import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../components/Alerts.js';
import { Loading } from '../../components/Loading.js';
import { usePagedQuery } from '../../api/pagedQuery.js';
import { platformLabels } from '../connections/platformLabels.js';
import { analyticsKeys, listTrackedVideos, type AnalyticsFilter } from './analyticsApi.js';
import { formatCount, formatDate } from './analyticsFormat.js';
import { StateBadge } from './StateBadge.js';

const PAGE_SIZE = 25;

/** Every tracked video the filter matches, newest first, with its newest numbers or why there are none. */
export function TrackedVideoList({ filter }: { filter: AnalyticsFilter }) {
  const videos = usePagedQuery({
    queryKey: analyticsKeys.videos(filter),
    loadPage: (cursor, signal) => listTrackedVideos(filter, cursor, signal, PAGE_SIZE),
  });
  return (
    <section aria-labelledby="analytics-videos" className="stack">
      <h2 id="analytics-videos" className="section-title">
        Tracked videos
      </h2>
      {videos.status === 'loading' ? (
        <Loading label="Loading videos…" />
      ) : videos.status === 'error' ? (
        <ErrorAlert error={videos.error} />
      ) : videos.items.length === 0 ? (
        <p className="muted">No video matches these filters.</p>
      ) : (
        <>
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Video</th>
                  <th scope="col">Platform</th>
                  <th scope="col">Account</th>
                  <th scope="col">Published</th>
                  <th scope="col">Views</th>
                  <th scope="col">Likes</th>
                  <th scope="col">Latest reading</th>
                </tr>
              </thead>
              <tbody>
                {videos.items.map((v) => (
                  <tr key={v.id}>
                    <th scope="row">
                      <Link to={`/analytics/videos/${encodeURIComponent(v.id)}`}>
                        {v.title || 'Untitled video'}
                      </Link>
                      {v.source === 'imported' && <span className="badge badge-neutral">Earlier post</span>}
                    </th>
                    <td>{platformLabels[v.platform]}</td>
                    <td>{v.accountName}</td>
                    <td>{formatDate(v.publishedAt)}</td>
                    <td>{formatCount(v.latest?.views ?? null)}</td>
                    <td>{formatCount(v.latest?.likes ?? null)}</td>
                    <td>
                      {v.latestState === null ? (
                        <span className="muted">First reading about an hour after publishing</span>
                      ) : v.latestState === 'ok' ? (
                        'Up to date'
                      ) : (
                        <StateBadge state={v.latestState} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {videos.error && <ErrorAlert error={videos.error} />}
          {videos.hasMore && (
            <button
              type="button"
              className="button button-secondary load-more"
              onClick={videos.loadMore}
              disabled={videos.loadingMore}
            >
              {videos.loadingMore ? 'Loading…' : 'Load more videos'}
            </button>
          )}
        </>
      )}
    </section>
  );
}
