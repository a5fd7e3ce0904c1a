import type { PublicationView } from '../api/publishing.js';
import type { Connection } from '../domain/connection.js';
import type { ContentItem, Version } from '../domain/content-item.js';
import type { Publication } from '../domain/publishing/publication.js';
import type { Store } from '../ports/store.js';
import type { MediaLinks } from './media-links.js';

/**
 * Publications as the API shows them, with the item's title, a signed cover link and the account's name and
 * avatar. Items, versions and connections shared by several publications are read once.
 */
export async function presentPublications(
  store: Store,
  links: MediaLinks,
  publications: Publication[],
): Promise<PublicationView[]> {
  const items = new Map<string, Promise<ContentItem | null>>();
  const versions = new Map<string, Promise<Version | null>>();
  const connections = new Map<string, Promise<Connection | null>>();
  const once = <T>(cache: Map<string, Promise<T>>, key: string, read: () => Promise<T>) => {
    const known = cache.get(key);
    if (known) return known;
    const reading = read();
    cache.set(key, reading);
    return reading;
  };
  return Promise.all(
    publications.map(async (p) => {
      const [item, version, connection] = await Promise.all([
        once(items, p.itemId, () => store.content.findItem(p.workspaceId, p.itemId)),
        once(versions, p.versionId, () => store.content.findVersion(p.workspaceId, p.versionId)),
        once(connections, p.connectionId, () => store.connections.findById(p.workspaceId, p.connectionId)),
      ]);
      return presentPublication(p, {
        itemTitle: item?.title ?? null,
        coverUrl: version ? links.path(version.outputs.coverKey) : null,
        account: connection ? { displayName: connection.displayName, avatarUrl: connection.avatarUrl } : null,
      });
    }),
  );
}

/** One publication; never its checkpoint, journal, runner or idempotency key (internal bookkeeping). */
export function presentPublication(
  p: Publication,
  extra: Pick<PublicationView, 'itemTitle' | 'coverUrl' | 'account'>,
): PublicationView {
  const { platform: _platform, ...options } = p.options;
  return {
    id: p.id,
    itemId: p.itemId,
    versionId: p.versionId,
    connectionId: p.connectionId,
    platform: p.platform,
    status: p.status,
    scheduledAt: p.scheduledAt,
    timeZone: p.timeZone,
    startedAt: p.startedAt,
    publishedAt: p.publishedAt,
    attempts: p.attempts,
    platformPostId: p.platformPostId,
    url: p.url,
    error: p.error,
    deferral: p.deferral,
    timeline: p.timeline,
    options,
    ...extra,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}
