import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { join } from 'node:path';
import { z } from 'zod';
import { errorBody as errorSchema, idSchema, pageOf, pageQuery } from '../../api/common.js';
import { libraryLimits, mediaAssetView } from '../../api/library.js';
import type { MediaAsset } from '../../domain/content-item.js';
import { UserError } from '../../domain/errors.js';
import type { HttpDeps } from '../deps.js';
import { receiveUpload } from '../multipart-upload.js';
import { requireAuth } from '../session.js';

/** The workspace's own images and clips, which the factory matches to visual cues. */
export const libraryRoutes =
  (deps: HttpDeps, maxUploadBytes: number): FastifyPluginAsyncZod =>
  async (app) => {
    const { library, mediaLinks } = deps;
    const present = (a: MediaAsset) => ({
      id: a.id,
      kind: a.kind,
      filename: a.filename,
      sizeBytes: a.sizeBytes,
      width: a.width,
      height: a.height,
      durationMs: a.durationMs,
      tags: a.tags,
      url: mediaLinks.path(a.mediaKey),
      createdAt: a.createdAt,
    });
    await app.register(fastifyMultipart, { limits: { files: 1, fields: 4, fileSize: maxUploadBytes + 1 } });

    app.post(
      '/library',
      {
        schema: { tags: ['library'], response: { 201: mediaAssetView, 400: errorSchema, 403: errorSchema } },
      },
      async (request, reply) => {
        const ctx = requireAuth(request);
        // Refused before reading: a viewer's upload never reaches the disk.
        library.assertCanUpload(ctx);
        const scratch = await deps.scratch();
        try {
          const tempPath = join(scratch.dir, 'upload');
          const { fields, filename } = await receiveUpload(request, tempPath, maxUploadBytes);
          if (filename === null)
            throw new UserError(
              'validation',
              'upload_missing',
              'Choose a picture, a clip or an audio file to upload',
            );
          const description = fields.description ?? '';
          const asset = await library.ingest(
            { workspaceId: ctx.workspaceId, filename, tempPath, description },
            ctx,
          );
          return reply.code(201).send(present(asset));
        } finally {
          await scratch.cleanup();
        }
      },
    );

    app.get(
      '/library/limits',
      { schema: { tags: ['library'], response: { 200: libraryLimits, 401: errorSchema } } },
      async (request) => {
        requireAuth(request);
        return { maxUploadBytes };
      },
    );

    app.get(
      '/library',
      { schema: { tags: ['library'], querystring: pageQuery, response: { 200: pageOf(mediaAssetView) } } },
      async (request) => {
        const page = await library.list(requireAuth(request), request.query);
        return { items: page.items.map(present), nextCursor: page.nextCursor };
      },
    );

    app.get(
      '/library/:id',
      {
        schema: {
          tags: ['library'],
          params: z.strictObject({ id: idSchema }),
          response: { 200: mediaAssetView, 404: errorSchema },
        },
      },
      async (request) => present(await library.get(requireAuth(request), request.params.id)),
    );

    app.delete(
      '/library/:id',
      {
        schema: {
          tags: ['library'],
          params: z.strictObject({ id: idSchema }),
          response: { 204: z.null(), 404: errorSchema },
        },
      },
      async (request, reply) => {
        await library.delete(requireAuth(request), request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
