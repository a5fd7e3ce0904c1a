import type { IsoDate } from './people.js';

export const PLATFORMS = ['tiktok', 'instagram', 'youtube'] as const;
export type Platform = (typeof PLATFORMS)[number];

export type ConnectionStatus = 'active' | 'needs_reconnect' | 'revoked';

/** One connected platform account of a workspace. Its tokens live only in the vault, sealed. */
export interface Connection {
  id: string;
  workspaceId: string;
  platform: Platform;
  externalAccountId: string;
  displayName: string;
  avatarUrl: string | null;
  /** Scopes the user granted (may be fewer than requested). */
  scopes: string[];
  status: ConnectionStatus;
  accessTokenExpiresAt: IsoDate | null;
  refreshTokenExpiresAt: IsoDate | null;
  maskedAccessToken: string | null;
  maskedRefreshToken: string | null;
  lastRefreshedAt: IsoDate | null;
  lastError: string | null;
  /** When the scheduler should refresh next; null when nothing is due (revoked, or no way to refresh). */
  nextRefreshAt: IsoDate | null;
  sandbox: boolean;
  /** Platform-specific ids kept for callbacks (e.g. Instagram's app-scoped id). */
  aliases: string[];
  createdAt: IsoDate;
  updatedAt: IsoDate;
}

/** The plaintext an access grant consists of; exists only inside a vault call. */
export interface TokenPair {
  accessToken: string;
  refreshToken: string | null;
}

/** At most the first 4 and last 4 characters, never enough to use. Short tokens show only their length. */
export function maskToken(token: string | null): string | null {
  if (!token) return null;
  if (token.length < 16) return `••••(${token.length})`;
  return `${token.slice(0, 4)}…${token.slice(-4)}`;
}

/** Scopes the product needs that the user did not grant. */
export function missingScopes(required: readonly string[], granted: readonly string[]): string[] {
  return required.filter((s) => !granted.includes(s));
}
