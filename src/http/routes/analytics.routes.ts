import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody as errorSchema, idSchema } from '../../api/common.js';
import {
  analyticsFilterQuery,
  dashboardView,
  exportQuery,
  trackedVideoDetail,
  trackedVideoListQuery,
  trackedVideoPage,
} from '../../api/analytics.js';
import type { HttpDeps } from '../deps.js';
import { requireAuth } from '../session.js';

const idParams = z.strictObject({ id: idSchema });

/** Analytics: the dashboard, tracked videos and their readings, and the export of every reading. */
export const analyticsRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { analytics } = deps;
    const tags = ['analytics'];

    app.get(
      '/analytics/dashboard',
      { schema: { tags, querystring: analyticsFilterQuery, response: { 200: dashboardView } } },
      async (request) => analytics.dashboard(requireAuth(request), request.query),
    );

    app.get(
      '/analytics/videos',
      { schema: { tags, querystring: trackedVideoListQuery, response: { 200: trackedVideoPage } } },
      async (request) => {
        const { cursor, limit, ...filter } = request.query;
        return analytics.listVideos(requireAuth(request), filter, { cursor, limit });
      },
    );

    app.get(
      '/analytics/videos/:id',
      { schema: { tags, params: idParams, response: { 200: trackedVideoDetail, 404: errorSchema } } },
      async (request) => analytics.video(requireAuth(request), request.params.id),
    );

    app.get(
      '/analytics/export',
      // The file is streamed as it is read: no JSON response schema (the error codes come from the operations table).
      { schema: { tags, querystring: exportQuery } },
      async (request, reply) => {
        const { format, ...filter } = request.query;
        const file = await analytics.export(requireAuth(request), filter, format);
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .header('cache-control', 'no-store')
          .send(Readable.from(file.body));
      },
    );
  };
