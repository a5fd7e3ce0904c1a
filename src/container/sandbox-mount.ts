import type { FastifyPluginAsync } from 'fastify';
import { SANDBOX_APPS, type BaseUrlName } from '../config/platforms.js';
import type { Config } from '../config/schema.js';
import type { Clock } from '../ports/clock.js';

export const SANDBOX_PREFIX = '/sandbox';
/** Where the sandbox's admin API (clock, faults, request log, settings) is served. */
export const SANDBOX_ADMIN_PREFIX = `${SANDBOX_PREFIX}/__sandbox/`;

export interface MountedSandbox {
  plugin: FastifyPluginAsync;
  baseUrls: Record<BaseUrlName, string>;
  /** The bearer token of the admin API (SANDBOX_ADMIN_TOKEN); null: loopback callers only. */
  adminToken: string | null;
  /** The sandbox's clock: `POST /__sandbox/clock/advance` moves it, and in sandbox mode the app's time follows it. */
  clock: Clock;
  close(): void;
}

/**
 * The local platforms, served by this process under /sandbox. Their registered apps are the product's own
 * settings (or the documented sandbox ones) with redirect URIs and webhook URLs on PUBLIC_BASE_URL.
 */
export async function mountSandbox(config: Config): Promise<MountedSandbox> {
  const { createSandbox } = await import('../../sandbox/server.js');
  const base = config.PUBLIC_BASE_URL;
  const app = (
    id: string | undefined,
    secret: string | undefined,
    fallback: { clientId: string; clientSecret: string },
    platform: string,
  ) => ({
    clientId: id ?? fallback.clientId,
    clientSecret: secret ?? fallback.clientSecret,
    redirectUris: [`${base}/oauth/${platform}/callback`],
  });
  const sandbox = createSandbox({
    publicUrl: `${base}${SANDBOX_PREFIX}`,
    settings: {
      apps: {
        tiktok: app(config.TIKTOK_CLIENT_KEY, config.TIKTOK_CLIENT_SECRET, SANDBOX_APPS.tiktok, 'tiktok'),
        instagram: app(
          config.INSTAGRAM_CLIENT_ID,
          config.INSTAGRAM_CLIENT_SECRET,
          SANDBOX_APPS.instagram,
          'instagram',
        ),
        google: app(config.GOOGLE_CLIENT_ID, config.GOOGLE_CLIENT_SECRET, SANDBOX_APPS.youtube, 'youtube'),
      },
      autoConsent: config.SANDBOX_AUTO_CONSENT ?? null,
      webhookUrls: {
        tiktok: `${base}/webhooks/tiktok`,
        instagramDeauthorize: `${base}/webhooks/instagram/deauthorize`,
        instagramDataDeletion: `${base}/webhooks/instagram/data-deletion`,
      },
    },
  });
  return {
    plugin: sandbox.plugin,
    baseUrls: sandbox.baseUrls,
    adminToken: config.SANDBOX_ADMIN_TOKEN ?? null,
    clock: sandbox.ctx.clock,
    close: () => sandbox.close(),
  };
}
