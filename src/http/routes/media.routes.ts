import type { FastifyPluginAsync } from 'fastify';
import { errorBody } from '../errors.js';
import type { HttpDeps } from '../deps.js';

const KEY = /^[a-z0-9][a-z0-9/_.-]*$/;

/** Media files behind signed, expiring links (with Range support, so videos seek), or a redirect to the bucket. */
export const mediaRoutes =
  (deps: HttpDeps): FastifyPluginAsync =>
  async (app) => {
    app.get('/*', { schema: { hide: true } }, async (request, reply) => {
      const key = (request.params as { '*': string })['*'];
      const { exp, sig } = request.query as { exp?: string; sig?: string };
      if (!KEY.test(key) || key.includes('..') || !deps.mediaLinks.verify(`/media/${key}`, exp, sig)) {
        return reply.code(404).send(errorBody('not_found', 'This media link is invalid or has expired'));
      }
      // A bucket store hands the bytes out itself; the app's own link was checked first, so access rules still hold.
      const direct = await deps.directMediaUrl(key);
      if (direct) return reply.header('cache-control', 'no-store').redirect(direct, 302);
      return reply.header('cache-control', 'private, max-age=3600').sendFile(key, deps.mediaRoot);
    });
  };
