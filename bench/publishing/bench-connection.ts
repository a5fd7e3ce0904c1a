import type { Connection, Platform } from '../../src/domain/connection.js';
import { newId } from '../../src/domain/ids.js';

/** An active sandbox connection record as the benchmarks seed it (tokens, if any, are sealed by the caller). */
export function benchConnection(fields: {
  workspaceId: string;
  platform: Platform;
  externalAccountId: string;
  displayName: string;
  scopes: string[];
  now: string;
}): Connection {
  const { now, ...identity } = fields;
  return {
    id: newId(),
    ...identity,
    avatarUrl: null,
    status: 'active',
    accessTokenExpiresAt: null,
    refreshTokenExpiresAt: null,
    maskedAccessToken: null,
    maskedRefreshToken: null,
    lastRefreshedAt: null,
    lastError: null,
    nextRefreshAt: null,
    sandbox: true,
    aliases: [],
    createdAt: now,
    updatedAt: now,
  };
}
