import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { unauthenticated } from '../domain/errors.js';
import type { AuthContext } from '../services/auth-context.js';
import type { AuthService } from '../services/auth.service.js';

export const SESSION_COOKIE = 'aif_session';

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}

/** Resolves the session cookie of every /api request into `request.auth` (null when signed out). */
export function installSessionResolution(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('auth', null);
  app.addHook('preHandler', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    request.auth = token ? await auth.resolveSession(token) : null;
  });
}

/** The caller, or a 401. */
export function requireAuth(request: FastifyRequest): AuthContext {
  if (!request.auth) throw unauthenticated();
  return request.auth;
}

/** httpOnly, SameSite=Lax, Secure when the public URL is https. */
export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  secure: boolean,
  maxAgeSeconds: number,
): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: maxAgeSeconds,
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  void reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}
