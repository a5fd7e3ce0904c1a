import type { FastifyInstance } from 'fastify';
import type { Metrics } from '../../observability/metrics.js';
import type { Store } from '../../ports/store.js';
import { errorBody } from '../errors.js';

/** Liveness, readiness (the store answers) and Prometheus metrics; outside /api and unauthenticated. */
export function healthRoutes(app: FastifyInstance, store: Store, metrics: Metrics): void {
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

  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) =>
    reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
  );
}
