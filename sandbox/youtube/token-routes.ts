import { createHash } from 'node:crypto';
import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../core/context.js';
import { oauthError, type OauthError } from './errors.js';
import type { AccessToken, AuthCode, GoogleOauthStore, RefreshToken } from './oauth-store.js';

type Form = Record<string, string | undefined>;

/** oauth2.googleapis.com: `/token` (authorization_code, refresh_token) and `/revoke`. */
export function registerTokenRoutes(
  app: FastifyInstance,
  ctx: SandboxContext,
  store: GoogleOauthStore,
): void {
  void app.register(formbody);
  app.setNotFoundHandler(async (_request, reply) =>
    sendOauth(reply, oauthError(404, 'not_found', 'Not Found')),
  );
  app.setErrorHandler(async (error: { statusCode?: number }, _request, reply) =>
    sendOauth(
      reply,
      error.statusCode !== undefined && error.statusCode < 500
        ? oauthError(400, 'invalid_request', 'Invalid request body.')
        : oauthError(500, 'server_error', 'Internal error.'),
    ),
  );

  app.post('/token', async (request, reply) => {
    const form = formOf(request);
    if (!form)
      return sendOauth(
        reply,
        oauthError(400, 'invalid_request', 'Invalid content type: a form body is required.'),
      );
    const clientProblem = authenticateClient(request, form, ctx);
    if (clientProblem) return sendOauth(reply, clientProblem);
    const grantType = form.grant_type ?? '';
    const expiresIn = ctx.settings.google.accessTokenSeconds;
    if (grantType === 'authorization_code') return exchangeCode(reply, form, store, expiresIn);
    if (grantType === 'refresh_token') return refreshGrant(reply, form, store, expiresIn);
    return sendOauth(reply, oauthError(400, 'unsupported_grant_type', `Invalid grant_type: ${grantType}`));
  });

  app.post('/revoke', async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const form = request.body === undefined ? {} : formOf(request);
    if (!form)
      return sendOauth(
        reply,
        oauthError(400, 'invalid_request', 'Invalid content type: a form body is required.'),
      );
    const token = typeof query.token === 'string' ? query.token : form.token;
    if (!token) return sendOauth(reply, oauthError(400, 'invalid_request', 'Bad Request'));
    if (!store.revokeByToken(token)) {
      return sendOauth(reply, oauthError(400, 'invalid_token', 'Token expired or revoked'));
    }
    return reply.code(200).type('application/json; charset=utf-8').send({});
  });
}

async function exchangeCode(
  reply: FastifyReply,
  form: Form,
  store: GoogleOauthStore,
  expiresIn: number,
): Promise<FastifyReply> {
  if (!form.code)
    return sendOauth(reply, oauthError(400, 'invalid_request', 'Missing required parameter: code'));
  const code = store.findCode(form.code);
  if (!code) return sendOauth(reply, oauthError(400, 'invalid_grant', 'Malformed auth code.'));
  const invalid = codeProblem(code, form, store);
  if (invalid) return sendOauth(reply, invalid);
  const { access, refresh } = store.redeemCode(code);
  return sendTokens(reply, access, refresh, expiresIn);
}

/** Expiry, redirect URI and PKCE checks of a code, with Google's wording. */
function codeProblem(code: AuthCode, form: Form, store: GoogleOauthStore): OauthError | null {
  if (code.used || code.clientId !== form.client_id || store.isExpired(code)) {
    return oauthError(400, 'invalid_grant', 'Bad Request');
  }
  if (!form.redirect_uri) return oauthError(400, 'invalid_request', 'Missing parameter: redirect_uri');
  if (form.redirect_uri !== code.redirectUri) return oauthError(400, 'redirect_uri_mismatch', 'Bad Request');
  if (!code.challenge) {
    return form.code_verifier === undefined
      ? null
      : oauthError(400, 'invalid_request', 'code_verifier or verifier is not needed.');
  }
  if (!form.code_verifier) return oauthError(400, 'invalid_grant', 'Missing code verifier.');
  const derived =
    code.challenge.method === 'S256'
      ? createHash('sha256').update(form.code_verifier).digest('base64url')
      : form.code_verifier;
  return derived === code.challenge.value ? null : oauthError(400, 'invalid_grant', 'Invalid code verifier.');
}

async function refreshGrant(
  reply: FastifyReply,
  form: Form,
  store: GoogleOauthStore,
  expiresIn: number,
): Promise<FastifyReply> {
  if (!form.refresh_token) {
    return sendOauth(reply, oauthError(400, 'invalid_request', 'Missing required parameter: refresh_token'));
  }
  const refresh = store.liveRefreshToken(form.refresh_token);
  if (!refresh || refresh.clientId !== form.client_id) {
    return sendOauth(reply, oauthError(400, 'invalid_grant', 'Token has been expired or revoked.'));
  }
  return sendTokens(reply, store.refresh(refresh), null, expiresIn);
}

/** client_secret_post or client_secret_basic, checked against the registered Google app; null when it passes. */
function authenticateClient(request: FastifyRequest, form: Form, ctx: SandboxContext): OauthError | null {
  const basic = parseBasic(request.headers.authorization);
  const clientId = basic?.id ?? form.client_id;
  const secret = basic?.secret ?? form.client_secret;
  const app = ctx.settings.apps.google;
  if (!clientId) return oauthError(400, 'invalid_request', 'Could not determine client ID from request.');
  if (clientId !== app.clientId) return oauthError(401, 'invalid_client', 'The OAuth client was not found.');
  if (secret !== app.clientSecret) return oauthError(401, 'invalid_client', 'Unauthorized');
  form.client_id = clientId;
  return null;
}

function parseBasic(header: string | undefined): { id: string; secret: string } | null {
  if (!header?.startsWith('Basic ')) return null;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  try {
    return {
      id: decodeURIComponent(decoded.slice(0, colon)),
      secret: decodeURIComponent(decoded.slice(colon + 1)),
    };
  } catch {
    return null;
  }
}

/** The form fields, or null when the body is not application/x-www-form-urlencoded. */
function formOf(request: FastifyRequest): Form | null {
  const type = request.headers['content-type'] ?? '';
  if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded')) return null;
  const form: Form = {};
  for (const [key, value] of Object.entries((request.body as Record<string, unknown> | undefined) ?? {})) {
    if (typeof value === 'string') form[key] = value;
  }
  return form;
}

async function sendTokens(
  reply: FastifyReply,
  access: AccessToken,
  refresh: RefreshToken | null,
  expiresIn: number,
): Promise<FastifyReply> {
  const body = {
    access_token: access.token,
    expires_in: expiresIn,
    ...(refresh ? { refresh_token: refresh.token } : {}),
    scope: access.scopes.join(' '),
    token_type: 'Bearer',
  };
  return reply
    .code(200)
    .headers({ 'cache-control': 'no-cache, no-store, max-age=0, must-revalidate', pragma: 'no-cache' })
    .type('application/json; charset=utf-8')
    .send(body);
}

async function sendOauth(reply: FastifyReply, error: OauthError): Promise<FastifyReply> {
  return reply.code(error.status).type('application/json; charset=utf-8').send(error.body);
}
