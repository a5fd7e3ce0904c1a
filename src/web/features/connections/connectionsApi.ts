import { queryOptions } from '@tanstack/react-query';
import { pageOf } from '../../../api/common.js';
import {
  authorizeResponse,
  connectionView,
  disconnectResponse,
  platformsAvailable,
  type PlatformName,
} from '../../../api/connections.js';
import { apiGet, apiSend } from '../../api/client.js';

const connectionPage = pageOf(connectionView);

/** The cache keys of the workspace's connected accounts and of the platforms it can connect to. */
export const connectionKeys = {
  list: ['connections', 'list'] as const,
  platforms: ['connections', 'platforms'] as const,
};

export const platformsQuery = queryOptions({
  queryKey: connectionKeys.platforms,
  queryFn: ({ signal }) => apiGet('/api/connections/platforms', platformsAvailable, signal),
});

export const listConnections = (cursor: string | null, signal?: AbortSignal) =>
  apiGet(
    cursor ? `/api/connections?cursor=${encodeURIComponent(cursor)}` : '/api/connections',
    connectionPage,
    signal,
  );

/** Asks for the platform's consent page; `reconnectId` re-asks consent for an existing connection. */
export const authorizeConnection = (platform: PlatformName, reconnectId?: string) =>
  apiSend(
    'POST',
    `/api/connections/${encodeURIComponent(platform)}/authorize`,
    reconnectId ? { reconnectId } : {},
    authorizeResponse,
  );

export const disconnectConnection = (id: string) =>
  apiSend('DELETE', `/api/connections/${encodeURIComponent(id)}`, {}, disconnectResponse);

/** Leaves AI Factory for the consent page; only URLs the server handed us, and only http(s). */
export async function goToConsentPage(platform: PlatformName, reconnectId?: string): Promise<void> {
  const { url } = await authorizeConnection(platform, reconnectId);
  const target = new URL(url, window.location.href);
  if (target.protocol !== 'https:' && target.protocol !== 'http:') {
    throw new Error(`Refusing to open a consent page at ${target.protocol}`);
  }
  window.location.assign(target.href);
}
