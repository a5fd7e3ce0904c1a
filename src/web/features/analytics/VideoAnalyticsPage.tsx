import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/Alerts.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { platformLabels } from '../connections/platformLabels.js';
import { trackedVideoQuery } from './analyticsApi.js';
import { formatAge, formatCount, formatDate, growthPoints } from './analyticsFormat.js';
import { GrowthChart } from './GrowthChart.js';
import { SnapshotTable } from './SnapshotTable.js';
import '../../styles/analytics.css';

/** One tracked video: its growth curve, every reading with its state, and links to the item and the post. */
export function VideoAnalyticsPage() {
  const { id = '' } = useParams();
  const detail = useQuery(trackedVideoQuery(id));
  if (detail.isPending) return <Loading label="Loading the video’s numbers…" />;
  if (!detail.data) {
    return (
      <>
        <PageHeader title="Video not found" />
        <ErrorAlert error={detail.error} />
        <Link to="/analytics">Back to Analytics</Link>
      </>
    );
  }
  const { video, snapshots } = detail.data;
  const newest = snapshots[snapshots.length - 1];
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/analytics">Analytics</Link>
      </nav>
      <PageHeader
        title={video.title || 'Untitled video'}
        description={`${platformLabels[video.platform]} · ${video.accountName} · published ${formatDate(video.publishedAt)}${
          newest ? ` · last read at ${formatAge(newest.ageHours)}` : ''
        }`}
      />
      <div className="stack-large">
        <div className="button-row">
          {video.itemId && (
            <Link className="button button-secondary" to={`/library/${encodeURIComponent(video.itemId)}`}>
              Open the video in the Library
            </Link>
          )}
          {video.url && (
            <a className="button button-secondary" href={video.url} target="_blank" rel="noreferrer">
              Open the post on {platformLabels[video.platform]}
            </a>
          )}
        </div>
        <dl className="analytics-tiles">
          <div className="analytics-tile">
            <dt>Views at 7 days</dt>
            <dd>{formatCount(video.viewsAt7d)}</dd>
          </div>
          <div className="analytics-tile">
            <dt>Views now</dt>
            <dd>{formatCount(video.latest?.views ?? null)}</dd>
          </div>
          <div className="analytics-tile">
            <dt>Likes now</dt>
            <dd>{formatCount(video.latest?.likes ?? null)}</dd>
          </div>
        </dl>
        {snapshots.length === 0 ? (
          <p className="muted">The first reading is taken about an hour after publishing.</p>
        ) : (
          <>
            <GrowthChart points={growthPoints(snapshots)} />
            <SnapshotTable snapshots={snapshots} />
          </>
        )}
      </div>
    </>
  );
}
