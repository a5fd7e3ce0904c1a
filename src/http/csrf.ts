import type { FastifyInstance } from 'fastify';
import { errorBody } from './errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * State-changing requests must come from our own origin (Origin, or Referer when Origin is absent) and carry
 * JSON when they carry a body: a cross-site form post can do neither. Paths in `exempt` authenticate otherwise
 * (webhooks verify signatures).
 */
export function installCsrfProtection(
  app: FastifyInstance,
  publicBaseUrl: string,
  exempt: string[],
  multipartPaths: string[] = [],
): void {
  const ourOrigin = new URL(publicBaseUrl).origin;
  app.addHook('onRequest', async (request, reply) => {
    if (SAFE_METHODS.has(request.method)) return;
    if (exempt.some((prefix) => request.url.startsWith(prefix))) return;
    const origin = request.headers.origin ?? originOf(request.headers.referer);
    if (origin !== ourOrigin) {
      return reply
        .code(403)
        .send(errorBody('csrf_origin_mismatch', 'The request did not come from this site'));
    }
    const hasBody =
      Number(request.headers['content-length'] ?? 0) > 0 ||
      request.headers['transfer-encoding'] !== undefined;
    const contentType = request.headers['content-type'] ?? '';
    const multipartAllowed =
      multipartPaths.includes(request.url.split('?')[0] ?? '') &&
      /^multipart\/form-data\s*;/i.test(contentType);
    if (hasBody && !multipartAllowed && !/^application\/json\s*(;|$)/i.test(contentType)) {
      return reply.code(403).send(errorBody('csrf_json_required', 'Send the request body as JSON'));
    }
  });
}

function originOf(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return undefined;
  }
}
