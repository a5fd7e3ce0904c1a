import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { resolvePlatformAccess, sandboxEnabled, type PlatformAccess } from './config/platforms.js';
import type { Config } from './config/schema.js';
import type { HttpDeps } from './http/deps.js';
import type { Clock } from './ports/clock.js';
import type { Mailer } from './ports/mailer.js';
import type { PasswordHasher } from './ports/password-hasher.js';
import type { Store } from './ports/store.js';
import { AuthService } from './services/auth.service.js';
import { InvitationService } from './services/invitation.service.js';
import { WorkspaceService } from './services/workspace.service.js';

/** Adapters a caller (a test, say) may supply instead of the configured ones. */
export interface ContainerOverrides {
  store?: Store;
  clock?: Clock;
  hasher?: PasswordHasher;
  mailer?: Mailer;
}

export interface Container extends HttpDeps {
  config: Config;
  logger: Logger;
  platforms: PlatformAccess;
  close(): Promise<void>;
}

/** The one place that picks adapters; technology is imported lazily so unused drivers never load. */
export async function buildContainer(
  config: Config,
  logger: Logger,
  overrides: ContainerOverrides = {},
): Promise<Container> {
  const dataDir = resolve(config.DATA_DIR);
  const store = overrides.store ?? (await openEmbeddedStore(dataDir));
  const clock = overrides.clock ?? (await import('./adapters/clock/system-clock.js')).systemClock;
  const hasher =
    overrides.hasher ??
    new (await import('./adapters/crypto/scrypt-password-hasher.js')).ScryptPasswordHasher();
  const mailer = overrides.mailer ?? (await pickMailer(config, dataDir, logger));
  const publicBaseUrl = config.PUBLIC_BASE_URL;
  const sandbox = sandboxEnabled(config)
    ? await (await import('./sandbox-mount.js')).mountSandbox(config)
    : null;
  const platforms = resolvePlatformAccess(config, sandbox?.baseUrls);

  return {
    config,
    logger,
    platforms,
    sandbox,
    store,
    auth: new AuthService({
      store,
      hasher,
      clock,
      mailer,
      publicBaseUrl,
      sessionTtlMs: config.SESSION_TTL_DAYS * 86_400_000,
      passwordResetTtlMs: config.PASSWORD_RESET_TTL_MINUTES * 60_000,
    }),
    workspaces: new WorkspaceService({ store, clock }),
    invitations: new InvitationService({
      store,
      clock,
      mailer,
      publicBaseUrl,
      invitationTtlMs: config.INVITATION_TTL_DAYS * 86_400_000,
    }),
    settings: {
      publicBaseUrl,
      secureCookies: publicBaseUrl.startsWith('https://'),
      sessionTtlSeconds: config.SESSION_TTL_DAYS * 86_400,
      authRateLimitPerMinute: config.SIGNIN_RATE_LIMIT_PER_MINUTE,
      trustProxy: config.TRUST_PROXY,
      webRoot: join(projectRoot(), 'dist', 'web'),
    },
    close: async () => {
      sandbox?.close();
      await store.close();
    },
  };
}

async function openEmbeddedStore(dataDir: string): Promise<Store> {
  const { SqliteStore } = await import('./adapters/store/sqlite/sqlite-store.js');
  return SqliteStore.open(join(dataDir, 'ai-factory.sqlite'));
}

async function pickMailer(config: Config, dataDir: string, logger: Logger): Promise<Mailer> {
  if (config.SMTP_URL) {
    const { SmtpMailer } = await import('./adapters/mail/smtp-mailer.js');
    return new SmtpMailer(config.SMTP_URL, config.MAIL_FROM);
  }
  const { OutboxMailer } = await import('./adapters/mail/outbox-mailer.js');
  return new OutboxMailer(join(dataDir, 'outbox'), logger);
}

/** The folder holding package.json, whether running from src/ (tsx) or dist/server/ (built). */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above the server code');
    dir = parent;
  }
  return dir;
}
