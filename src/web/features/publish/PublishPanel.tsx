import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { ItemView, VersionView } from '../../../api/content.js';
import type { ConnectionView } from '../../../api/connections.js';
import type { ReviewView } from '../../../api/publishing.js';
import { ErrorAlert } from '../../components/Alerts.js';
import { Loading } from '../../components/Loading.js';
import { useMe } from '../../session/sessionContext.js';
import { listConnections } from '../connections/connectionsApi.js';
import { platformLabels, platformOrder } from '../connections/platformLabels.js';
import { composerVersion, type ComposerVersion } from './composerVersion.js';
import { InstagramComposer } from './InstagramComposer.js';
import { PublicationList } from './PublicationList.js';
import { reviewQuery } from './publishApi.js';
import { TiktokComposer } from './TiktokComposer.js';
import { YoutubeComposer } from './YoutubeComposer.js';

// Not the Connections page's cache key: that one holds its paged (infinite) list, this one a plain array.
const activeConnectionsQuery = {
  queryKey: ['connections', 'active-for-publishing'] as const,
  queryFn: async ({ signal }: { signal: AbortSignal }) => {
    const all: ConnectionView[] = [];
    let cursor: string | null = null;
    do {
      const page = await listConnections(cursor, signal);
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return all
      .filter((connection) => connection.status === 'active')
      .sort((a, b) => platformOrder.indexOf(a.platform) - platformOrder.indexOf(b.platform));
  },
};

function notApprovedText(review: ReviewView): string {
  const version = `Version ${review.versionNumber}`;
  if (review.state === 'pending')
    return `${version} must be approved before it can be published. It is waiting for review.`;
  if (review.state === 'rejected')
    return `${version} must be approved before it can be published. It was sent back; edit it and submit the new version.`;
  return `${version} must be approved before it can be published. Submit it for review first.`;
}

function Composer({ connection, version }: { connection: ConnectionView; version: ComposerVersion }) {
  // Narrowed by platform, so each composer gets the options shape of its own platform.
  if (connection.platform === 'tiktok')
    return <TiktokComposer connection={{ ...connection, platform: 'tiktok' }} version={version} />;
  if (connection.platform === 'instagram')
    return <InstagramComposer connection={{ ...connection, platform: 'instagram' }} version={version} />;
  return <YoutubeComposer connection={{ ...connection, platform: 'youtube' }} version={version} />;
}

function Targets({ version }: { version: ComposerVersion }) {
  const connections = useQuery(activeConnectionsQuery);
  const [picked, setPicked] = useState<string[]>([]);
  if (connections.isPending) return <Loading label="Loading your connected accounts…" />;
  if (connections.error) return <ErrorAlert error={connections.error} />;
  if (connections.data.length === 0) {
    return (
      <p className="muted">
        No account is connected. <Link to="/connections">Connect TikTok, Instagram or YouTube</Link> to
        publish.
      </p>
    );
  }
  const toggle = (id: string, on: boolean) =>
    setPicked((current) => (on ? [...current, id] : current.filter((other) => other !== id)));
  return (
    <div className="stack">
      <fieldset className="fieldset">
        <legend>Publish to</legend>
        <div className="choice-list">
          {connections.data.map((connection) => (
            <label key={connection.id} className="choice">
              <input
                type="checkbox"
                checked={picked.includes(connection.id)}
                onChange={(event) => toggle(connection.id, event.target.checked)}
              />
              <span className="choice-label">
                {platformLabels[connection.platform]} · {connection.displayName}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {connections.data
        .filter((connection) => picked.includes(connection.id))
        .map((connection) => (
          <Composer key={connection.id} connection={connection} version={version} />
        ))}
    </div>
  );
}

/** The item page's publishing: the approved current version goes to the accounts picked, now or later. */
export function PublishPanel({ item, versions }: { item: ItemView; versions: VersionView[] }) {
  const me = useMe();
  // Mirrors the server's content.publish permission.
  const canPublish = me.role === 'owner' || me.role === 'editor';
  const current = versions.find((version) => version.id === item.currentVersionId);
  const review = useQuery({
    ...reviewQuery(current?.id ?? ''),
    enabled: Boolean(current) && item.status === 'ready',
  });
  if (!current || item.status !== 'ready') return null;
  return (
    <section className="panel" aria-labelledby="publish-heading">
      <h2 id="publish-heading" className="panel-title">
        Publish
      </h2>
      {review.isPending ? (
        <Loading label="Checking the review state…" />
      ) : review.error ? (
        <ErrorAlert error={review.error} />
      ) : review.data.state !== 'approved' ? (
        <p className="muted">{notApprovedText(review.data)}</p>
      ) : !canPublish ? (
        <p className="muted">Version {current.number} is approved. Only owners and editors can publish it.</p>
      ) : (
        <div className="stack">
          <p className="muted">Version {current.number} is approved. Pick where to publish it.</p>
          <Targets version={composerVersion(current)} />
        </div>
      )}
      <PublicationList itemId={item.id} />
    </section>
  );
}
