import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { nextBriefsRequest, nextBriefsView, recommendationsView } from '../../api/analytics.js';
import { errorBody as errorSchema, idSchema } from '../../api/common.js';
import type { HttpDeps } from '../deps.js';
import { requireAuth } from '../session.js';

const recommendationsQuery = z.strictObject({ connectionId: idSchema.optional() });

/** What the learning loop advises: the cards with the next video's likely views, and levels for next briefs. */
export const recommendationRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { recommendations } = deps;
    const tags = ['analytics'];

    app.get(
      '/analytics/recommendations',
      {
        schema: {
          tags,
          querystring: recommendationsQuery,
          response: { 200: recommendationsView, 400: errorSchema, 403: errorSchema, 404: errorSchema },
        },
      },
      async (request) => recommendations.recommendations(requireAuth(request), request.query.connectionId),
    );

    app.post(
      '/analytics/next-briefs',
      {
        schema: {
          tags,
          body: nextBriefsRequest,
          response: {
            200: nextBriefsView,
            400: errorSchema,
            403: errorSchema,
            404: errorSchema,
            409: errorSchema,
          },
        },
      },
      async (request) => {
        const { count, connectionId, pinned } = request.body;
        return recommendations.nextBriefs(requireAuth(request), {
          count,
          pinned,
          ...(connectionId ? { connectionId } : {}),
        });
      },
    );
  };
