import type { Clock } from '../ports/clock.js';
import { isoNow } from '../ports/clock.js';
import type { IssuedTokens, PlatformConnector } from '../ports/platform-connector.js';

/**
 * When to refresh next: the connector's platform rule (from the response's lifetimes), pulled earlier by up to
 * 10% of the remaining time so that many accounts connected together do not refresh together.
 */
export function nextRefreshAt(
  connector: PlatformConnector,
  clock: Clock,
  issued: IssuedTokens,
  canRefresh: boolean,
  random = Math.random,
): string | null {
  if (!canRefresh && connector.refreshesWithRefreshToken) return null;
  const now = clock.now();
  const due = connector.refreshDueAt({
    issuedAt: now,
    accessTokenExpiresIn: issued.accessTokenExpiresIn,
    refreshTokenExpiresIn: issued.refreshTokenExpiresIn,
  });
  if (due === null) return null;
  const jitter = Math.floor(Math.max(0, due - now) * 0.1 * random());
  return isoNow({ now: () => due - jitter });
}
