import type { FastifyInstance } from 'fastify';
import type { Metrics } from '../../observability/metrics.js';
import type { Store } from '../../ports/store.js';
import { errorBody } from '../errors.js';
import { allowInternal } from '../internal-access.js';

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
    if (!(await allowInternal(request, reply, metricsToken, 'metrics'))) return reply;
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}
