import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { SandboxContext } from '../core/context.js';
import { parseFormBody, sendOauthError } from './envelope.js';
import { removeAuthorization } from './events.js';
import type { IssuedToken, TiktokStore } from './store.js';

const VERIFIER_PATTERN = /^[A-Za-z0-9\-._~]{43,128}$/;

/** The flat token body (§1.1). */
function tokenBody(access: IssuedToken, refresh: IssuedToken, now: number) {
  return {
    open_id: access.openId,
    scope: access.scopes.join(','),
    access_token: access.token,
    expires_in: Math.floor((access.expiresAt - now) / 1000),
    refresh_token: refresh.token,
    refresh_expires_in: Math.floor((refresh.expiresAt - now) / 1000),
    token_type: 'Bearer',
  };
}

/** TikTok's PKCE: the challenge is the lower-case hex SHA-256 of the verifier (not base64url). */
export function hexChallenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('hex');
}

type Fail = (code: string, description: string) => Promise<FastifyReply>;

async function exchangeCode(
  form: URLSearchParams,
  reply: FastifyReply,
  ctx: SandboxContext,
  store: TiktokStore,
  fail: Fail,
): Promise<FastifyReply> {
  const now = ctx.clock.now();
  const code = form.get('code');
  const redirectUri = form.get('redirect_uri');
  if (!code) return fail('invalid_request', 'code is required');
  if (!redirectUri) return fail('invalid_request', 'redirect_uri is required');
  const record = store.findCode(code);
  if (!record || record.used || record.expiresAt <= now || record.clientKey !== form.get('client_key'))
    return fail('invalid_grant', 'Authorization code is expired.');
  if (record.redirectUri !== redirectUri)
    return fail('invalid_grant', 'redirect_uri does not match the one used to authorize');
  if (record.codeChallenge !== null) {
    const verifier = form.get('code_verifier');
    if (!verifier) return fail('invalid_request', 'code_verifier is required');
    if (!VERIFIER_PATTERN.test(verifier) || hexChallenge(verifier) !== record.codeChallenge)
      return fail('invalid_grant', 'code_verifier does not match the code_challenge');
  }
  record.used = true;
  const { access, refresh } = store.issueTokens(record, ctx.settings.tiktok, now);
  return reply.send(tokenBody(access, refresh, now));
}

async function refreshTokens(
  form: URLSearchParams,
  reply: FastifyReply,
  ctx: SandboxContext,
  store: TiktokStore,
  fail: Fail,
): Promise<FastifyReply> {
  const now = ctx.clock.now();
  const raw = form.get('refresh_token');
  if (!raw) return fail('invalid_request', 'refresh_token is required');
  const current = store.liveRefreshToken(raw, now);
  if (!current || current.clientKey !== form.get('client_key'))
    return fail('invalid_grant', 'Refresh token is invalid or expired.');
  const settings = ctx.settings.tiktok;
  // Rotation: the old refresh token dies the moment a new one is issued (a concurrent refresh loses).
  if (settings.rotateRefreshTokens) current.revoked = true;
  const { access, refresh } = store.issueTokens(
    current,
    settings,
    now,
    settings.rotateRefreshTokens ? undefined : current,
  );
  return reply.send(tokenBody(access, refresh, now));
}

/** `/v2/oauth/token/` and `/v2/oauth/revoke/`: form-encoded only, flat bodies and flat errors. */
export function registerOauthRoutes(app: FastifyInstance, ctx: SandboxContext, store: TiktokStore): void {
  app.post('/v2/oauth/token/', async (request, reply) => {
    const fail: Fail = (code, description) =>
      sendOauthError(reply, ctx.settings.tiktok, ctx.clock.now(), code, description);
    const form = parseFormBody(request);
    if (!form) return fail('invalid_request', 'Content-Type must be application/x-www-form-urlencoded');
    const registered = ctx.settings.apps.tiktok;
    const clientKey = form.get('client_key');
    const clientSecret = form.get('client_secret');
    if (!clientKey || !clientSecret)
      return fail('invalid_request', 'client_key and client_secret are required');
    if (clientKey !== registered.clientId || clientSecret !== registered.clientSecret)
      return fail('invalid_client', 'Client key or secret is incorrect.');
    const grantType = form.get('grant_type');
    if (!grantType) return fail('invalid_request', 'grant_type is required');
    if (grantType === 'authorization_code') return exchangeCode(form, reply, ctx, store, fail);
    if (grantType === 'refresh_token') return refreshTokens(form, reply, ctx, store, fail);
    return fail('unsupported_grant_type', `grant_type ${grantType} is not supported`);
  });

  app.post('/v2/oauth/revoke/', async (request, reply) => {
    const now = ctx.clock.now();
    const fail: Fail = (code, description) =>
      sendOauthError(reply, ctx.settings.tiktok, now, code, description);
    const form = parseFormBody(request);
    if (!form) return fail('invalid_request', 'Content-Type must be application/x-www-form-urlencoded');
    const registered = ctx.settings.apps.tiktok;
    if (
      form.get('client_key') !== registered.clientId ||
      form.get('client_secret') !== registered.clientSecret
    )
      return fail('invalid_client', 'Client key or secret is incorrect.');
    const raw = form.get('token');
    if (!raw) return fail('invalid_request', 'token is required');
    const live = store.liveAccessToken(raw, now) ?? store.liveRefreshToken(raw, now);
    // A developer revoke ends the whole authorization; TikTok reports it as reason 5.
    if (live) removeAuthorization(ctx, store, live.openId, 5);
    return reply.code(200).send();
  });
}
