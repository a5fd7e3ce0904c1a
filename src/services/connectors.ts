import { UserError } from '../domain/errors.js';
import type { Platform } from '../domain/connection.js';
import type { PlatformConnector } from '../ports/platform-connector.js';

/** The connectors this run has, by platform (a platform without app credentials has none). */
export type ConnectorSet = Partial<Record<Platform, PlatformConnector>>;

/** The platform's connector, or a clear error saying the platform is not set up. */
export function connectorFor(connectors: ConnectorSet, platform: Platform): PlatformConnector {
  const connector = connectors[platform];
  if (!connector) {
    throw new UserError(
      'validation',
      'platform_not_configured',
      `${platform} is not set up on this server (no app credentials)`,
    );
  }
  return connector;
}
