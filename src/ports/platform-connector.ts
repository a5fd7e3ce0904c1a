import type { Platform, TokenPair } from '../domain/connection.js';

/** Tokens as a platform returned them, with lifetimes in seconds from the response (never assumed). */
export interface IssuedTokens extends TokenPair {
  accessTokenExpiresIn: number | null;
  refreshTokenExpiresIn: number | null;
  /** Granted scopes when the platform says (TikTok, Google); otherwise the connector's best knowledge. */
  scopes: string[];
  /** The platform's account id when the token response carries it (TikTok open_id, Instagram user_id). */
  accountId: string | null;
}

export interface AccountProfile {
  externalAccountId: string;
  displayName: string;
  avatarUrl: string | null;
  /** Other ids the platform uses for this account (Instagram's app-scoped id), for callbacks. */
  aliases: string[];
}

export type CallbackResult =
  | { ok: true; code: string; state: string; grantedScopes: string[] | null }
  | { ok: false; state: string | null; error: string; description: string };

/**
 * One platform's OAuth and account API. Implementations reach the platform only through the configured base URLs
 * and throw UserError('needs_reconnect', …) for dead grants, TransientError for 429/5xx/timeouts.
 */
export interface PlatformConnector {
  readonly platform: Platform;
  /** Exactly the scopes the product requests. */
  readonly requestedScopes: readonly string[];
  /** True when the flow uses PKCE S256 (Google). */
  readonly usesPkce: boolean;
  /** True when refreshing needs a refresh token (TikTok, Google); Instagram refreshes the access token itself. */
  readonly refreshesWithRefreshToken: boolean;
  /** The consent URL the person is sent to. */
  authorizeUrl(input: { state: string; codeChallenge: string | null; forceConsent: boolean }): string;
  /** Reads the callback query (code or error, state, granted scopes). */
  parseCallback(query: Record<string, string | undefined>): CallbackResult;
  /** Exchanges the code (and, for Instagram, the short-lived for a long-lived token). */
  exchangeCode(input: { code: string; codeVerifier: string | null }): Promise<IssuedTokens>;
  /** Refreshes; the result's refreshToken is null when the platform kept the old one. */
  refresh(tokens: TokenPair): Promise<IssuedTokens>;
  /** True when the platform has a revoke call (TikTok, Google); Instagram has none: the person removes the app there. */
  readonly revokesAtPlatform: boolean;
  /** Revokes the grant at the platform; a no-op where the platform has no revoke endpoint. */
  revoke(tokens: TokenPair): Promise<void>;
  /** The account behind the token. */
  fetchProfile(accessToken: string): Promise<AccountProfile>;
  /** When a token issued at `issuedAt` should be refreshed (platform rules, before expiry); null: never. */
  refreshDueAt(tokens: {
    issuedAt: number;
    accessTokenExpiresIn: number | null;
    refreshTokenExpiresIn: number | null;
  }): number | null;
}
