import type { Connection } from '../../domain/connection.js';
import { TransientError, UserError } from '../../domain/errors.js';
import { PublishFailure } from '../../domain/publishing/publish-failure.js';
import type { PlatformPublisher, PublishOptionsInfo } from '../../ports/platform-publisher.js';
import { PLATFORM_NAMES } from './publication-records.js';
import type { PublishingDeps } from './publishing-deps.js';

/** The publisher of a connection's platform; 409 `publishing_unavailable` when this run has none. */
export function publisherFor(
  deps: Pick<PublishingDeps, 'publishers'>,
  connection: Connection,
): PlatformPublisher {
  const publisher = deps.publishers[connection.platform];
  if (!publisher) {
    throw new UserError(
      'conflict',
      'publishing_unavailable',
      `Publishing to ${PLATFORM_NAMES[connection.platform]} is not set up on this server`,
    );
  }
  return publisher;
}

/** 409 `connection_inactive` unless the account can be used now. */
export function assertActive(connection: Connection): void {
  if (connection.status !== 'active') {
    throw new UserError(
      'conflict',
      'connection_inactive',
      `Reconnect ${PLATFORM_NAMES[connection.platform]} before publishing to this account`,
    );
  }
}

/**
 * What the composer needs, fresh from the platform with the connection's token. TikTok's Direct Post and drafts
 * are narrowed by the scopes the person granted. A platform refusal becomes a plain reason with a stable 4xx code.
 */
export async function fetchPublishOptions(
  deps: Pick<PublishingDeps, 'publishers' | 'tokenRefresh'>,
  connection: Connection,
): Promise<PublishOptionsInfo> {
  assertActive(connection);
  const publisher = publisherFor(deps, connection);
  let info: PublishOptionsInfo;
  try {
    info = await deps.tokenRefresh.withAccessToken(connection.workspaceId, connection.id, (tokens) =>
      publisher.publishOptions(tokens.accessToken),
    );
  } catch (error) {
    throw asUserError(error, connection);
  }
  if (info.platform !== 'tiktok') return info;
  const directPostAvailable = info.directPostAvailable && connection.scopes.includes('video.publish');
  const draftAvailable = info.draftAvailable && connection.scopes.includes('video.upload');
  const reason =
    info.reason ??
    (!directPostAvailable && info.canPostNow && !connection.scopes.includes('video.publish')
      ? 'Direct Post needs the video.publish permission; reconnect TikTok and allow it.'
      : null);
  return { ...info, directPostAvailable, draftAvailable, reason };
}

// The composer shows the reason; nothing a platform says becomes a 500.
function asUserError(error: unknown, connection: Connection): unknown {
  const name = PLATFORM_NAMES[connection.platform];
  if (error instanceof UserError) {
    if (error.kind === 'needs_reconnect')
      return new UserError('needs_reconnect', 'needs_reconnect', `Reconnect ${name} to continue`);
    return error;
  }
  if (error instanceof PublishFailure) {
    if (error.action === 'reconnect')
      return new UserError('needs_reconnect', 'needs_reconnect', `Reconnect ${name}: ${error.message}`);
    if (error.action === 'defer' || error.action === 'retry')
      return new UserError('rate_limited', 'platform_busy', error.message, { platformCode: error.code });
    return new UserError('conflict', 'platform_refused', error.message, { platformCode: error.code });
  }
  if (error instanceof TransientError)
    return new UserError('rate_limited', 'platform_busy', `${name} did not answer; try again in a minute`);
  return new UserError(
    'conflict',
    'platform_unavailable',
    `${name} could not be asked right now; try again later`,
  );
}
