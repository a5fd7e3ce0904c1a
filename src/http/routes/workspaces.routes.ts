import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { meResponse, workspaceSummary } from '../../api/auth.js';
import { errorBody as errorSchema } from '../../api/common.js';
import {
  createWorkspaceRequest,
  renameWorkspaceRequest,
  switchWorkspaceRequest,
} from '../../api/workspaces.js';
import { deleteWorkspaceRequest, deletionReport } from '../../api/privacy-deletion.js';
import type { HttpDeps } from '../deps.js';
import { requireAuth } from '../session.js';

/** The caller, their workspaces, and switching between them. */
export const workspaceRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { workspaces } = deps;
    const tags = ['workspaces'];

    app.get('/me', { schema: { tags, response: { 200: meResponse, 401: errorSchema } } }, async (request) =>
      workspaces.me(requireAuth(request)),
    );

    app.put(
      '/me/current-workspace',
      { schema: { tags, body: switchWorkspaceRequest, response: { 200: meResponse, 404: errorSchema } } },
      async (request) => {
        const ctx = await workspaces.switchTo(requireAuth(request), request.body.workspaceId);
        return workspaces.me(ctx);
      },
    );

    app.post(
      '/workspaces',
      { schema: { tags, body: createWorkspaceRequest, response: { 201: workspaceSummary } } },
      async (request, reply) =>
        reply.code(201).send(await workspaces.create(requireAuth(request), request.body.name)),
    );

    app.patch(
      '/workspaces/current',
      {
        schema: { tags, body: renameWorkspaceRequest, response: { 200: workspaceSummary, 403: errorSchema } },
      },
      async (request) => workspaces.rename(requireAuth(request), request.body.name),
    );

    app.delete(
      '/workspaces/current',
      {
        schema: {
          tags,
          body: deleteWorkspaceRequest,
          response: { 202: deletionReport, 400: errorSchema, 403: errorSchema },
        },
      },
      async (request, reply) => {
        const report = await deps.workspaceDeletion.deleteWorkspace(requireAuth(request), request.body);
        return reply
          .code(202)
          .send({ deleted: true as const, confirmation: report.logId, counts: report.counts });
      },
    );
  };
