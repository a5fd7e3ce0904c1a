import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody as errorSchema, idSchema, pageOf, pageQuery } from '../../api/common.js';
import { changeRoleRequest, memberView } from '../../api/workspaces.js';
import type { HttpDeps } from '../deps.js';
import { presentMember } from '../presenters.js';
import { requireAuth } from '../session.js';

const memberParams = z.strictObject({ userId: idSchema });

/** Members of the current workspace. */
export const memberRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { workspaces } = deps;
    const tags = ['members'];

    app.get(
      '/members',
      { schema: { tags, querystring: pageQuery, response: { 200: pageOf(memberView) } } },
      async (request) => {
        const page = await workspaces.listMembers(requireAuth(request), request.query);
        return { items: page.items.map(presentMember), nextCursor: page.nextCursor };
      },
    );

    app.patch(
      '/members/:userId',
      {
        schema: {
          tags,
          params: memberParams,
          body: changeRoleRequest,
          response: { 200: memberView, 403: errorSchema, 404: errorSchema, 409: errorSchema },
        },
      },
      async (request) =>
        presentMember(
          await workspaces.changeRole(requireAuth(request), request.params.userId, request.body.role),
        ),
    );

    app.delete(
      '/members/:userId',
      {
        schema: {
          tags,
          params: memberParams,
          response: { 204: z.null(), 404: errorSchema, 409: errorSchema },
        },
      },
      async (request, reply) => {
        await workspaces.removeMember(requireAuth(request), request.params.userId);
        return reply.code(204).send(null);
      },
    );
  };
