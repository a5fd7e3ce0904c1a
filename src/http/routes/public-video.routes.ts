import type { FastifyPluginAsync } from 'fastify';
import { errorBody } from '../errors.js';
import type { HttpDeps } from '../deps.js';
import { publicVideoPath } from '../public-video-links.js';

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The approved file of a publication, for the platform that fetches it (Instagram's video_url): no session,
 * a signed expiring link, Range requests. 403 for a bad or expired signature; 404 once nothing may fetch it.
 */
export const publicVideoRoutes =
  (deps: HttpDeps): FastifyPluginAsync =>
  async (app) => {
    app.get(
      '/publications/:workspaceId/:publicationId/video.mp4',
      { schema: { hide: true } },
      async (request, reply) => {
        const { workspaceId, publicationId } = request.params as {
          workspaceId: string;
          publicationId: string;
        };
        const { exp, sig } = request.query as { exp?: string; sig?: string };
        if (
          !ID.test(workspaceId) ||
          !ID.test(publicationId) ||
          !deps.publicVideoLinks.verify(publicVideoPath(workspaceId, publicationId), exp, sig)
        ) {
          return reply
            .code(403)
            .send(errorBody('invalid_signature', 'This video link is invalid or has expired'));
        }
        const key = await deps.publishing.videoForPlatform(workspaceId, publicationId);
        if (!key) return reply.code(404).send(errorBody('not_found', 'This video is not available'));
        const direct = await deps.directMediaUrl(key);
        if (direct) return reply.header('cache-control', 'no-store').redirect(direct, 302);
        return reply
          .header('cache-control', 'no-store')
          .header('content-type', 'video/mp4')
          .sendFile(key, deps.mediaRoot);
      },
    );
  };
