import { ConfigError, loadConfigFromProcess } from './config/load.js';
import { runsRole, unsafeDeploymentProblems } from './config/deployment.js';
import type { Config } from './config/schema.js';
import { buildContainer, type Container } from './container/index.js';
import { buildHttpApp } from './http/app.js';
import { buildProbeApp } from './http/probe-app.js';
import { createLogger } from './observability/logger.js';

/** Boot: validate config, build the container, start the roles ROLES names; exits non-zero listing every problem. */
async function main(): Promise<void> {
  const config = loadValidConfig();
  const logger = createLogger({ level: config.LOG_LEVEL, pretty: config.NODE_ENV === 'development' });
  const container = await buildContainer(config, logger);
  // Every role listens: the api serves the product, the others only the probes (Cloud Run needs a port).
  const app = runsRole(config, 'api')
    ? await buildHttpApp(container, logger)
    : await buildProbeApp(container.readiness, logger);
  await app.listen({ port: config.PORT, host: config.HOST });
  if (runsRole(config, 'worker')) await container.startWorker();
  if (runsRole(config, 'scheduler')) await container.startScheduler();
  logger.info(
    { roles: config.ROLES },
    `AI Factory is up: ${config.PUBLIC_BASE_URL} (data in ${config.DATA_DIR})`,
  );

  let stopping: Promise<void> | null = null;
  const shutdown = (signal: string): void => {
    logger.info({ signal }, 'shutting down');
    stopping ??= stopGracefully(container, () => app.close(), config.SHUTDOWN_GRACE_SECONDS * 1000).then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

/**
 * The scheduler lets go of its lease first (a standby takes over at once); the worker stops taking jobs and gives
 * running ones `graceMs` to finish, then hands them back to the queue without counting an attempt; HTTP closes
 * beside it (requests in flight finish); then the connections go.
 */
async function stopGracefully(
  container: Container,
  closeHttp: () => Promise<void>,
  graceMs: number,
): Promise<void> {
  await container.scheduler.stop();
  await Promise.all([container.queue.stop(graceMs), closeHttp()]);
  await container.close();
}

/** The validated settings, or, on any problem (invalid values, an unsafe mix of roles), every problem and exit 1. */
function loadValidConfig(): Config {
  let config: Config;
  try {
    config = loadConfigFromProcess();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const problems = unsafeDeploymentProblems(config);
  if (problems.length > 0) {
    process.stderr.write(`Unsafe deployment settings:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
    process.exit(1);
  }
  return config;
}

main().catch((error: unknown) => {
  process.stderr.write(
    `AI Factory failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
