import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { deleteAccountRequest, deletionPreview, deletionReport } from '../../api/privacy-deletion.js';
import { errorBody as errorSchema } from '../../api/common.js';
import { UserError } from '../../domain/errors.js';
import type { HttpDeps } from '../deps.js';
import { clearSessionCookie, requireAuth } from '../session.js';
import { throttle } from '../throttle.js';

const rateLimited = () =>
  new UserError('rate_limited', 'rate_limited', 'Too many attempts; wait a minute and try again');

/** Deleting one's own account (privacy center), and what it would delete. */
export const privacyDeletionRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { settings } = deps;
    const tags = ['privacy'];
    // The password is checked here as at sign-in, so guessing it is limited the same way.
    const limit = throttle(
      app,
      [
        {
          name: 'delete-account-address',
          max: settings.authRateLimitPerMinute,
          timeWindow: '1 minute',
          key: (request: FastifyRequest) => request.ip,
        },
        {
          name: 'delete-account-user',
          max: settings.authRateLimitPerMinute,
          timeWindow: '1 minute',
          key: (request: FastifyRequest) => request.auth?.user.id ?? null,
        },
      ],
      rateLimited,
    );

    app.get(
      '/privacy/deletion-preview',
      { schema: { tags, response: { 200: deletionPreview, 401: errorSchema } } },
      async (request) => ({ workspaces: await deps.accountDeletion.preview(requireAuth(request)) }),
    );

    app.post(
      '/privacy/delete-account',
      {
        preHandler: limit,
        schema: {
          tags,
          body: deleteAccountRequest,
          response: { 202: deletionReport, 400: errorSchema, 401: errorSchema, 403: errorSchema },
        },
      },
      async (request, reply) => {
        const report = await deps.accountDeletion.deleteAccount(requireAuth(request), request.body);
        clearSessionCookie(reply, settings.secureCookies);
        return reply
          .code(202)
          .send({ deleted: true as const, confirmation: report.logId, counts: report.counts });
      },
    );
  };
