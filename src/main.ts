import { ConfigError, loadConfigFromProcess } from './config/load.js';
import { runsRole, unsafeDeploymentProblems } from './config/deployment.js';
import type { Config } from './config/schema.js';
import { buildContainer } from './container/index.js';
import { startRoles, stopGracefully, stopOnSignals } from './container/lifecycle.js';
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
  await startRoles(container, config.ROLES);
  logger.info(
    { roles: config.ROLES },
    `AI Factory is up: ${config.PUBLIC_BASE_URL} (data in ${config.DATA_DIR})`,
  );
  const graceMs = config.SHUTDOWN_GRACE_SECONDS * 1000;
  stopOnSignals(
    () =>
      stopGracefully(
        {
          scheduler: container.scheduler,
          worker: container.queue,
          closeHttp: () => app.close(),
          close: () => container.close(),
        },
        graceMs,
      ),
    logger,
  );
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
