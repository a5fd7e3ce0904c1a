import type { BaseUrlName, AppCredentials } from '../../../config/platforms.js';
import type { TokenPair } from '../../../domain/connection.js';
import { BugError, TransientError, UserError } from '../../../domain/errors.js';
import type {
  AccountProfile,
  CallbackResult,
  IssuedTokens,
  PlatformConnector,
} from '../../../ports/platform-connector.js';
import {
  formBody,
  platformFetch,
  platformRefused,
  platformUrl,
  type PlatformHttpOptions,
  type PlatformResponse,
} from '../http.js';
import { isMetaFailure, readMetaError, throwMetaFailure } from './meta-errors.js';
import { PROFILE_FIELDS, parseProfile } from './profile-response.js';
import { parseLongLivedToken, parseShortLivedToken, type LongLivedToken } from './token-response.js';

/** The pinned Graph API version: an expired version silently redirects to another one (PLATFORMS.md §2). */
export const GRAPH_API_VERSION = 'v25.0';

/** What the product asks Instagram for (issue 4): profile, Reels publishing, insights. */
export const INSTAGRAM_SCOPES = [
  'instagram_business_basic',
  'instagram_business_content_publish',
  'instagram_business_manage_insights',
] as const;

// Meta refuses ig_refresh_token (with 190) for tokens under 24 h old; 10 more minutes absorb clock skew with Meta.
const REFRESH_MIN_AGE_MS = 24 * 3_600_000 + 10 * 60_000;

export interface InstagramConnectorOptions {
  baseUrls: Record<BaseUrlName, string>;
  app: AppCredentials;
  redirectUri: string;
  timeoutMs?: number;
}

/** Instagram API with Instagram Login: OAuth, long-lived tokens refreshed in place, and the account profile. */
export class InstagramConnector implements PlatformConnector {
  readonly platform = 'instagram' as const;
  readonly requestedScopes = INSTAGRAM_SCOPES;
  readonly usesPkce = false;
  readonly refreshesWithRefreshToken = false;
  readonly revokesAtPlatform = false;

  constructor(private readonly options: InstagramConnectorOptions) {}

  /** The consent URL: comma-separated scopes; `force_reauth` on reconnect so the person can pick the account. */
  authorizeUrl(input: { state: string; codeChallenge: string | null; forceConsent: boolean }): string {
    return platformUrl(this.options.baseUrls.INSTAGRAM_AUTH_BASE_URL, '/oauth/authorize', {
      client_id: this.options.app.clientId,
      redirect_uri: this.options.redirectUri,
      response_type: 'code',
      scope: INSTAGRAM_SCOPES.join(','),
      state: input.state,
      force_reauth: input.forceConsent ? 'true' : undefined,
    });
  }

  /** Reads `?code=…&state=…#_` or `?error=access_denied&error_reason=…&error_description=…`. */
  parseCallback(query: Record<string, string | undefined>): CallbackResult {
    const read = (key: string): string | null => withoutMetaFragment(query[key]);
    const state = read('state');
    const error = read('error');
    if (error) {
      return {
        ok: false,
        state,
        error,
        description: read('error_description') ?? read('error_reason') ?? error,
      };
    }
    const code = read('code');
    if (!code || !state) {
      return {
        ok: false,
        state,
        error: 'invalid_callback',
        description: 'Instagram sent the person back without an authorization code or state.',
      };
    }
    // Instagram's callback does not list granted permissions; the token response does.
    return { ok: true, code, state, grantedScopes: null };
  }

  /** Code → short-lived token (form POST) → long-lived token (≈ 60 days), in one step. */
  async exchangeCode(input: { code: string; codeVerifier: string | null }): Promise<IssuedTokens> {
    const what = 'Instagram sign-in';
    const { app, baseUrls, redirectUri } = this.options;
    const response = await this.call(
      what,
      platformUrl(baseUrls.INSTAGRAM_API_BASE_URL, '/oauth/access_token'),
      {
        method: 'POST',
        body: formBody({
          client_id: app.clientId,
          client_secret: app.clientSecret,
          grant_type: 'authorization_code',
          redirect_uri: redirectUri,
          code: withoutMetaFragment(input.code) ?? input.code,
        }),
      },
    );
    const shortLived = parseShortLivedToken(response.json);
    if (!shortLived) throw platformRefused(what, 'Instagram answered without an access token');

    // Server-side only: the app secret travels in the query because Meta documents this call as a GET.
    const exchangeUrl = platformUrl(baseUrls.INSTAGRAM_GRAPH_BASE_URL, '/access_token', {
      grant_type: 'ig_exchange_token',
      client_secret: app.clientSecret,
      access_token: shortLived.accessToken,
    });
    const longLived = parseLongLivedToken((await this.call(what, exchangeUrl, { method: 'GET' })).json);
    return this.issued(what, longLived, shortLived.permissions ?? [...INSTAGRAM_SCOPES]);
  }

  /**
   * Refreshes the long-lived token itself (GET ig_refresh_token; there is no refresh token). A refusal of a token
   * that still works means it was under 24 h old: a scheduling bug, not a dead connection.
   */
  async refresh(tokens: TokenPair): Promise<IssuedTokens> {
    const what = 'Instagram token refresh';
    const url = platformUrl(this.options.baseUrls.INSTAGRAM_GRAPH_BASE_URL, '/refresh_access_token', {
      grant_type: 'ig_refresh_token',
      access_token: tokens.accessToken,
    });
    const response = await platformFetch(url, { method: 'GET' }, this.httpOptions());
    if (isMetaFailure(response)) {
      if (await this.refusedTooEarly(response, tokens.accessToken)) {
        throw new BugError(
          'instagram_refresh_too_early',
          'Instagram refused to refresh a token that still works: refreshes must wait until it is at least 24 h old',
        );
      }
      throwMetaFailure(what, response);
    }
    // The refresh answer lists no permissions: these are the requested ones, not necessarily those granted.
    return this.issued(what, parseLongLivedToken(response.json), [...INSTAGRAM_SCOPES]);
  }

  /** Instagram has no app-side revoke: the person removes the app in Instagram (deauthorize callback). */
  async revoke(_tokens: TokenPair): Promise<void> {}

  /** GET /me: `user_id` is the account id, the app-scoped `id` goes in `aliases`; personal accounts are refused. */
  async fetchProfile(accessToken: string): Promise<AccountProfile> {
    const what = 'Reading the Instagram profile';
    const url = platformUrl(this.options.baseUrls.INSTAGRAM_GRAPH_BASE_URL, `/${GRAPH_API_VERSION}/me`, {
      fields: PROFILE_FIELDS,
      access_token: accessToken,
    });
    const account = parseProfile((await this.call(what, url, { method: 'GET' })).text);
    if (!account) throw platformRefused(what, 'Instagram answered without the account id');
    // PLATFORMS.md §2: only Business and Creator accounts can publish through this API.
    if (account.accountType === 'PERSONAL') {
      throw new UserError(
        'validation',
        'instagram_personal_account',
        'This Instagram account is a personal account. Switch it to a Business or Creator account in Instagram, then connect again.',
      );
    }
    return account.profile;
  }

  /**
   * Refresh at half the token's life, never before it is 24 h old (Meta refuses younger tokens); null when the
   * token expires before it may be refreshed (only a reconnect helps). Without `expires_in`, as soon as allowed.
   */
  refreshDueAt(tokens: {
    issuedAt: number;
    accessTokenExpiresIn: number | null;
    refreshTokenExpiresIn: number | null;
  }): number | null {
    const earliest = tokens.issuedAt + REFRESH_MIN_AGE_MS;
    if (tokens.accessTokenExpiresIn === null) return earliest;
    const lifetimeMs = tokens.accessTokenExpiresIn * 1000;
    if (tokens.issuedAt + lifetimeMs <= earliest) return null;
    return Math.max(earliest, tokens.issuedAt + lifetimeMs / 2);
  }

  /** Meta answers 190 both for dead tokens and for tokens under 24 h old; a token that still reads /me is alive. */
  private async refusedTooEarly(response: PlatformResponse, accessToken: string): Promise<boolean> {
    if (response.status === 429 || response.status >= 500 || readMetaError(response.json)?.code !== 190)
      return false;
    try {
      await this.fetchProfile(accessToken);
      return true;
    } catch (error) {
      if (error instanceof TransientError) throw error;
      return false;
    }
  }

  private async call(what: string, url: string, init: RequestInit): Promise<PlatformResponse> {
    const response = await platformFetch(url, init, this.httpOptions());
    if (isMetaFailure(response)) throwMetaFailure(what, response);
    return response;
  }

  private issued(what: string, token: LongLivedToken | null, scopes: string[]): IssuedTokens {
    if (!token) throw platformRefused(what, 'Instagram answered without an access token');
    return {
      accessToken: token.accessToken,
      // Instagram has no refresh token: the long-lived access token refreshes itself.
      refreshToken: null,
      accessTokenExpiresIn: token.expiresIn,
      refreshTokenExpiresIn: null,
      scopes,
      // The token response's user_id is app-scoped (PLATFORMS.md §2.1); the account id comes from fetchProfile.
      accountId: null,
    };
  }

  private httpOptions(): PlatformHttpOptions {
    return { timeoutMs: this.options.timeoutMs };
  }
}

// Meta appends `#_` to the redirect; it reaches a value when the callback URL was captured whole.
function withoutMetaFragment(value: string | undefined): string | null {
  const trimmed = value?.replace(/#_?$/, '').trim();
  return trimmed ? trimmed : null;
}
