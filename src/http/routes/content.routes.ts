import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody as errorSchema, idSchema, pageOf, pageQuery } from '../../api/common.js';
import { briefInput, editsInput, itemDetail, itemStatus, itemView, seriesInput } from '../../api/content.js';
import { briefsFromCsv } from '../../domain/briefs-csv.js';
import type { Brief } from '../../domain/content.js';
import { UserError } from '../../domain/errors.js';
import type { HttpDeps } from '../deps.js';
import { presentItem, presentVersion } from '../content-presenters.js';
import { requireAuth } from '../session.js';
import { streamItemProgress } from '../progress-stream.js';
import { StreamSlots } from '../stream-slots.js';

const itemParams = z.strictObject({ id: idSchema });

/** Parses each CSV row with the brief schema, naming the row of the first problem. */
function briefsOf(body: z.infer<typeof seriesInput>): Brief[] {
  const raw = body.csv !== undefined ? briefsFromCsv(body.csv) : (body.briefs ?? []);
  if (raw.length === 0) throw new UserError('validation', 'series_empty', 'Give briefs as a list or as CSV');
  if (raw.length > 50)
    throw new UserError('validation', 'series_too_long', 'A series holds at most 50 briefs');
  return raw.map((brief, i) => {
    const parsed = briefInput.safeParse(brief);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new UserError(
        'validation',
        'brief_invalid',
        `Brief ${i + 1}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'is invalid'}`.trim(),
      );
    }
    return parsed.data;
  });
}

/** Content items: create from briefs, list the library, open an item, edit into a new version, retry. */
export const contentRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { content, mediaLinks } = deps;
    const tags = ['content'];
    const created = z.object({ item: itemView, jobId: z.string() });

    app.post(
      '/items',
      { schema: { tags, body: briefInput, response: { 201: created, 400: errorSchema } } },
      async (request, reply) => {
        const { item, jobId } = await content.create(requireAuth(request), request.body);
        return reply.code(201).send({ item: presentItem(item, null, mediaLinks), jobId });
      },
    );

    app.post(
      '/items/series',
      {
        schema: {
          tags,
          body: seriesInput,
          response: { 201: z.object({ items: z.array(created) }), 400: errorSchema },
        },
      },
      async (request, reply) => {
        const results = await content.createSeries(requireAuth(request), briefsOf(request.body));
        return reply.code(201).send({
          items: results.map((r) => ({ item: presentItem(r.item, null, mediaLinks), jobId: r.jobId })),
        });
      },
    );

    app.get(
      '/items',
      {
        schema: {
          tags,
          querystring: pageQuery.extend({
            status: itemStatus.optional(),
            search: z.string().trim().max(100).optional(),
          }),
          response: { 200: pageOf(itemView) },
        },
      },
      async (request) => {
        const { status, search, ...page } = request.query;
        const result = await content.list(
          requireAuth(request),
          { ...(status ? { status } : {}), ...(search ? { search } : {}) },
          page,
        );
        const items = await Promise.all(
          result.items.map(async (item) => presentItem(item, await deps.currentVersion(item), mediaLinks)),
        );
        return { items, nextCursor: result.nextCursor };
      },
    );

    app.get(
      '/items/:id',
      {
        schema: {
          tags,
          params: itemParams,
          response: { 200: itemDetail, 404: errorSchema },
        },
      },
      async (request) => {
        const { item, versions } = await content.get(requireAuth(request), request.params.id);
        const current = versions.find((v) => v.id === item.currentVersionId) ?? null;
        return {
          item: presentItem(item, current, mediaLinks),
          versions: versions.map((v) => presentVersion(v, mediaLinks)),
        };
      },
    );

    app.post(
      '/items/:id/versions',
      {
        schema: {
          tags,
          params: itemParams,
          body: editsInput,
          response: { 202: z.object({ jobId: z.string() }), 404: errorSchema, 409: errorSchema },
        },
      },
      async (request, reply) => {
        const jobId = await content.edit(requireAuth(request), request.params.id, request.body);
        return reply.code(202).send({ jobId });
      },
    );

    app.post(
      '/items/:id/retry',
      {
        schema: {
          tags,
          params: itemParams,
          response: { 202: z.object({ jobId: z.string() }), 404: errorSchema, 409: errorSchema },
        },
      },
      async (request, reply) =>
        reply.code(202).send({ jobId: await content.retry(requireAuth(request), request.params.id) }),
    );

    const streamSlots = new StreamSlots(() => deps.settings.maxStreamsPerUser);
    app.get('/items/:id/events', { schema: { tags, params: itemParams } }, async (request, reply) => {
      const ctx = requireAuth(request);
      const { item } = await content.get(ctx, request.params.id);
      const release = streamSlots.take(ctx.user.id);
      streamItemProgress(request, reply, deps.progress, item, {
        release,
        stillAllowed: () => deps.workspaces.isMember(item.workspaceId, ctx.user.id),
        recheckMs: deps.settings.streamRecheckMs,
      });
    });
  };
