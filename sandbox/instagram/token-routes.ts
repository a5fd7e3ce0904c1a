import type { FastifyInstance, FastifyReply } from 'fastify';
import { firstValue, formFields, registerBodyParsers } from './body-parsers.js';
import { legacyOAuthError } from './errors.js';
import type { InstagramRuntime } from './runtime.js';
import type { IgToken, IgUser } from './store.js';

const REQUIRED_FIELDS = ['client_id', 'client_secret', 'grant_type', 'redirect_uri', 'code'] as const;

async function oauthError(reply: FastifyReply, message: string): Promise<FastifyReply> {
  return reply.code(400).send(legacyOAuthError(message));
}

/**
 * The short-lived token body. Written by hand because the flat shape's numeric `user_id` has 17 digits,
 * beyond what a JS number holds exactly; the real API sends it as a bare number too.
 */
export function shortLivedTokenBody(token: IgToken, user: IgUser, shape: 'flat' | 'data-array'): string {
  if (shape === 'data-array') {
    return JSON.stringify({
      data: [{ access_token: token.token, user_id: user.appScopedId, permissions: token.scopes.join(',') }],
    });
  }
  const accessToken = JSON.stringify(token.token);
  const permissions = JSON.stringify(token.scopes);
  return `{"access_token":${accessToken},"user_id":${user.appScopedId},"permissions":${permissions}}`;
}

/** api.instagram.com: the authorization-code exchange, form-encoded only (a JSON body reads as empty). */
export function registerTokenRoutes(app: FastifyInstance, rt: InstagramRuntime): void {
  registerBodyParsers(app);

  app.post('/oauth/access_token', async (request, reply) => {
    const fields = formFields(request.body, request.headers['content-type']);
    const value = (name: (typeof REQUIRED_FIELDS)[number]): string | undefined => firstValue(fields[name]);
    for (const name of REQUIRED_FIELDS) {
      if (!value(name)) return oauthError(reply, `You must provide a ${name}`);
    }
    const registered = rt.ctx.settings.apps.instagram;
    if (value('client_id') !== registered.clientId) return oauthError(reply, 'Invalid platform app');
    if (value('client_secret') !== registered.clientSecret) {
      return oauthError(reply, 'Error validating client secret.');
    }
    if (value('grant_type') !== 'authorization_code') return oauthError(reply, 'Unsupported grant_type');

    const now = rt.ctx.clock.now();
    const code = rt.store.codes.get(value('code') ?? '');
    if (!code || code.clientId !== registered.clientId)
      return oauthError(reply, 'Invalid authorization code');
    if (code.used) return oauthError(reply, 'This authorization code has been used');
    if (now >= code.expiresAt) return oauthError(reply, 'This authorization code has expired');
    if (code.redirectUri !== value('redirect_uri')) {
      return oauthError(
        reply,
        'Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request',
      );
    }
    code.used = true;
    const settings = rt.ctx.settings.instagram;
    const token = rt.store.issueToken({
      kind: 'short',
      profile: code.profile,
      scopes: code.scopes,
      issuedAt: now,
      expiresAt: now + settings.shortLivedSeconds * 1000,
    });
    const body = shortLivedTokenBody(token, rt.store.user(code.profile, now), settings.tokenBodyShape);
    return reply.type('application/json; charset=utf-8').send(body);
  });
}
