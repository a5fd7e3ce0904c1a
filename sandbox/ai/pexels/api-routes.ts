import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CATALOG } from './catalog.js';
import { photoResource, videoResource } from './resources.js';
import { fitsOrientation, matchEntries, paginate, photoFitsSize, videoFitsSize } from './search.js';
import type { PexelsFakeState } from './state.js';

type Query = Record<string, string | undefined>;

/** The JSON API of api.pexels.com: photo and video search and lookup, behind the Authorization key. */
export function registerApiRoutes(app: FastifyInstance, state: PexelsFakeState): void {
  app.register(async (api) => {
    api.addHook('onRequest', async (request, reply) => guard(request, reply, state));
    api.addHook('onSend', async (request, reply, payload) => {
      state.requests.push({
        method: request.method,
        path: request.url.split('?')[0] ?? request.url,
        query: { ...(request.query as Record<string, string>) },
        authorization: request.headers.authorization ?? null,
        status: reply.statusCode,
      });
      // Pexels sends the rate-limit headers with successful answers only.
      if (reply.statusCode < 300) void reply.headers(state.rateLimitHeaders());
      return payload;
    });
    api.setNotFoundHandler(async (_request, reply) => reply.code(404).send({ error: 'Not Found' }));

    api.get('/v1/search', async (request, reply) => {
      const query = request.query as Query;
      if (!query.query?.trim()) return reply.code(400).send({ error: 'query is required' });
      const photos = matchEntries(query.query).filter(
        (e) => fitsOrientation(e.photo, query.orientation) && photoFitsSize(e.photo, query.size),
      );
      const page = paginate(photos, query);
      return {
        total_results: photos.length,
        page: page.page,
        per_page: page.perPage,
        photos: page.items.map((e) => photoResource(e, baseOf(request))),
        ...links(request, '/v1/search', query, page),
      };
    });

    api.get('/videos/search', async (request, reply) => {
      const query = request.query as Query;
      if (!query.query?.trim()) return reply.code(400).send({ error: 'query is required' });
      const min = (name: string) => Number(query[name]) || 0;
      const max = (name: string) => Number(query[name]) || Infinity;
      const videos = matchEntries(query.query).filter(
        (e) =>
          e.video !== null &&
          fitsOrientation(e.video, query.orientation) &&
          videoFitsSize(e.video, query.size) &&
          e.video.width >= min('min_width') &&
          e.video.height >= min('min_height') &&
          e.video.duration >= min('min_duration') &&
          e.video.duration <= max('max_duration'),
      );
      const page = paginate(videos, query);
      return {
        page: page.page,
        per_page: page.perPage,
        total_results: videos.length,
        url: `https://www.pexels.com/search/videos/${encodeURIComponent(query.query)}/`,
        videos: page.items.map((e) => videoResource(e, baseOf(request))),
        ...links(request, '/videos/search', query, page),
      };
    });

    api.get('/v1/photos/:id', async (request, reply) => {
      const entry = CATALOG.find((e) => String(e.id) === (request.params as { id: string }).id);
      return entry ? photoResource(entry, baseOf(request)) : reply.code(404).send({ error: 'Not Found' });
    });

    api.get('/videos/videos/:id', async (request, reply) => {
      const entry = CATALOG.find((e) => String(e.id) === (request.params as { id: string }).id);
      const video = entry ? videoResource(entry, baseOf(request)) : null;
      return video ?? reply.code(404).send({ error: 'Not Found' });
    });
  });
}

/** Key check, rate limit, then injected faults; answers and stops the request when one applies. */
async function guard(request: FastifyRequest, reply: FastifyReply, state: PexelsFakeState): Promise<void> {
  const key = request.headers.authorization;
  if (!key || !state.apiKeys.includes(key)) {
    await reply.code(401).send({ error: 'Unauthorized: provide your API key in the Authorization header' });
    return;
  }
  if (!state.spend()) {
    await reply.code(429).send({ error: 'Rate limit exceeded' });
    return;
  }
  const fault = state.takeFault();
  if (fault?.type === 'hang') {
    // Never answered; the client's timeout has to end it.
    reply.hijack();
    return;
  }
  if (fault) await reply.code(fault.status).send({ error: 'Something went wrong' });
}

/** Scheme, host and port the client used, so links point back at this fake. */
export function baseOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

function links(
  request: FastifyRequest,
  path: string,
  query: Query,
  page: { page: number; perPage: number; hasNext: boolean },
): { next_page?: string; prev_page?: string } {
  const at = (n: number) => {
    const params = new URLSearchParams({
      ...definedOnly(query),
      page: String(n),
      per_page: String(page.perPage),
    });
    return `${baseOf(request)}${path}/?${params.toString()}`;
  };
  return {
    ...(page.hasNext && { next_page: at(page.page + 1) }),
    ...(page.page > 1 && { prev_page: at(page.page - 1) }),
  };
}

function definedOnly(query: Query): Record<string, string> {
  return Object.fromEntries(Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined));
}
