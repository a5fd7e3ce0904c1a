import type { FastifyInstance } from 'fastify';
import { SANDBOX_APPS, type BaseUrlName } from '../../src/config/platforms.js';
import { loadConfig } from '../../src/config/load.js';
import { buildContainer, type Container } from '../../src/container/index.js';
import { buildHttpApp } from '../../src/http/app.js';
import { createLogger } from '../../src/observability/logger.js';

/**
 * The settings of a benchmark or reliability run: the real platform code pointed at a sandbox process (as at a
 * real host), the app's own limits raised where the run measures the machinery rather than a platform's limits.
 */
export function benchEnv(input: {
  dataDir: string;
  appOrigin: string;
  baseUrls: Record<BaseUrlName, string>;
  redisUrl?: string;
  extra?: Record<string, string>;
}): Record<string, string> {
  return {
    DATA_DIR: input.dataDir,
    PUBLIC_BASE_URL: input.appOrigin,
    PORT: new URL(input.appOrigin).port,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'error',
    PLATFORM_SANDBOX: 'off',
    TIKTOK_CLIENT_KEY: SANDBOX_APPS.tiktok.clientId,
    TIKTOK_CLIENT_SECRET: SANDBOX_APPS.tiktok.clientSecret,
    INSTAGRAM_CLIENT_ID: SANDBOX_APPS.instagram.clientId,
    INSTAGRAM_CLIENT_SECRET: SANDBOX_APPS.instagram.clientSecret,
    GOOGLE_CLIENT_ID: SANDBOX_APPS.youtube.clientId,
    GOOGLE_CLIENT_SECRET: SANDBOX_APPS.youtube.clientSecret,
    ...input.baseUrls,
    ...(input.redisUrl ? { REDIS_URL: input.redisUrl } : {}),
    ...input.extra,
  };
}

/** The product's container (and, when asked, its HTTP server) in this process, from a bench environment. */
export async function openBenchApp(
  env: Record<string, string>,
  options: { listen: boolean },
): Promise<{ container: Container; http: FastifyInstance | null; close(): Promise<void> }> {
  const config = loadConfig(env, '/nonexistent/.env');
  const logger = createLogger({ level: 'error', pretty: false });
  const container = await buildContainer(config, logger);
  let http: FastifyInstance | null = null;
  if (options.listen) {
    http = await buildHttpApp(container, logger);
    await http.listen({ port: config.PORT, host: '127.0.0.1' });
  }
  return {
    container,
    http,
    close: async () => {
      await http?.close();
      await container.close();
    },
  };
}
