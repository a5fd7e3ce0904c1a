import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody as errorSchema, idSchema, pageOf } from '../../api/common.js';
import { reviewListQuery, reviewRequest, reviewView } from '../../api/publishing.js';
import { updateWorkspaceSettingsRequest, workspaceSettingsView } from '../../api/workspace-settings.js';
import type { HttpDeps } from '../deps.js';
import { presentReview } from '../review-presenters.js';
import { requireAuth } from '../session.js';

const versionParams = z.strictObject({ id: idSchema });

/** Review of versions (submit, approve, reject, the queue) and the workspace's review setting. */
export const reviewRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { reviews, mediaLinks } = deps;
    const tags = ['review'];
    const failures = { 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

    app.post(
      '/versions/:id/review',
      {
        schema: {
          tags,
          params: versionParams,
          body: reviewRequest,
          response: { 200: reviewView, ...failures },
        },
      },
      async (request) => {
        const { action, comment } = request.body;
        const entry = await reviews.act(requireAuth(request), request.params.id, action, comment ?? null);
        return presentReview(entry, mediaLinks);
      },
    );

    app.get(
      '/versions/:id/review',
      {
        schema: {
          tags,
          params: versionParams,
          response: { 200: reviewView, 403: errorSchema, 404: errorSchema },
        },
      },
      async (request) =>
        presentReview(await reviews.get(requireAuth(request), request.params.id), mediaLinks),
    );

    app.get(
      '/review',
      {
        schema: {
          tags,
          querystring: reviewListQuery,
          response: { 200: pageOf(reviewView), 400: errorSchema },
        },
      },
      async (request) => {
        const { state, ...page } = request.query;
        const result = await reviews.list(requireAuth(request), state, page);
        return {
          items: result.items.map((e) => presentReview(e, mediaLinks)),
          nextCursor: result.nextCursor,
        };
      },
    );

    app.get(
      '/workspaces/current/settings',
      { schema: { tags: ['workspaces'], response: { 200: workspaceSettingsView, 403: errorSchema } } },
      async (request) => reviews.settings(requireAuth(request)),
    );

    app.patch(
      '/workspaces/current/settings',
      {
        schema: {
          tags: ['workspaces'],
          body: updateWorkspaceSettingsRequest,
          response: { 200: workspaceSettingsView, 403: errorSchema },
        },
      },
      async (request) => {
        const { requireOtherApprover, retention } = request.body;
        return reviews.updateSettings(requireAuth(request), {
          ...(requireOtherApprover === undefined ? {} : { requireOtherApprover }),
          ...(retention === undefined ? {} : { retention: definedOnly(retention) }),
        });
      },
    );
  };

/** The fields the request set (exactOptionalPropertyTypes: an absent field is not `undefined`). */
function definedOnly<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
