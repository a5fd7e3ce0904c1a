import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../core/context.js';
import type { TiktokSettings } from '../core/settings.js';
import { sendApiError } from './envelope.js';
import type { IssuedToken, TiktokStore } from './store.js';

/** Per-token rate-limit buckets: one per endpoint, each with its documented limit (§1.3, §1.7). */
const BUCKET_LIMIT = {
  creatorInfo: 'creatorInfo',
  directInit: 'init',
  inboxInit: 'init',
  status: 'status',
  userInfo: 'display',
  videoList: 'display',
  videoQuery: 'display',
} as const satisfies Record<string, keyof TiktokSettings['rateLimits']>;
export type RateBucket = keyof typeof BUCKET_LIMIT;

/** The bearer token of a request, or null. */
export function bearerToken(request: FastifyRequest): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return match?.[1] ?? null;
}

/**
 * Checks a data call in TikTok's order: a live bearer token (401 access_token_invalid), one of the
 * scopes (401 scope_not_authorized), then the per-token sliding window (429 rate_limit_exceeded).
 * Answers the error itself and returns null, or returns the token.
 */
export async function guardCall(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: SandboxContext,
  store: TiktokStore,
  anyOfScopes: string[],
  bucket: RateBucket,
): Promise<IssuedToken | null> {
  const now = ctx.clock.now();
  const raw = bearerToken(request);
  const token = raw === null ? undefined : store.liveAccessToken(raw, now);
  if (!token) {
    await sendApiError(
      reply,
      now,
      401,
      'access_token_invalid',
      'The access token is invalid or not found in the request.',
    );
    return null;
  }
  if (!anyOfScopes.some((s) => token.scopes.includes(s))) {
    await sendApiError(
      reply,
      now,
      401,
      'scope_not_authorized',
      'The user did not authorize the scope required for completing this request.',
    );
    return null;
  }
  const limit = ctx.settings.tiktok.rateLimits[BUCKET_LIMIT[bucket]];
  if (!store.limiter.allow(`${bucket}:${token.token}`, limit, now)) {
    await sendApiError(
      reply,
      now,
      429,
      'rate_limit_exceeded',
      'The API rate limit was exceeded. Please try again later.',
    );
    return null;
  }
  return token;
}
