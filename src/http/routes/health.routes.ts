import type { FastifyInstance } from 'fastify';
import type { Metrics } from '../../observability/metrics.js';
import { errorBody } from '../errors.js';
import { allowInternal } from '../internal-access.js';

/** One dependency readiness waits for: the store, and Redis when the jobs are there. */
export interface ReadinessCheck {
  /** Named in the 503 answer and the log, e.g. "store". */
  name: string;
  /** Resolves when the dependency answers. */
  check(): Promise<void>;
}

// A dependency that hangs is as unready as one that refuses; the probe must answer within its own timeout.
const CHECK_TIMEOUT_MS = 3_000;

/**
 * Liveness (the process answers) and readiness (each dependency answers), outside /api and unauthenticated.
 * Every role serves them, so a worker on Cloud Run has a port to be probed on.
 */
export function probeRoutes(app: FastifyInstance, readiness: readonly ReadinessCheck[]): void {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));

  app.get('/readyz', { schema: { hide: true } }, async (request, reply) => {
    const failed: string[] = [];
    await Promise.all(
      readiness.map(async (dependency) => {
        const name = dependency.name;
        try {
          await withTimeout(dependency.check(), CHECK_TIMEOUT_MS);
        } catch (err) {
          request.log.warn({ err, dependency: name }, `${name} not ready`);
          failed.push(name);
        }
      }),
    );
    if (failed.length === 0) return { status: 'ready' };
    const which = failed.sort().join(', ');
    return reply.code(503).send(errorBody('not_ready', `Not answering: ${which}`));
  });
}

/**
 * The probes, plus Prometheus metrics behind METRICS_TOKEN, or, without one, for loopback callers only (others get
 * 404, as if there were no such page).
 */
export function healthRoutes(
  app: FastifyInstance,
  readiness: readonly ReadinessCheck[],
  metrics: Metrics,
  metricsToken: string | null,
): void {
  probeRoutes(app, readiness);
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (!(await allowInternal(request, reply, metricsToken, 'metrics'))) return reply;
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}

function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
