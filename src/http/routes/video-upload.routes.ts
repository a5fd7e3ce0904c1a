import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { join } from 'node:path';
import { z } from 'zod';
import { errorBody as errorSchema } from '../../api/common.js';
import { briefInput, itemView, videoUploadFields } from '../../api/content.js';
import { UserError } from '../../domain/errors.js';
import { presentItem } from '../content-presenters.js';
import type { HttpDeps } from '../deps.js';
import { receiveUpload } from '../multipart-upload.js';
import { requireAuth } from '../session.js';

/** The text fields, or a 400 naming the first problem (a multipart body skips the route's schema check). */
function parseFields(fields: Record<string, string>): z.infer<typeof videoUploadFields> {
  const parsed = videoUploadFields.safeParse(fields);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((issue) => ({
    in: 'body',
    path: issue.path.join('.'),
    message: issue.message,
  }));
  const first = details[0];
  throw new UserError(
    'validation',
    'validation_failed',
    first ? `${first.path}: ${first.message}` : 'The upload is not valid',
    details,
  );
}

/** The one path that takes a finished video as multipart (the CSRF rule allows multipart only where listed). */
export const VIDEO_UPLOAD_PATH = '/api/items/upload';

/**
 * `POST /api/items/upload`: a finished video (file field `video`; text fields `title`, `description`, `platforms`
 * in any order) becomes a ready item, checked against each platform's rules like a generated one.
 */
export const videoUploadRoutes =
  (deps: HttpDeps, maxUploadBytes: number): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(fastifyMultipart, { limits: { files: 1, fields: 3, fileSize: maxUploadBytes + 1 } });

    app.post(
      '/items/upload',
      {
        schema: {
          tags: ['content'],
          description:
            'multipart/form-data: file field `video` (MP4, MOV or WebM), text fields `title` (3–200 characters), ' +
            '`description` (optional), `platforms` (comma-separated; default all three)',
          response: {
            201: z.object({ item: itemView }),
            400: errorSchema,
            403: errorSchema,
            429: errorSchema,
          },
        },
      },
      async (request, reply) => {
        const ctx = requireAuth(request);
        // Refused before reading: a viewer's upload (or one past the queue limit) never reaches the disk.
        await deps.uploads.assertCanUpload(ctx);
        const scratch = await deps.scratch();
        try {
          const tempPath = join(scratch.dir, 'upload');
          const { fields, filename } = await receiveUpload(request, tempPath, maxUploadBytes);
          if (filename === null)
            throw new UserError('validation', 'upload_missing', 'Choose a video to upload');
          const text = parseFields(fields);
          const brief = briefInput.parse({ topic: text.title, platforms: text.platforms });
          const { item, version } = await deps.uploads.ingest(ctx, {
            workspaceId: ctx.workspaceId,
            filename,
            tempPath,
            title: text.title,
            description: text.description,
            brief,
          });
          return reply.code(201).send({ item: presentItem(item, version, deps.mediaLinks) });
        } finally {
          await scratch.cleanup();
        }
      },
    );
  };
