import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Metrics } from '../../observability/metrics.js';
import type { Store } from '../../ports/store.js';
import { errorBody } from '../errors.js';

/** True for 127.0.0.0/8 and ::1, written plainly or as IPv4-mapped IPv6. */
function isLoopback(ip: string): boolean {
  return ip === '::1' || /^(::ffff:)?127\./.test(ip);
}

/** Constant-time comparison of `Authorization: Bearer …` with the token (digests, so lengths never leak). */
function hasBearer(request: FastifyRequest, token: string): boolean {
  const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(token));
}

/**
 * Liveness and readiness (the store answers), outside /api and unauthenticated; Prometheus metrics behind
 * METRICS_TOKEN, or, without one, for loopback callers only (others get 404, as if there were no such page).
 */
export function healthRoutes(
  app: FastifyInstance,
  store: Store,
  metrics: Metrics,
  metricsToken: string | null,
): void {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));

  app.get('/readyz', { schema: { hide: true } }, async (request, reply) => {
    try {
      await store.ping();
      return { status: 'ready' };
    } catch (err) {
      request.log.warn({ err }, 'store not ready');
      return reply.code(503).send(errorBody('not_ready', 'The store does not answer'));
    }
  });

  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (metricsToken === null && !isLoopback(request.ip)) {
      return reply.code(404).send(errorBody('not_found', 'Not found'));
    }
    if (metricsToken !== null && !hasBearer(request, metricsToken)) {
      void reply.header('www-authenticate', 'Bearer');
      return reply.code(401).send(errorBody('unauthenticated', 'Send the metrics bearer token'));
    }
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}
