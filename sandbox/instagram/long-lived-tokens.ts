import { GraphFailure, graphErrors, type GraphError } from './errors.js';
import { authenticate } from './graph-auth.js';
import type { GraphParams } from './graph-params.js';
import type { InstagramRuntime } from './runtime.js';
import type { AccountProfile } from './store.js';

interface LongLivedBody {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
}

const tokenRefused = (message: string): GraphError => ({
  status: 400,
  code: 190,
  message: `Error validating access token: ${message}`,
});

function checkGrantType(params: GraphParams, expected: string): void {
  const grantType = params.get('grant_type');
  if (!grantType) throw new GraphFailure(graphErrors.missingParam('grant_type'));
  if (grantType !== expected)
    throw new GraphFailure(graphErrors.invalidParam(`Unsupported grant_type: ${grantType}`));
}

function issueLongLived(
  rt: InstagramRuntime,
  source: { profile: AccountProfile; scopes: string[] },
): LongLivedBody {
  const now = rt.ctx.clock.now();
  const seconds = rt.ctx.settings.instagram.longLivedSeconds;
  const token = rt.store.issueToken({
    kind: 'long',
    profile: source.profile,
    scopes: source.scopes,
    issuedAt: now,
    expiresAt: now + seconds * 1000,
  });
  return { access_token: token.token, token_type: 'bearer', expires_in: seconds };
}

/** `GET /access_token?grant_type=ig_exchange_token&client_secret=…&access_token=<short-lived>`. */
export function exchangeToken(rt: InstagramRuntime, params: GraphParams): LongLivedBody {
  checkGrantType(params, 'ig_exchange_token');
  const secret = params.get('client_secret');
  if (!secret) throw new GraphFailure(graphErrors.missingParam('client_secret'));
  if (secret !== rt.ctx.settings.apps.instagram.clientSecret) {
    throw new GraphFailure({ status: 400, code: 1, message: 'Error validating client secret.' });
  }
  const { token } = authenticate(rt, params.get('access_token'));
  if (token.kind !== 'short')
    throw new GraphFailure(tokenRefused('ig_exchange_token needs a short-lived token.'));
  return issueLongLived(rt, token);
}

/** `GET /refresh_access_token?grant_type=ig_refresh_token&access_token=<long-lived ≥ 24 h old>`. */
export function refreshToken(rt: InstagramRuntime, params: GraphParams): LongLivedBody {
  checkGrantType(params, 'ig_refresh_token');
  const { token } = authenticate(rt, params.get('access_token'));
  if (token.kind !== 'long') throw new GraphFailure(tokenRefused('Only long-lived tokens can be refreshed.'));
  const minAgeMs = rt.ctx.settings.instagram.refreshMinAgeSeconds * 1000;
  if (rt.ctx.clock.now() - token.issuedAt < minAgeMs) {
    throw new GraphFailure(tokenRefused('The access token must be at least 24 hours old to be refreshed.'));
  }
  return issueLongLived(rt, token);
}
