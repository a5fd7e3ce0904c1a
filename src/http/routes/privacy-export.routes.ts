import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody as errorSchema, idSchema } from '../../api/common.js';
import { dataExportStarted, dataExportView, downloadQuery, latestDataExport } from '../../api/privacy.js';
import type { HttpDeps } from '../deps.js';
import { requireAuth } from '../session.js';

const idParams = z.strictObject({ id: idSchema });

/** "Download my data": start an export, follow it, download the ZIP. Any member may export their own data. */
export const privacyExportRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { dataExports } = deps;
    const tags = ['privacy'];

    app.post(
      '/privacy/exports',
      { schema: { tags, response: { 202: dataExportStarted } } },
      async (request, reply) => {
        const started = await dataExports.start(requireAuth(request));
        return reply.code(202).send({ export: { id: started.id, status: started.status } });
      },
    );

    app.get(
      '/privacy/exports/latest',
      { schema: { tags, response: { 200: latestDataExport } } },
      async (request) => ({ export: await dataExports.latest(requireAuth(request)) }),
    );

    app.get(
      '/privacy/exports/:id',
      { schema: { tags, params: idParams, response: { 200: dataExportView, 404: errorSchema } } },
      async (request) => dataExports.status(requireAuth(request), request.params.id),
    );

    app.get(
      '/privacy/exports/:id/download',
      // The ZIP is streamed from the media store: no JSON response schema (error codes are in the operations table).
      { schema: { tags, params: idParams, querystring: downloadQuery } },
      async (request, reply) => {
        const file = await dataExports.download(requireAuth(request), request.params.id, request.query);
        return reply
          .header('content-type', 'application/zip')
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .header('cache-control', 'private, no-store')
          .sendFile(file.key, deps.mediaRoot);
      },
    );
  };
