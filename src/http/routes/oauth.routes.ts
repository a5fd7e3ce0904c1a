import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { platformSchema } from '../../api/connections.js';
import { TransientError, UserError } from '../../domain/errors.js';
import type { HttpDeps } from '../deps.js';
import { SESSION_COOKIE } from '../session.js';

/** Where the platforms send the person back: completes the flow, then shows the Connections page with the outcome. */
export const oauthRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/:platform/callback',
      {
        schema: {
          hide: true,
          params: z.strictObject({ platform: platformSchema }),
          querystring: z.record(z.string(), z.string()),
        },
      },
      async (request, reply) => {
        const { platform } = request.params;
        const token = request.cookies[SESSION_COOKIE];
        const ctx = token ? await deps.auth.resolveSession(token) : null;
        let outcome: { ok: boolean; message: string; retryUrl?: string };
        try {
          outcome = await deps.connections.completeCallback(ctx, platform, request.query);
          if (outcome.retryUrl) return reply.redirect(outcome.retryUrl, 303);
        } catch (error) {
          if (!(error instanceof UserError || error instanceof TransientError)) throw error;
          request.log.info({ code: error.code, platform }, 'connection not completed');
          const retry = error instanceof TransientError ? ' Try again in a moment.' : '';
          outcome = { ok: false, message: `${error.message}${retry}` };
        }
        const params = new URLSearchParams({
          platform,
          status: outcome.ok ? 'connected' : 'error',
          message: outcome.message,
        });
        return reply.redirect(`/connections?${params.toString()}`, 303);
      },
    );
  };
