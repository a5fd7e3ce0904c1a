import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  auditEventView,
  authorizeRequest,
  authorizeResponse,
  connectionView,
  disconnectResponse,
  platformSchema,
  platformsAvailable,
} from '../../api/connections.js';
import { errorBody as errorSchema, idSchema, pageOf, pageQuery } from '../../api/common.js';
import { PLATFORMS } from '../../domain/connection.js';
import { requirePermission } from '../../services/auth-context.js';
import type { HttpDeps } from '../deps.js';
import { presentAuditEvent, presentConnection } from '../presenters.js';
import { requireAuth } from '../session.js';

/** Connected platform accounts of the current workspace, and their audit log. */
export const connectionRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { connections, store } = deps;
    const tags = ['connections'];

    app.get(
      '/connections/platforms',
      { schema: { tags, response: { 200: platformsAvailable } } },
      async (request) => {
        requireAuth(request);
        return {
          sandbox: deps.platformAccess.sandbox,
          platforms: PLATFORMS.map((platform) => ({
            platform,
            configured: Boolean(deps.platformAccess.apps[platform]),
          })),
        };
      },
    );

    app.post(
      '/connections/:platform/authorize',
      {
        schema: {
          tags,
          params: z.strictObject({ platform: platformSchema }),
          body: authorizeRequest.optional(),
          response: { 200: authorizeResponse, 400: errorSchema, 403: errorSchema, 404: errorSchema },
        },
      },
      async (request) => ({
        url: await connections.authorize(
          requireAuth(request),
          request.params.platform,
          request.body?.reconnectId ?? null,
        ),
      }),
    );

    app.get(
      '/connections',
      { schema: { tags, querystring: pageQuery, response: { 200: pageOf(connectionView) } } },
      async (request) => {
        const page = await connections.list(requireAuth(request), request.query);
        return { items: page.items.map(presentConnection), nextCursor: page.nextCursor };
      },
    );

    app.delete(
      '/connections/:id',
      {
        schema: {
          tags,
          params: z.strictObject({ id: idSchema }),
          response: { 200: disconnectResponse, 404: errorSchema },
        },
      },
      async (request) => {
        const { revokedAtPlatform } = await connections.disconnect(requireAuth(request), request.params.id);
        return { deleted: true as const, revokedAtPlatform };
      },
    );

    app.get(
      '/audit',
      {
        schema: {
          tags: ['audit'],
          querystring: pageQuery,
          response: { 200: pageOf(auditEventView), 403: errorSchema },
        },
      },
      async (request) => {
        const ctx = requireAuth(request);
        requirePermission(ctx, 'audit.view');
        const page = await store.audit.list(ctx.workspaceId, request.query);
        return { items: page.items.map(presentAuditEvent), nextCursor: page.nextCursor };
      },
    );
  };
