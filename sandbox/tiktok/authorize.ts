import type { FastifyInstance, FastifyReply } from 'fastify';
import { renderConsentPage } from '../core/consent-page.js';
import type { SandboxContext } from '../core/context.js';
import { PERSONA_IDS, type PersonaId } from '../core/settings.js';
import { openIdOf, tiktokPersonaOf } from './accounts.js';
import { installRawBodyParser, parseFormBody } from './envelope.js';
import type { TiktokStore } from './store.js';

export const AUTHORIZE_PATH = '/v2/auth/authorize/';

/** Login Kit scopes (§1.1); the user may untick all but user.info.basic. */
export const TIKTOK_SCOPES: Record<string, string> = {
  'user.info.basic': 'Read your profile info (avatar, display name)',
  'user.info.profile': 'Read your profile details (bio, verified badge, username)',
  'user.info.stats': 'Read your follower, following, like and video counts',
  'video.list': 'Read your public videos',
  'video.upload': 'Share content to your inbox as drafts',
  'video.publish': 'Post content directly to your TikTok profile',
};

const CARRIED = [
  'client_key',
  'scope',
  'response_type',
  'redirect_uri',
  'state',
  'code_challenge',
  'code_challenge_method',
] as const;
type AuthorizeParams = Partial<Record<(typeof CARRIED)[number], string>>;

type Checked =
  | { kind: 'page'; error: string; description: string }
  | { kind: 'redirect-error'; redirectUri: string; error: string; description: string; state?: string }
  | { kind: 'ok'; redirectUri: string; scopes: string[]; state: string; challenge: string | null };

function pick(read: (name: string) => unknown): AuthorizeParams {
  const params: AuthorizeParams = {};
  for (const name of CARRIED) {
    const raw = read(name);
    const value = Array.isArray(raw) ? (raw[0] as unknown) : raw;
    if (typeof value === 'string') params[name] = value;
  }
  return params;
}

/** Validates authorize parameters in TikTok's order: client and redirect URI first (an error page). */
function check(params: AuthorizeParams, ctx: SandboxContext): Checked {
  const app = ctx.settings.apps.tiktok;
  if (params.client_key !== app.clientId)
    return { kind: 'page', error: 'invalid_client', description: 'client_key is not recognised' };
  const redirectUri = params.redirect_uri ?? '';
  if (!app.redirectUris.includes(redirectUri))
    return { kind: 'page', error: 'invalid_request', description: 'redirect_uri is not registered' };
  const fail = (error: string, description: string): Checked => ({
    kind: 'redirect-error',
    redirectUri,
    error,
    description,
    ...(params.state ? { state: params.state } : {}),
  });
  if (params.response_type !== 'code') return fail('unsupported_response_type', 'response_type must be code');
  if (!params.scope) return fail('invalid_request', 'scope is required');
  const scopes = [...new Set(params.scope.split(',').filter((s) => s !== ''))];
  const unknown = scopes.find((s) => !(s in TIKTOK_SCOPES));
  if (unknown !== undefined || scopes.length === 0)
    return fail('invalid_scope', `invalid scope: ${unknown ?? ''} (scopes are comma-separated)`);
  if (!params.state) return fail('invalid_request', 'state is required');
  const challenge = params.code_challenge ?? null;
  if (challenge === null && ctx.settings.tiktok.appType === 'desktop')
    return fail('invalid_request', 'code_challenge is required for desktop apps');
  if (challenge !== null && params.code_challenge_method !== 'S256')
    return fail('invalid_request', 'code_challenge_method must be S256');
  return { kind: 'ok', redirectUri, scopes, state: params.state, challenge };
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** TikTok's "Something went wrong" page: shown instead of redirecting to an unverified URI. */
export async function sendErrorPage(
  reply: FastifyReply,
  status: number,
  error: string,
  description: string,
): Promise<FastifyReply> {
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>TikTok sandbox · error</title></head>` +
    `<body><main><h1>Something went wrong</h1><p>${escapeHtml(description)}</p>` +
    `<p>error: <code>${escapeHtml(error)}</code></p></main></body></html>`;
  return reply.code(status).type('text/html; charset=utf-8').send(html);
}

function redirectWith(reply: FastifyReply, uri: string, params: Record<string, string>): FastifyReply {
  const target = new URL(uri);
  for (const [k, v] of Object.entries(params)) target.searchParams.set(k, v);
  return reply.redirect(target.toString(), 302);
}

/** Answers the consent: a denial, or a code bound to client, redirect URI, scopes and PKCE challenge. */
function finish(
  reply: FastifyReply,
  ctx: SandboxContext,
  store: TiktokStore,
  ok: Extract<Checked, { kind: 'ok' }>,
  personaId: PersonaId,
  granted: string[],
): FastifyReply {
  const persona = tiktokPersonaOf(personaId);
  if (!persona)
    return redirectWith(reply, ok.redirectUri, {
      error: 'access_denied',
      error_description: 'The user denied the authorization request',
      state: ok.state,
    });
  const clientKey = ctx.settings.apps.tiktok.clientId;
  const expiresAt = ctx.clock.now() + ctx.settings.tiktok.authorizationCodeSeconds * 1000;
  const grant = { clientKey, openId: openIdOf(clientKey, persona), persona, scopes: granted };
  const code = store.createCode(grant, ok.redirectUri, ok.challenge, expiresAt);
  return redirectWith(reply, ok.redirectUri, { code: code.code, scopes: granted.join(','), state: ok.state });
}

async function answerInvalid(reply: FastifyReply, checked: Exclude<Checked, { kind: 'ok' }>) {
  if (checked.kind === 'page') return sendErrorPage(reply, 400, checked.error, checked.description);
  const { redirectUri, error, description, state } = checked;
  return redirectWith(reply, redirectUri, {
    error,
    error_description: description,
    ...(state ? { state } : {}),
  });
}

/** The Login Kit authorize page on the www host: GET shows consent (or auto-consents), POST answers it. */
export function registerAuthorizeRoutes(app: FastifyInstance, ctx: SandboxContext, store: TiktokStore): void {
  installRawBodyParser(app);
  app.setNotFoundHandler(async (_request, reply) => sendErrorPage(reply, 404, 'not_found', 'Page not found'));
  app.setErrorHandler(async (_error, _request, reply) =>
    sendErrorPage(reply, 400, 'invalid_request', 'The request could not be read'),
  );

  app.get(AUTHORIZE_PATH, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const params = pick((name) => query[name]);
    const checked = check(params, ctx);
    if (checked.kind !== 'ok') return answerInvalid(reply, checked);
    if (ctx.settings.autoConsent)
      return finish(reply, ctx, store, checked, ctx.settings.autoConsent, checked.scopes);
    const page = renderConsentPage({
      platformName: 'TikTok',
      appName: 'AI Factory',
      scopes: checked.scopes.map((id) => ({
        id,
        label: TIKTOK_SCOPES[id] ?? id,
        optional: id !== 'user.info.basic',
      })),
      personas: [
        { id: 'public', label: 'AI Factory (public account)' },
        { id: 'private', label: 'AI Factory (private account)' },
        { id: 'unaudited', label: 'Tester of an unaudited app (private account)' },
        { id: 'deny', label: 'Refuse' },
      ],
      action: ctx.url('tiktokAuth', AUTHORIZE_PATH),
      carry: params,
    });
    return reply.type('text/html; charset=utf-8').send(page);
  });

  app.post(AUTHORIZE_PATH, async (request, reply) => {
    const form = parseFormBody(request);
    if (!form) return sendErrorPage(reply, 400, 'invalid_request', 'The consent form must be form-encoded');
    const params = pick((name) => form.get(name) ?? undefined);
    const checked = check(params, ctx);
    if (checked.kind !== 'ok') return answerInvalid(reply, checked);
    const persona = form.get('persona') ?? '';
    if (!(PERSONA_IDS as readonly string[]).includes(persona))
      return sendErrorPage(reply, 400, 'invalid_request', 'Pick who signs in');
    const ticked = new Set(form.getAll('granted_scope'));
    const granted = checked.scopes.filter((s) => s === 'user.info.basic' || ticked.has(s));
    return finish(reply, ctx, store, checked, persona as PersonaId, granted);
  });
}
