import { ConfigError, loadConfigFromProcess } from './config/load.js';
import type { Config } from './config/schema.js';
import { buildContainer } from './container/index.js';
import { buildHttpApp } from './http/app.js';
import { createLogger } from './observability/logger.js';

/** Boot: validate config, build the container, serve; exits non-zero listing every config problem. */
async function main(): Promise<void> {
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
  const logger = createLogger({ level: config.LOG_LEVEL, pretty: config.NODE_ENV === 'development' });
  const container = await buildContainer(config, logger);
  const app = await buildHttpApp(container, logger);
  await app.listen({ port: config.PORT, host: config.HOST });
  await container.startJobs();
  logger.info(`AI Factory is up: ${config.PUBLIC_BASE_URL} (data in ${config.DATA_DIR})`);

  // The worker stops first: running jobs get a grace period to finish, then are handed back to the queue.
  const shutdown = (signal: string): void => {
    logger.info({ signal }, 'shutting down');
    void container.queue
      .stop()
      .then(() => app.close())
      .then(() => container.close())
      .then(() => process.exit(0));
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `AI Factory failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
