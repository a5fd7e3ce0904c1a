import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { resolvePlatformAccess, sandboxEnabled, type PlatformAccess } from '../config/platforms.js';
import type { Config } from '../config/schema.js';
import type { HttpDeps } from '../http/deps.js';
import type { Clock } from '../ports/clock.js';
import type { Mailer } from '../ports/mailer.js';
import type { PasswordHasher } from '../ports/password-hasher.js';
import type { Store } from '../ports/store.js';
import { AuthService } from '../services/auth.service.js';
import { InvitationService } from '../services/invitation.service.js';
import { WorkspaceService } from '../services/workspace.service.js';
import { ConnectionService } from '../services/connection.service.js';
import type { ConnectorSet } from '../services/connectors.js';
import { PlatformEventsService } from '../services/platform-events.service.js';
import { TokenRefreshService } from '../services/token-refresh.service.js';
import type { TokenVault } from '../ports/token-vault.js';
import { availableParallelism } from 'node:os';
import type { InProcessQueue } from '../adapters/queue/in-process/in-process.queue.js';
import { ContentService, GENERATE_JOB } from '../services/content.service.js';
import { GenerationService } from '../services/generation/generation.service.js';
import { MediaLibraryService } from '../services/media-library.service.js';
import { VideoUploadService } from '../services/video-upload.service.js';
import { MusicService } from '../services/music.service.js';
import { generateJob } from '../jobs/generate.job.js';
import { MediaLinks } from '../http/media-links.js';

/** Adapters a caller (a test, say) may supply instead of the configured ones. */
export interface ContainerOverrides {
  store?: Store;
  clock?: Clock;
  hasher?: PasswordHasher;
  mailer?: Mailer;
  vault?: TokenVault;
}

export interface Container extends HttpDeps {
  config: Config;
  logger: Logger;
  platforms: PlatformAccess;
  vault: TokenVault;
  clock: Clock;
  tokenRefresh: TokenRefreshService;
  /** The in-process job queue (the embedded default's worker). */
  queue: InProcessQueue;
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
  const clock = overrides.clock ?? (await import('../adapters/clock/system-clock.js')).systemClock;
  const { BoundedPasswordHasher } = await import('../adapters/crypto/bounded-password-hasher.js');
  const hasher = new BoundedPasswordHasher(
    overrides.hasher ??
      new (await import('../adapters/crypto/scrypt-password-hasher.js')).ScryptPasswordHasher(),
    { concurrency: config.PASSWORD_HASH_CONCURRENCY, queue: config.PASSWORD_HASH_QUEUE },
  );
  const mailer = overrides.mailer ?? (await pickMailer(config, dataDir, logger));
  const publicBaseUrl = config.PUBLIC_BASE_URL;
  const sandbox = sandboxEnabled(config)
    ? await (await import('./sandbox-mount.js')).mountSandbox(config)
    : null;
  const platforms = resolvePlatformAccess(config, sandbox?.baseUrls);
  const vault = overrides.vault ?? (await openVault(config, dataDir));
  const connectors = await buildConnectors(platforms);
  const tokenRefresh = new TokenRefreshService({ store, clock, vault, connectors });
  const mediaRoot = join(dataDir, 'media');
  const { buildFactoryKit } = await import('./factory-kit.js');
  const kit = await buildFactoryKit(config, { mediaRoot, store });
  const { InProcessProgressBus } = await import('../adapters/events/in-process-progress-bus.js');
  const { InProcessQueue } = await import('../adapters/queue/in-process/in-process.queue.js');
  const { UrlSigner } = await import('../adapters/crypto/url-signer.js');
  const progress = new InProcessProgressBus();
  const generation = new GenerationService({ store, clock, kit });
  const maxUploadBytes = config.MEDIA_UPLOAD_MAX_MB * 1024 * 1024;
  const uploads = new VideoUploadService({
    store,
    media: kit.mediaStore,
    tools: kit.media,
    clock,
    maxUploadBytes,
  });
  const queue = new InProcessQueue({
    store,
    clock,
    logger,
    concurrency: config.RENDER_CONCURRENCY ?? availableParallelism(),
    catalog: { [GENERATE_JOB]: generateJob({ store, clock, generation, uploads, progress }) },
  });
  const mediaLinks = new MediaLinks(
    UrlSigner.fromKeyFile(join(dataDir, 'keys', 'media-links.key')),
    clock,
    config.PUBLIC_BASE_URL,
  );

  return {
    config,
    logger,
    platforms,
    platformAccess: platforms,
    vault,
    clock,
    tokenRefresh,
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
      invitationsPerHour: {
        perUser: config.USER_INVITES_PER_HOUR,
        perWorkspace: config.WORKSPACE_INVITES_PER_HOUR,
      },
    }),
    queue,
    progress,
    mediaLinks,
    mediaRoot,
    content: new ContentService({ store, clock, queue }),
    library: new MediaLibraryService({
      store,
      media: kit.mediaStore,
      tools: kit.media,
      clock,
      maxUploadBytes,
    }),
    uploads,
    music: new MusicService({ builtinMusic: (track) => kit.builtinMusic(track) }),
    scratch: () => kit.mediaStore.scratch(),
    maxUploadBytes: config.MEDIA_UPLOAD_MAX_MB * 1024 * 1024,
    currentVersion: (item) =>
      item.currentVersionId
        ? store.content.findVersion(item.workspaceId, item.currentVersionId)
        : Promise.resolve(null),
    connections: new ConnectionService({ store, clock, vault, connectors, sandbox: platforms.sandbox }),
    platformEvents: new PlatformEventsService({
      store,
      clock,
      publicBaseUrl,
      secrets: {
        tiktok: platforms.apps.tiktok?.clientSecret ?? null,
        instagram: platforms.apps.instagram?.clientSecret ?? null,
      },
    }),
    settings: {
      publicBaseUrl,
      secureCookies: publicBaseUrl.startsWith('https://'),
      sessionTtlSeconds: config.SESSION_TTL_DAYS * 86_400,
      authRateLimitPerMinute: config.SIGNIN_RATE_LIMIT_PER_MINUTE,
      trustProxy: config.TRUST_PROXY,
      metricsToken: config.METRICS_TOKEN ?? null,
      maxStreamsPerUser: 5,
      streamRecheckMs: 5_000,
      webRoot: join(projectRoot(), 'dist', 'web'),
    },
    close: async () => {
      await queue.stop();
      sandbox?.close();
      await store.close();
    },
  };
}

async function openEmbeddedStore(dataDir: string): Promise<Store> {
  const { SqliteStore } = await import('../adapters/store/sqlite/sqlite-store.js');
  return SqliteStore.open(join(dataDir, 'ai-factory.sqlite'));
}

/** The vault's master keys: TOKEN_ENCRYPTION_KEYS, or the embedded default's key file made at first start. */
async function openVault(config: Config, dataDir: string): Promise<TokenVault> {
  const { EnvelopeVault } = await import('../adapters/crypto/envelope-vault.js');
  const { fileKeyRing, parseKeyList, staticKeyRing } = await import('../adapters/crypto/key-ring.js');
  const ring = config.TOKEN_ENCRYPTION_KEYS
    ? staticKeyRing(parseKeyList(config.TOKEN_ENCRYPTION_KEYS))
    : fileKeyRing(keyFilePath(dataDir));
  return new EnvelopeVault(ring);
}

/** Where the embedded default keeps its master keys. */
export function keyFilePath(dataDir: string): string {
  return join(dataDir, 'keys', 'token-keys.json');
}

/** One connector per platform that has app credentials (the sandbox's documented ones in sandbox mode). */
async function buildConnectors(platforms: PlatformAccess): Promise<ConnectorSet> {
  const connectors: ConnectorSet = {};
  const common = (platform: 'tiktok' | 'instagram' | 'youtube') => ({
    baseUrls: platforms.baseUrls,
    redirectUri: platforms.redirectUri(platform),
  });
  if (platforms.apps.tiktok) {
    const { TiktokConnector } = await import('../adapters/platforms/tiktok/tiktok.connector.js');
    connectors.tiktok = new TiktokConnector({ ...common('tiktok'), app: platforms.apps.tiktok });
  }
  if (platforms.apps.instagram) {
    const { InstagramConnector } = await import('../adapters/platforms/instagram/instagram.connector.js');
    connectors.instagram = new InstagramConnector({ ...common('instagram'), app: platforms.apps.instagram });
  }
  if (platforms.apps.youtube) {
    const { YoutubeConnector } = await import('../adapters/platforms/youtube/youtube.connector.js');
    connectors.youtube = new YoutubeConnector({ ...common('youtube'), app: platforms.apps.youtube });
  }
  return connectors;
}

async function pickMailer(config: Config, dataDir: string, logger: Logger): Promise<Mailer> {
  if (config.SMTP_URL) {
    const { SmtpMailer } = await import('../adapters/mail/smtp-mailer.js');
    return new SmtpMailer(config.SMTP_URL, config.MAIL_FROM);
  }
  const { OutboxMailer } = await import('../adapters/mail/outbox-mailer.js');
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
