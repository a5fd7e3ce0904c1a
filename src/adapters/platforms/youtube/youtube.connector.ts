import type { AppCredentials, BaseUrlName } from '../../../config/platforms.js';
import type { TokenPair } from '../../../domain/connection.js';
import type {
  AccountProfile,
  CallbackResult,
  IssuedTokens,
  PlatformConnector,
} from '../../../ports/platform-connector.js';
import {
  formBody,
  needsReconnect,
  platformFetch,
  platformRefused,
  platformUrl,
  throwIfTransient,
  type PlatformResponse,
} from '../http.js';
import { asObject, stringField } from './json-fields.js';
import {
  YOUTUBE_SCOPES,
  parseGoogleCallback,
  parseGoogleTokens,
  tokenCallFailure,
  tokenCallName,
  type TokenCall,
} from './google-oauth.js';
import { parseChannelProfile, youtubeApiFailure } from './youtube-channel.js';

export interface YoutubeConnectorOptions {
  baseUrls: Record<BaseUrlName, string>;
  app: AppCredentials;
  redirectUri: string;
  timeoutMs?: number;
}

const FORM = 'application/x-www-form-urlencoded';

/** Refresh this long before the access token expires, so it is renewed ahead of use. */
const REFRESH_MARGIN_MS = 5 * 60_000;

/** YouTube through Google OAuth 2.0 (web server flow with PKCE S256) and the Data API v3 channel. */
export class YoutubeConnector implements PlatformConnector {
  readonly platform = 'youtube' as const;
  readonly requestedScopes: readonly string[] = YOUTUBE_SCOPES;
  readonly usesPkce = true;
  readonly refreshesWithRefreshToken = true;
  readonly revokesAtPlatform = true;

  constructor(private readonly options: YoutubeConnectorOptions) {}

  /** Google's consent URL: offline access for a refresh token, and prompt=consent to get one again on reconnect. */
  authorizeUrl(input: { state: string; codeChallenge: string | null; forceConsent: boolean }): string {
    return platformUrl(this.options.baseUrls.GOOGLE_AUTH_BASE_URL, '/o/oauth2/v2/auth', {
      client_id: this.options.app.clientId,
      redirect_uri: this.options.redirectUri,
      response_type: 'code',
      scope: this.requestedScopes.join(' '),
      state: input.state,
      access_type: 'offline',
      prompt: input.forceConsent ? 'consent' : undefined,
      code_challenge: input.codeChallenge ?? undefined,
      code_challenge_method: input.codeChallenge ? 'S256' : undefined,
    });
  }

  /** Reads `code`, `scope` and `state`, or Google's `error`. */
  parseCallback(query: Record<string, string | undefined>): CallbackResult {
    return parseGoogleCallback(query);
  }

  /** Exchanges the code (with the PKCE verifier) for tokens; the refresh token comes only with a fresh consent. */
  async exchangeCode(input: { code: string; codeVerifier: string | null }): Promise<IssuedTokens> {
    return this.tokenCall('code_exchange', {
      grant_type: 'authorization_code',
      code: input.code,
      redirect_uri: this.options.redirectUri,
      code_verifier: input.codeVerifier ?? undefined,
    });
  }

  /** A new access token; Google keeps the refresh token, so the result's refreshToken is usually null. */
  async refresh(tokens: TokenPair): Promise<IssuedTokens> {
    if (!tokens.refreshToken) throw needsReconnect('Google issued no refresh token for this connection');
    return this.tokenCall('refresh', { grant_type: 'refresh_token', refresh_token: tokens.refreshToken });
  }

  /** Revokes the whole grant; a token Google already considers invalid counts as revoked. */
  async revoke(tokens: TokenPair): Promise<void> {
    // Either token revokes the grant; the refresh token outlives the access token, so it is the surer one.
    const token = tokens.refreshToken ?? tokens.accessToken;
    const response = await platformFetch(
      platformUrl(this.options.baseUrls.GOOGLE_OAUTH2_BASE_URL, '/revoke', { token }),
      { method: 'POST', headers: { 'content-type': FORM } },
      this.httpOptions(),
    );
    throwIfTransient(response, 'Disconnecting YouTube');
    if (isSuccess(response)) return;
    const error = stringField(asObject(response.json), 'error');
    if (response.status === 400 && error === 'invalid_token') return;
    throw platformRefused(
      'Disconnecting YouTube',
      `Google answered ${response.status}${error ? ` (${error})` : ''}`,
    );
  }

  /** The channel of the token's account; an account without a channel is a UserError 'no_channel'. */
  async fetchProfile(accessToken: string): Promise<AccountProfile> {
    const what = 'Reading the YouTube channel';
    const response = await platformFetch(
      platformUrl(this.options.baseUrls.YOUTUBE_API_BASE_URL, '/youtube/v3/channels', {
        part: 'snippet',
        mine: 'true',
      }),
      { method: 'GET', headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' } },
      this.httpOptions(),
    );
    throwIfTransient(response, what);
    if (!isSuccess(response)) throw youtubeApiFailure(response, what);
    return parseChannelProfile(response.json);
  }

  /** A few minutes before the access token expires (never before half its life); null without a lifetime. */
  refreshDueAt(tokens: {
    issuedAt: number;
    accessTokenExpiresIn: number | null;
    refreshTokenExpiresIn: number | null;
  }): number | null {
    if (tokens.accessTokenExpiresIn === null) return null;
    const lifetimeMs = tokens.accessTokenExpiresIn * 1000;
    return tokens.issuedAt + Math.max(lifetimeMs - REFRESH_MARGIN_MS, lifetimeMs / 2);
  }

  private async tokenCall(
    call: TokenCall,
    fields: Record<string, string | undefined>,
  ): Promise<IssuedTokens> {
    const response = await platformFetch(
      platformUrl(this.options.baseUrls.GOOGLE_OAUTH2_BASE_URL, '/token'),
      {
        method: 'POST',
        headers: { 'content-type': FORM, accept: 'application/json' },
        body: formBody({
          ...fields,
          client_id: this.options.app.clientId,
          client_secret: this.options.app.clientSecret,
        }),
      },
      this.httpOptions(),
    );
    throwIfTransient(response, tokenCallName(call));
    const tokens = isSuccess(response) ? parseGoogleTokens(response.json, this.requestedScopes) : null;
    if (!tokens) throw tokenCallFailure(call, response.status, response.json);
    return tokens;
  }

  private httpOptions(): { timeoutMs?: number } {
    return this.options.timeoutMs === undefined ? {} : { timeoutMs: this.options.timeoutMs };
  }
}

function isSuccess(response: PlatformResponse): boolean {
  return response.status >= 200 && response.status < 300;
}
