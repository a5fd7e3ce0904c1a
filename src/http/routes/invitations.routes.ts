import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { meResponse } from '../../api/auth.js';
import { errorBody as errorSchema, idSchema, pageOf, pageQuery } from '../../api/common.js';
import {
  acceptInvitationRequest,
  createInvitationRequest,
  createdInvitation,
  invitationPreview,
  invitationView,
} from '../../api/workspaces.js';
import type { HttpDeps } from '../deps.js';
import { presentInvitation } from '../presenters.js';
import { requireAuth } from '../session.js';

/** Invitations: made by owners, previewed by anyone with the link, accepted by the invited person. */
export const invitationRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { invitations, workspaces } = deps;
    const tags = ['invitations'];

    app.get(
      '/invitations',
      {
        schema: { tags, querystring: pageQuery, response: { 200: pageOf(invitationView), 403: errorSchema } },
      },
      async (request) => {
        const page = await invitations.listPending(requireAuth(request), request.query);
        return { items: page.items.map(presentInvitation), nextCursor: page.nextCursor };
      },
    );

    app.post(
      '/invitations',
      {
        schema: {
          tags,
          body: createInvitationRequest,
          response: { 201: createdInvitation, 403: errorSchema, 409: errorSchema },
        },
      },
      async (request, reply) => {
        const { invitation, acceptUrl } = await invitations.invite(
          requireAuth(request),
          request.body.email,
          request.body.role,
        );
        return reply.code(201).send({ invitation: presentInvitation(invitation), acceptUrl });
      },
    );

    app.delete(
      '/invitations/:id',
      {
        schema: {
          tags,
          params: z.strictObject({ id: idSchema }),
          response: { 204: z.null(), 404: errorSchema },
        },
      },
      async (request, reply) => {
        await invitations.revoke(requireAuth(request), request.params.id);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/invitations/preview',
      {
        schema: {
          tags,
          querystring: z.strictObject({ token: z.string().min(1).max(200) }),
          response: { 200: invitationPreview, 404: errorSchema },
        },
      },
      async (request) => invitations.preview(request.query.token),
    );

    app.post(
      '/invitations/accept',
      {
        schema: {
          tags,
          body: acceptInvitationRequest,
          response: { 200: meResponse, 401: errorSchema, 404: errorSchema },
        },
      },
      async (request) => {
        const ctx = requireAuth(request);
        const workspaceId = await invitations.accept(ctx, request.body.token);
        return workspaces.me(await workspaces.switchTo(ctx, workspaceId));
      },
    );
  };
