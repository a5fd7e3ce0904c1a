import type { FastifyRequest } from 'fastify';
import type { SandboxContext } from '../core/context.js';
import { API_ERRORS, type ApiError } from './errors.js';
import type { AccessToken, GoogleOauthStore } from './oauth-store.js';
import { googleUserFor, type GoogleUser } from './personas.js';
import { quotaChargeFor, type QuotaLedger } from './quota.js';
import { scopesAllow, type ApiMethod } from './scopes.js';

/** The caller of a Data API method, once the bearer token and its scopes passed. */
export interface ApiCaller {
  access: AccessToken;
  user: GoogleUser;
}

/** Shared state the Data API routes need. */
export interface ApiDeps {
  ctx: SandboxContext;
  oauth: GoogleOauthStore;
  quota: QuotaLedger;
}

/**
 * Checks the credentials of a call: no credentials → 403 (methods that take an API key) or 401 Login Required;
 * `key=` → 400 keyInvalid (the sandbox registers no API key); dead token → 401 authError; wrong scopes → 403.
 */
export function authorizeCall(
  request: FastifyRequest,
  deps: ApiDeps,
  method: ApiMethod,
): ApiCaller | ApiError {
  const header = request.headers.authorization;
  const query = request.query as Record<string, unknown>;
  if (!header) {
    if (query.key !== undefined) return API_ERRORS.keyInvalid();
    return method === 'videos.insert' ? API_ERRORS.loginRequired() : API_ERRORS.apiKeyMissing();
  }
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const access = match?.[1] ? deps.oauth.liveAccessToken(match[1]) : undefined;
  if (!access) return API_ERRORS.authError();
  if (!scopesAllow(access.scopes, method)) return API_ERRORS.insufficientPermissions();
  return { access, user: googleUserFor(access.persona, deps.ctx.settings.seed) };
}

/** Charges the method's quota cost to the caller's project; a 403 quotaExceeded when the day's budget is spent. */
export function chargeQuota(caller: ApiCaller, deps: ApiDeps, method: ApiMethod): ApiError | null {
  const charge = quotaChargeFor(method, deps.ctx.settings.google);
  return deps.quota.tryCharge(caller.access.clientId, charge, deps.ctx.clock.now())
    ? null
    : API_ERRORS.quotaExceeded();
}

/** Narrows a result that may be an ApiError. */
export function isApiError(value: unknown): value is ApiError {
  return typeof value === 'object' && value !== null && 'status' in value && 'body' in value;
}
