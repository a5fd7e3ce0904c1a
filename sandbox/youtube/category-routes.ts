import type { FastifyInstance } from 'fastify';
import { authorizeCall, chargeQuota, isApiError, type ApiDeps } from './api-auth.js';
import { apiError, API_ERRORS, sendApiError } from './errors.js';
import { etagOf } from './hash.js';
import { parseParts } from './metadata.js';
import { CATEGORIES, CATEGORY_CHANNEL, type VideoCategory } from './video-categories.js';

/** `GET /youtube/v3/videoCategories`: part=snippet and exactly one of `id` or `regionCode`; 1 unit. */
export function registerVideoCategoryRoutes(app: FastifyInstance, deps: ApiDeps): void {
  app.get('/youtube/v3/videoCategories', async (request, reply) => {
    const caller = authorizeCall(request, deps, 'videoCategories.list');
    if (isApiError(caller)) return sendApiError(reply, caller);
    const spent = chargeQuota(caller, deps, 'videoCategories.list');
    if (spent) return sendApiError(reply, spent);
    const query = request.query as Record<string, unknown>;
    const parts = parseParts(query.part, ['snippet', 'id']);
    if (isApiError(parts)) return sendApiError(reply, parts);
    const hasId = typeof query.id === 'string';
    const hasRegion = typeof query.regionCode === 'string';
    if (hasId === hasRegion) return sendApiError(reply, API_ERRORS.missingFilter('id, regionCode'));
    if (hasRegion && !/^[A-Za-z]{2}$/.test(String(query.regionCode))) {
      return sendApiError(
        reply,
        API_ERRORS.invalidParameter(
          'regionCode',
          'The regionCode parameter specifies an invalid region code.',
        ),
      );
    }
    const ids = hasId
      ? String(query.id)
          .split(',')
          .map((s) => s.trim())
      : null;
    const chosen = ids ? CATEGORIES.filter((c) => ids.includes(c.id)) : CATEGORIES;
    if (ids && chosen.length === 0) {
      return sendApiError(
        reply,
        apiError(
          404,
          'videoCategoryNotFound',
          'The video category identified by the id parameter cannot be found.',
          {
            domain: 'youtube.videoCategory',
            location: 'id',
            locationType: 'parameter',
          },
        ),
      );
    }
    const items = chosen.map((c) => renderCategory(c, parts));
    return reply.type('application/json; charset=UTF-8').send({
      kind: 'youtube#videoCategoryListResponse',
      etag: etagOf(items),
      items,
    });
  });
}

function renderCategory(category: VideoCategory, parts: string[]): Record<string, unknown> {
  const resource: Record<string, unknown> = { kind: 'youtube#videoCategory', etag: '', id: category.id };
  if (parts.includes('snippet')) {
    resource.snippet = {
      title: category.title,
      assignable: category.assignable,
      channelId: CATEGORY_CHANNEL,
    };
  }
  resource.etag = etagOf(resource);
  return resource;
}
