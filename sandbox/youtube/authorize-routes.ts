import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { renderConsentPage } from '../core/consent-page.js';
import type { SandboxContext } from '../core/context.js';
import { PERSONA_IDS, type PersonaId } from '../core/settings.js';
import {
  parseAuthorizeRequest,
  renderErrorPage,
  singleValues,
  type AuthorizePageError,
  type AuthorizeRequest,
} from './authorize-request.js';
import type { GoogleOauthStore } from './oauth-store.js';
import { GOOGLE_PERSONAS } from './personas.js';
import { scopeLabel } from './scopes.js';

const AUTHORIZE_PATH = '/o/oauth2/v2/auth';

/** accounts.google.com: the authorize endpoint and its consent page (granular, per-scope checkboxes). */
export function registerAuthorizeRoutes(
  app: FastifyInstance,
  ctx: SandboxContext,
  store: GoogleOauthStore,
): void {
  void app.register(formbody);
  app.setNotFoundHandler(async (_request, reply) =>
    sendPage(reply, {
      status: 404,
      error: 'not_found',
      description: 'The requested URL was not found on this server.',
    }),
  );
  app.setErrorHandler(async (error: { statusCode?: number }, _request, reply) =>
    sendPage(
      reply,
      error.statusCode !== undefined && error.statusCode < 500
        ? { status: 400, error: 'invalid_request', description: 'The request could not be read.' }
        : { status: 500, error: 'server_error', description: 'Something went wrong.' },
    ),
  );

  app.get(AUTHORIZE_PATH, async (request, reply) => {
    const params = singleValues(request.query);
    if (!params) return sendPage(reply, repeatedParameter());
    const parsed = parseAuthorizeRequest(params, ctx.settings.apps.google, ctx.settings.google.requirePkce);
    if ('error' in parsed) return sendPage(reply, parsed);
    if (parsed.prompt.includes('none')) return answerSilently(reply, parsed, store, ctx.settings.autoConsent);
    if (ctx.settings.autoConsent)
      return answer(reply, parsed, store, ctx.settings.autoConsent, parsed.scopes);
    const carry = Object.fromEntries(
      Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined),
    );
    const html = renderConsentPage({
      platformName: 'Google',
      appName: 'AI Factory',
      scopes: parsed.scopes.map((id) => ({ id, label: scopeLabel(id), optional: true })),
      personas: GOOGLE_PERSONAS,
      action: ctx.url('googleAuth', AUTHORIZE_PATH),
      carry,
    });
    return reply.code(200).type('text/html; charset=utf-8').send(html);
  });

  // The consent form posts back here with the original parameters, the persona and the ticked scopes.
  app.post(AUTHORIZE_PATH, async (request, reply) => {
    const params = singleValues(request.body);
    if (!params) return sendPage(reply, repeatedParameter());
    const parsed = parseAuthorizeRequest(params, ctx.settings.apps.google, ctx.settings.google.requirePkce);
    if ('error' in parsed) return sendPage(reply, parsed);
    const persona = params.persona;
    if (!PERSONA_IDS.includes(persona as PersonaId)) {
      return sendPage(reply, { status: 400, error: 'invalid_request', description: 'Choose an account.' });
    }
    const ticked = tickedScopes(request.body);
    return answer(
      reply,
      parsed,
      store,
      persona as PersonaId,
      parsed.scopes.filter((s) => ticked.includes(s)),
    );
  });
}

/** Redirects to the client with a code for the granted scopes, or with error=access_denied. */
async function answer(
  reply: FastifyReply,
  request: AuthorizeRequest,
  store: GoogleOauthStore,
  persona: PersonaId,
  granted: string[],
): Promise<FastifyReply> {
  if (persona === 'deny' || granted.length === 0) return redirect(reply, request, { error: 'access_denied' });
  const previous = request.includeGrantedScopes
    ? [...(store.grant(request.clientId, persona)?.scopes ?? [])]
    : [];
  const scopes = [...new Set([...previous, ...granted])];
  const code = store.issueCode({
    clientId: request.clientId,
    redirectUri: request.redirectUri,
    persona,
    scopes,
    challenge: request.challenge,
    offline: request.offline,
    forceConsent: request.prompt.includes('consent'),
  });
  return redirect(reply, request, {
    iss: 'https://accounts.google.com',
    code: code.code,
    scope: scopes.join(' '),
    authuser: '0',
    prompt: request.prompt.includes('consent') ? 'consent' : 'none',
  });
}

/** prompt=none: no UI; only a signed-in user (SANDBOX_AUTO_CONSENT) who already granted every scope passes. */
async function answerSilently(
  reply: FastifyReply,
  request: AuthorizeRequest,
  store: GoogleOauthStore,
  persona: PersonaId | null,
): Promise<FastifyReply> {
  if (!persona || persona === 'deny') return redirect(reply, request, { error: 'interaction_required' });
  const granted = store.grant(request.clientId, persona)?.scopes;
  if (!granted || !request.scopes.every((s) => granted.has(s))) {
    return redirect(reply, request, { error: 'consent_required' });
  }
  return answer(reply, request, store, persona, request.scopes);
}

async function redirect(
  reply: FastifyReply,
  request: AuthorizeRequest,
  params: Record<string, string>,
): Promise<FastifyReply> {
  const url = new URL(request.redirectUri);
  if (request.state !== null) url.searchParams.set('state', request.state);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return reply.redirect(url.toString(), 302);
}

function tickedScopes(body: unknown): string[] {
  const value = (body as Record<string, unknown> | null)?.granted_scope;
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function repeatedParameter(): AuthorizePageError {
  return { status: 400, error: 'invalid_request', description: 'A parameter was given more than once.' };
}

async function sendPage(reply: FastifyReply, error: AuthorizePageError): Promise<FastifyReply> {
  return reply.code(error.status).type('text/html; charset=utf-8').send(renderErrorPage(error));
}
