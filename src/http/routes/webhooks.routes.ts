import formBody from '@fastify/formbody';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { HttpDeps } from '../deps.js';

const signedRequestForm = z.object({ signed_request: z.string().max(10_000).optional() }).loose();

/** Callbacks the platforms send about accounts: verified by signature (not by session or origin). */
export const webhookRoutes =
  (deps: HttpDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { platformEvents } = deps;
    // The TikTok signature covers the raw body, so keep it as received.
    app.addContentTypeParser(
      'application/json',
      { parseAs: 'string', bodyLimit: 256 * 1024 },
      (_req, body, done) => done(null, body),
    );
    await app.register(formBody, { bodyLimit: 64 * 1024 });

    app.post('/tiktok', { schema: { hide: true } }, async (request, reply) => {
      const raw = typeof request.body === 'string' ? request.body : '';
      const header = request.headers['tiktok-signature'];
      const { duplicate } = await platformEvents.tiktokWebhook(
        raw,
        Array.isArray(header) ? header[0] : header,
      );
      return reply.code(200).send({ received: true, duplicate });
    });

    app.post(
      '/instagram/deauthorize',
      { schema: { hide: true, body: signedRequestForm } },
      async (request) => {
        await platformEvents.instagramDeauthorize(request.body.signed_request);
        return { received: true };
      },
    );

    app.post(
      '/instagram/data-deletion',
      { schema: { hide: true, body: signedRequestForm } },
      async (request) => platformEvents.instagramDataDeletion(request.body.signed_request),
    );
  };
