import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  passwordResetConfirm,
  passwordResetRequest,
  signInRequest,
  signUpRequest,
  userView,
  workspaceSummary,
} from '../../api/auth.js';
import { errorBody as errorSchema } from '../../api/common.js';
import { UserError } from '../../domain/errors.js';
import { normalizeEmail } from '../../domain/people.js';
import type { HttpDeps } from '../deps.js';
import { throttle, type Limit } from '../throttle.js';
import { SESSION_COOKIE, clearSessionCookie, setSessionCookie } from '../session.js';

const rateLimited = () =>
  new UserError('rate_limited', 'rate_limited', 'Too many attempts; wait a minute and try again');

/** Sign-up, sign-in, sign-out and password reset. */
export const authRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { auth, settings } = deps;
    const perMinute = (name: string, key: Limit['key']): Limit => ({
      name,
      max: settings.authRateLimitPerMinute,
      timeWindow: '1 minute',
      key,
    });
    const byAddress = (request: FastifyRequest) => request.ip;
    const byEmail = (request: FastifyRequest) => {
      const body = request.body as { email?: unknown } | undefined;
      return typeof body?.email === 'string' ? normalizeEmail(body.email) : null;
    };
    // One address guessing many emails, and many addresses guessing one email, both run out.
    const limit = (route: string, perEmail: boolean) =>
      throttle(
        app,
        [
          perMinute(`${route}-address`, byAddress),
          ...(perEmail ? [perMinute(`${route}-email`, byEmail)] : []),
        ],
        rateLimited,
      );
    const tags = ['auth'];

    app.post(
      '/signup',
      {
        preHandler: limit('signup', false),
        schema: {
          tags,
          body: signUpRequest,
          response: {
            201: z.object({ user: userView, workspace: workspaceSummary }),
            400: errorSchema,
            409: errorSchema,
          },
        },
      },
      async (request, reply) => {
        const { user, workspace, sessionToken } = await auth.signUp(request.body);
        setSessionCookie(reply, sessionToken, settings.secureCookies, settings.sessionTtlSeconds);
        return reply.code(201).send({
          user: { id: user.id, email: user.email, name: user.name },
          workspace: { id: workspace.id, name: workspace.name, role: 'owner' as const },
        });
      },
    );

    app.post(
      '/signin',
      {
        // The limits run after the body is parsed, so the per-email one is keyed on the address being guessed.
        preHandler: limit('signin', true),
        schema: {
          tags,
          body: signInRequest,
          response: { 200: z.object({ user: userView }), 401: errorSchema },
        },
      },
      async (request, reply) => {
        const { user, sessionToken } = await auth.signIn(request.body);
        setSessionCookie(reply, sessionToken, settings.secureCookies, settings.sessionTtlSeconds);
        return { user: { id: user.id, email: user.email, name: user.name } };
      },
    );

    app.post('/signout', { schema: { tags, response: { 204: z.null() } } }, async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await auth.signOut(token);
      clearSessionCookie(reply, settings.secureCookies);
      return reply.code(204).send(null);
    });

    app.post(
      '/password-reset/request',
      {
        preHandler: limit('reset-request', true),
        schema: { tags, body: passwordResetRequest, response: { 202: z.object({ ok: z.literal(true) }) } },
      },
      async (request, reply) => {
        await auth.requestPasswordReset(request.body.email);
        return reply.code(202).send({ ok: true as const });
      },
    );

    app.post(
      '/password-reset/confirm',
      {
        preHandler: limit('reset-confirm', false),
        schema: { tags, body: passwordResetConfirm, response: { 204: z.null(), 400: errorSchema } },
      },
      async (request, reply) => {
        await auth.resetPassword(request.body.token, request.body.password);
        clearSessionCookie(reply, settings.secureCookies);
        return reply.code(204).send(null);
      },
    );
  };
