import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../core/context.js';
import { registerCreatorInfoRoute } from './creator-info.js';
import { registerDisplayRoutes } from './display.js';
import { installRawBodyParser, sendApiError, sendOauthError } from './envelope.js';
import { registerOauthRoutes } from './oauth.js';
import { registerInitRoutes } from './publish-init.js';
import { registerStatusRoute } from './publish-status.js';
import type { TiktokStore } from './store.js';
import { registerUserInfoRoute } from './user-info.js';

/** open.tiktokapis.com: OAuth (flat bodies) and the data endpoints (§1.2 envelope), never Fastify's own errors. */
export function registerApiRoutes(app: FastifyInstance, ctx: SandboxContext, store: TiktokStore): void {
  installRawBodyParser(app);
  app.setNotFoundHandler(async (request, reply) =>
    sendApiError(
      reply,
      ctx.clock.now(),
      404,
      'not_found',
      `No such endpoint: ${request.method} ${request.url}`,
    ),
  );
  app.setErrorHandler(async (error, request, reply) => {
    const now = ctx.clock.now();
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status >= 500) return sendApiError(reply, now, 500, 'internal_error', 'Something went wrong.');
    if (request.url.includes('/v2/oauth/'))
      return sendOauthError(
        reply,
        ctx.settings.tiktok,
        now,
        'invalid_request',
        'The request could not be read.',
      );
    return sendApiError(reply, now, status, 'invalid_params', 'The request could not be read.');
  });
  registerOauthRoutes(app, ctx, store);
  registerUserInfoRoute(app, ctx, store);
  registerCreatorInfoRoute(app, ctx, store);
  registerInitRoutes(app, ctx, store);
  registerStatusRoute(app, ctx, store);
  registerDisplayRoutes(app, ctx, store);
}
