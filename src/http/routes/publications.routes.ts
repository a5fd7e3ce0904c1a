import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody as errorSchema, idSchema, pageOf } from '../../api/common.js';
import {
  createPublicationRequest,
  publicationListQuery,
  publicationView,
  publishOptionsView,
  reschedulePublicationRequest,
} from '../../api/publishing.js';
import { UserError } from '../../domain/errors.js';
import type { HttpDeps } from '../deps.js';
import { presentPublications } from '../publication-presenter.js';
import { requireAuth } from '../session.js';

const idParams = z.strictObject({ id: idSchema });
const one = z.object({ publication: publicationView });
const KEY = /^[\x21-\x7e]{1,200}$/;

/** The Idempotency-Key header, if any (printable ASCII, at most 200 characters). */
function idempotencyKey(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value === '') return null;
  if (!KEY.test(value))
    throw new UserError(
      'validation',
      'invalid_idempotency_key',
      'Idempotency-Key must be 1 to 200 printable characters',
    );
  return value;
}

/** Publishing: composer options, publications (create, list, open, retry, cancel, reschedule). */
export const publicationRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { publishing, store, mediaLinks } = deps;
    const tags = ['publishing'];
    const present = async (p: Parameters<typeof presentPublications>[2][number]) => ({
      publication: (await presentPublications(store, mediaLinks, [p]))[0]!,
    });

    app.get(
      '/connections/:id/publish-options',
      {
        schema: {
          tags,
          params: idParams,
          response: { 200: publishOptionsView, 404: errorSchema, 409: errorSchema },
        },
      },
      async (request) => publishing.publishOptions(requireAuth(request), request.params.id),
    );

    app.post(
      '/publications',
      {
        schema: {
          tags,
          body: createPublicationRequest,
          response: { 201: one, 400: errorSchema, 404: errorSchema, 409: errorSchema },
        },
      },
      async (request, reply) => {
        const ctx = requireAuth(request);
        const key = idempotencyKey(request.headers['idempotency-key']);
        const publication = await publishing.create(ctx, request.body, key);
        return reply.code(201).send(await present(publication));
      },
    );

    app.get(
      '/publications',
      { schema: { tags, querystring: publicationListQuery, response: { 200: pageOf(publicationView) } } },
      async (request) => {
        const { cursor, limit, ...filter } = request.query;
        const page = await publishing.list(requireAuth(request), filter, { cursor, limit });
        return {
          items: await presentPublications(store, mediaLinks, page.items),
          nextCursor: page.nextCursor,
        };
      },
    );

    app.get(
      '/publications/:id',
      // The publication itself (the fixed API), where the commands answer {publication}.
      { schema: { tags, params: idParams, response: { 200: publicationView, 404: errorSchema } } },
      async (request) =>
        (await present(await publishing.get(requireAuth(request), request.params.id))).publication,
    );

    app.post(
      '/publications/:id/retry',
      { schema: { tags, params: idParams, response: { 200: one, 404: errorSchema, 409: errorSchema } } },
      async (request) => present(await publishing.retry(requireAuth(request), request.params.id)),
    );

    app.delete(
      '/publications/:id',
      { schema: { tags, params: idParams, response: { 200: one, 404: errorSchema, 409: errorSchema } } },
      async (request) => present(await publishing.cancel(requireAuth(request), request.params.id)),
    );

    app.patch(
      '/publications/:id',
      {
        schema: {
          tags,
          params: idParams,
          body: reschedulePublicationRequest,
          response: { 200: one, 400: errorSchema, 404: errorSchema, 409: errorSchema },
        },
      },
      async (request) =>
        present(await publishing.reschedule(requireAuth(request), request.params.id, request.body)),
    );
  };
