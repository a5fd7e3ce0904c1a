import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { OneLineRequestLog } from './request-log.js';
import { probeRoutes, type ReadinessCheck } from './routes/health.routes.js';

/**
 * The HTTP server of a process without the api role: /healthz and /readyz only, since Cloud Run (and most
 * orchestrators) probe every container on a port, workers included.
 */
export async function buildProbeApp(
  readiness: readonly ReadinessCheck[],
  logger: FastifyBaseLogger,
): Promise<FastifyInstance> {
  // One line per probe, as the api logs its own /healthz.
  const app = Fastify({ loggerInstance: logger, logController: new OneLineRequestLog() });
  probeRoutes(app, readiness);
  return app;
}
