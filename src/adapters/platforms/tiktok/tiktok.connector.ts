import type { BaseUrlName, AppCredentials } from '../../../config/platforms.js';
import type { TokenPair } from '../../../domain/connection.js';
import type {
  AccountProfile,
  CallbackResult,
  IssuedTokens,
  PlatformConnector,
} from '../../../ports/platform-connector.js';
import { formBody, needsReconnect, platformFetch, platformUrl, type PlatformResponse } from '../http.js';
import { parseTikTokCallback } from './tiktok-callback.js';
import { parseTikTokProfile, TIKTOK_PROFILE_FIELDS } from './tiktok-profile.js';
import { checkTikTokRevokeResponse, parseTikTokTokenResponse, type TikTokGrant } from './tiktok-token.js';

/** The scopes issue 4 requests: profile, Direct Post, inbox upload and reading own videos. */
export const TIKTOK_SCOPES = ['user.info.basic', 'video.publish', 'video.upload', 'video.list'] as const;

/** Share of the access-token lifetime after which a refresh is due: well before TikTok's 2 h expiry. */
const REFRESH_AT_FRACTION = 0.75;

/** Where TikTok is reached, with which app, and where it sends the person back. */
export interface TiktokConnectorOptions {
  baseUrls: Record<BaseUrlName, string>;
  app: AppCredentials;
  redirectUri: string;
  timeoutMs?: number;
}

/** TikTok Login Kit for Web and user info (PLATFORMS.md §1.1), reached only through the configured base URLs. */
export class TiktokConnector implements PlatformConnector {
  readonly platform = 'tiktok' as const;
  readonly requestedScopes: readonly string[] = TIKTOK_SCOPES;
  // PKCE is required only for desktop/mobile apps, not for Login Kit for Web (§1.1).
  readonly usesPkce = false;
  readonly refreshesWithRefreshToken = true;
  readonly revokesAtPlatform = true;

  constructor(private readonly options: TiktokConnectorOptions) {}

  /** The consent URL; TikTok has no consent-forcing parameter, and every code exchange issues a refresh token. */
  authorizeUrl(input: { state: string; codeChallenge: string | null; forceConsent: boolean }): string {
    return platformUrl(this.options.baseUrls.TIKTOK_AUTH_BASE_URL, '/v2/auth/authorize/', {
      client_key: this.options.app.clientId,
      scope: this.requestedScopes.join(','),
      response_type: 'code',
      redirect_uri: this.options.redirectUri,
      state: input.state,
    });
  }

  /** Reads the callback query (code, state and granted scopes, or the error). */
  parseCallback(query: Record<string, string | undefined>): CallbackResult {
    return parseTikTokCallback(query);
  }

  /** Exchanges the code; `redirect_uri` must be the one sent at authorize. */
  async exchangeCode(input: { code: string; codeVerifier: string | null }): Promise<IssuedTokens> {
    return this.tokenCall('authorization_code', {
      code: input.code,
      grant_type: 'authorization_code',
      redirect_uri: this.options.redirectUri,
    });
  }

  /** Refreshes; TikTok rotates refresh tokens, so the answer always carries the new one to store. */
  async refresh(tokens: TokenPair): Promise<IssuedTokens> {
    if (!tokens.refreshToken) throw needsReconnect('no TikTok refresh token is stored');
    return this.tokenCall('refresh_token', {
      grant_type: 'refresh_token',
      refresh_token: tokens.refreshToken,
    });
  }

  /** Revokes the grant with the access token; a grant that is already dead counts as revoked. */
  async revoke(tokens: TokenPair): Promise<void> {
    checkTikTokRevokeResponse(await this.post('/v2/oauth/revoke/', { token: tokens.accessToken }));
  }

  /** The account behind the token: open_id, display name and avatar (scope user.info.basic). */
  async fetchProfile(accessToken: string): Promise<AccountProfile> {
    const url = platformUrl(this.options.baseUrls.TIKTOK_API_BASE_URL, '/v2/user/info/', {
      fields: TIKTOK_PROFILE_FIELDS.join(','),
    });
    const response = await platformFetch(
      url,
      { method: 'GET', headers: { authorization: `Bearer ${accessToken}` } },
      { timeoutMs: this.options.timeoutMs },
    );
    return parseTikTokProfile(response);
  }

  /** At 75% of `expires_in` after `issuedAt` (ms since the epoch), well before expiry; null without a lifetime. */
  refreshDueAt(tokens: {
    issuedAt: number;
    accessTokenExpiresIn: number | null;
    refreshTokenExpiresIn: number | null;
  }): number | null {
    const lifetimes = [tokens.accessTokenExpiresIn, tokens.refreshTokenExpiresIn].filter(
      (s): s is number => s !== null,
    );
    if (lifetimes.length === 0) return null;
    return tokens.issuedAt + Math.floor(Math.min(...lifetimes) * 1000 * REFRESH_AT_FRACTION);
  }

  private async tokenCall(grant: TikTokGrant, fields: Record<string, string>): Promise<IssuedTokens> {
    const response = await this.post('/v2/oauth/token/', fields);
    return parseTikTokTokenResponse(response, grant, this.requestedScopes);
  }

  /** A form-encoded POST to TikTok's OAuth API with the app's key and secret (the token endpoints want forms). */
  private async post(path: string, fields: Record<string, string>): Promise<PlatformResponse> {
    const body = formBody({
      client_key: this.options.app.clientId,
      client_secret: this.options.app.clientSecret,
      ...fields,
    });
    return platformFetch(
      platformUrl(this.options.baseUrls.TIKTOK_API_BASE_URL, path),
      { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body },
      { timeoutMs: this.options.timeoutMs },
    );
  }
}
