import type { FastifyInstance, FastifyReply } from 'fastify';
import { renderConsentPage } from '../core/consent-page.js';
import { PERSONA_IDS, type PersonaId } from '../core/settings.js';
import { firstValue, formFields, registerBodyParsers } from './body-parsers.js';
import { authorizeErrorPage } from './errors.js';
import type { InstagramRuntime } from './runtime.js';
import { SCOPE_LABELS, SCOPES, splitScopes, unknownScopes } from './scopes.js';
import { profileForPersona } from './store.js';

interface AuthorizeRequest {
  clientId: string;
  redirectUri: string;
  responseType: string;
  scopes: string[];
  state: string | undefined;
}

type Fields = Record<string, string | string[] | undefined>;

const INVALID = 'Invalid Request: Request parameters are invalid:';

/** Checks the authorize parameters; an error is a page, never a redirect (the target is not trusted yet). */
function validate(fields: Fields, rt: InstagramRuntime): AuthorizeRequest | string {
  const app = rt.ctx.settings.apps.instagram;
  const clientId = firstValue(fields.client_id);
  const redirectUri = firstValue(fields.redirect_uri);
  const responseType = firstValue(fields.response_type);
  const scope = firstValue(fields.scope);
  if (!clientId || clientId !== app.clientId) return `${INVALID} Invalid platform app`;
  if (!redirectUri || !app.redirectUris.includes(redirectUri)) return `${INVALID} Invalid redirect_uri`;
  if (responseType !== 'code') return `${INVALID} Only response_type=code is allowed`;
  if (!scope) return `${INVALID} Missing scope`;
  const scopes = splitScopes(scope);
  const unknown = unknownScopes(scopes);
  if (unknown.length > 0) return `Invalid Scopes: ${unknown.join(', ')}`;
  if (!scopes.includes(SCOPES.basic)) return `${INVALID} ${SCOPES.basic} is required`;
  return { clientId, redirectUri, responseType, scopes, state: firstValue(fields.state) };
}

/** The callback URL: query parameters plus the `#_` fragment Instagram appends to every redirect. */
function callbackUrl(redirectUri: string, params: Record<string, string | undefined>): string {
  const url = new URL(redirectUri);
  for (const [key, value] of Object.entries(params))
    if (value !== undefined) url.searchParams.set(key, value);
  return `${url.toString()}#_`;
}

async function answer(
  reply: FastifyReply,
  rt: InstagramRuntime,
  request: AuthorizeRequest,
  persona: PersonaId,
  granted: string[],
): Promise<FastifyReply> {
  if (persona === 'deny') {
    const target = callbackUrl(request.redirectUri, {
      error: 'access_denied',
      error_reason: 'user_denied',
      error_description: 'The user denied your request.',
      state: request.state,
    });
    return reply.redirect(target, 302);
  }
  const now = rt.ctx.clock.now();
  const profile = profileForPersona(persona);
  rt.store.user(profile, now);
  const code = rt.store.issueCode({
    clientId: request.clientId,
    redirectUri: request.redirectUri,
    profile,
    scopes: granted,
    expiresAt: now + rt.ctx.settings.instagram.authCodeSeconds * 1000,
  });
  return reply.redirect(callbackUrl(request.redirectUri, { code: code.code, state: request.state }), 302);
}

async function errorPage(reply: FastifyReply, message: string): Promise<FastifyReply> {
  return reply.code(400).type('text/html; charset=utf-8').send(authorizeErrorPage(message));
}

const CONSENT_PERSONAS: { id: PersonaId; label: string }[] = [
  { id: 'public', label: 'Business account' },
  { id: 'private', label: 'Creator account' },
  { id: 'ig-personal', label: 'Personal account' },
  { id: 'deny', label: 'Refuse' },
];

/** www.instagram.com: the authorization window (GET) and the consent form it posts back (POST). */
export function registerAuthorizeRoutes(app: FastifyInstance, rt: InstagramRuntime): void {
  registerBodyParsers(app);

  app.get('/oauth/authorize', async (request, reply) => {
    const checked = validate(request.query as Fields, rt);
    if (typeof checked === 'string') return errorPage(reply, checked);
    const auto = rt.ctx.settings.autoConsent;
    if (auto) return answer(reply, rt, checked, auto, checked.scopes);
    const carry: Record<string, string> = {
      client_id: checked.clientId,
      redirect_uri: checked.redirectUri,
      response_type: checked.responseType,
      scope: checked.scopes.join(','),
    };
    if (checked.state !== undefined) carry.state = checked.state;
    const page = renderConsentPage({
      platformName: 'Instagram',
      appName: 'AI Factory',
      scopes: checked.scopes.map((id) => ({
        id,
        label: SCOPE_LABELS[id] ?? id,
        optional: id !== SCOPES.basic,
      })),
      personas: CONSENT_PERSONAS,
      action: rt.ctx.url('instagramAuth', '/oauth/authorize'),
      carry,
    });
    return reply.type('text/html; charset=utf-8').send(page);
  });

  app.post('/oauth/authorize', async (request, reply) => {
    const fields = formFields(request.body, request.headers['content-type']);
    const checked = validate(fields, rt);
    if (typeof checked === 'string') return errorPage(reply, checked);
    const persona = firstValue(fields.persona);
    if (!PERSONA_IDS.includes(persona as PersonaId)) return errorPage(reply, `${INVALID} Unknown account`);
    const ticked = [fields.granted_scope ?? []].flat();
    const granted = checked.scopes.filter((s) => s === SCOPES.basic || ticked.includes(s));
    return answer(reply, rt, checked, persona as PersonaId, granted);
  });
}
