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
import { buildConnectors } from './connectors.js';
import { pickMailer } from './mail.js';
import { policyFacts } from './policy-facts.js';
import { openConfiguredStore } from './store.js';
import { openVault } from './vault.js';
import { AuthService } from '../services/auth.service.js';
import { InvitationService } from '../services/invitation.service.js';
import { WorkspaceService } from '../services/workspace.service.js';
import { ConnectionService } from '../services/connection.service.js';
import { PlatformEventsService } from '../services/platform-events.service.js';
import { TokenRefreshService } from '../services/token-refresh.service.js';
import type { TokenVault } from '../ports/token-vault.js';
import type { JobEngine } from '../ports/job-queue.js';
import { ContentService } from '../services/content.service.js';
import { HousekeepingService } from '../services/housekeeping.service.js';
import { RetentionService } from '../services/privacy/retention.service.js';
import { ItemGenerationService } from '../services/item-generation.service.js';
import { RefreshPlanner } from '../services/refresh-planner.js';
import { GenerationService } from '../services/generation/generation.service.js';
import { MediaLibraryService } from '../services/media-library.service.js';
import { VideoUploadService } from '../services/video-upload.service.js';
import { MusicService } from '../services/music.service.js';
import { ReviewService } from '../services/review.service.js';
import { MediaLinks } from '../http/media-links.js';
import { buildProgressBus } from './progress.js';
import { buildJobQueue, buildScheduler, startWorker, type JobServices } from './job-queue.js';
import type { Scheduler } from '../services/scheduler.service.js';
import { buildPublishers } from './publishers.js';
import type { PublisherSet } from '../ports/platform-publisher.js';
import { PublishingService } from '../services/publishing/publishing.service.js';
import { PublicVideoLinks } from '../http/public-video-links.js';
import { RecommendationsService } from '../services/analytics/recommendations.service.js';
import type { StatsReaderSet } from '../ports/platform-stats.js';
import { StatsSyncService } from '../services/analytics/stats-sync.service.js';
import { buildStatsReaders } from './stats-readers.js';
import { AnalyticsQueryService } from '../services/analytics/analytics-query.service.js';
import { DataExportService } from '../services/privacy/data-export.service.js';
import { AccountDeletionService } from '../services/privacy/account-deletion.service.js';
import { WorkspaceDeletionService } from '../services/privacy/workspace-deletion.service.js';

/** Adapters a caller (a test, say) may supply instead of the configured ones. */
export interface ContainerOverrides {
  store?: Store;
  clock?: Clock;
  hasher?: PasswordHasher;
  mailer?: Mailer;
  vault?: TokenVault;
  /** Publishers instead of the platforms' own (tests script them). */
  publishers?: PublisherSet;
  /** Stats readers instead of the platforms' own (tests script them). */
  statsReaders?: StatsReaderSet;
}

export interface Container extends HttpDeps {
  config: Config;
  logger: Logger;
  platforms: PlatformAccess;
  vault: TokenVault;
  clock: Clock;
  tokenRefresh: TokenRefreshService;
  /** Stats sync: tracking published videos, the periodic sweep, the import of earlier posts. */
  stats: StatsSyncService;
  /** The job queue: in-process on the embedded default, BullMQ with REDIS_URL. */
  queue: JobEngine;
  /** The scheduler role: plans the recurring jobs while it holds the lease. */
  scheduler: Scheduler;
  /** Starts this process's worker (the worker role): it takes jobs from the queue. */
  startWorker(): Promise<void>;
  /** Starts the scheduler role: takes the lease when free and plans the recurring jobs. */
  startScheduler(): Promise<void>;
  /** Both: the worker and the scheduler, as the embedded default runs them in one process. */
  startJobs(): Promise<void>;
  close(): Promise<void>;
}

/** The one place that picks adapters; technology is imported lazily so unused drivers never load. */
export async function buildContainer(
  config: Config,
  logger: Logger,
  overrides: ContainerOverrides = {},
): Promise<Container> {
  const dataDir = resolve(config.DATA_DIR);
  const store = overrides.store ?? (await openConfiguredStore(config));
  const sandbox = sandboxEnabled(config)
    ? await (await import('./sandbox-mount.js')).mountSandbox(config)
    : null;
  // In sandbox mode the app's time is the sandbox's, so advancing the sandbox clock runs schedules forward (0034).
  const clock =
    overrides.clock ?? sandbox?.clock ?? (await import('../adapters/clock/system-clock.js')).systemClock;
  const { BoundedPasswordHasher } = await import('../adapters/crypto/bounded-password-hasher.js');
  const hasher = new BoundedPasswordHasher(
    overrides.hasher ??
      new (await import('../adapters/crypto/scrypt-password-hasher.js')).ScryptPasswordHasher(),
    { concurrency: config.PASSWORD_HASH_CONCURRENCY, queue: config.PASSWORD_HASH_QUEUE },
  );
  const mailer = overrides.mailer ?? (await pickMailer(config, dataDir, logger));
  const publicBaseUrl = config.PUBLIC_BASE_URL;
  const platforms = resolvePlatformAccess(config, sandbox?.baseUrls);
  const vault = overrides.vault ?? (await openVault(config, dataDir));
  const connectors = await buildConnectors(platforms);
  const queue = await buildJobQueue(config, { store, clock, logger });
  const planner = new RefreshPlanner({ store, queue });
  const tokenRefresh = new TokenRefreshService({ store, clock, vault, connectors, planner });
  const mediaRoot = join(dataDir, 'media');
  const { buildFactoryKit } = await import('./factory-kit.js');
  const kit = await buildFactoryKit(config, { mediaRoot, store });
  const { UrlSigner } = await import('../adapters/crypto/url-signer.js');
  const progressBus = await buildProgressBus(config);
  const progress = progressBus.bus;
  const generation = new GenerationService({ store, clock, kit });
  const maxUploadBytes = config.MEDIA_UPLOAD_MAX_MB * 1024 * 1024;
  const uploads = new VideoUploadService({
    store,
    media: kit.mediaStore,
    tools: kit.media,
    clock,
    maxUploadBytes,
    maxQueued: config.WORKSPACE_QUEUE_MAX,
  });
  const items = new ItemGenerationService({ store, clock, generation, uploads, progress });
  const retention = new RetentionService({ store, clock, queue, media: kit.mediaStore });
  // A key every machine shares when set; otherwise this machine's own key file (one-machine installs).
  const signer = config.MEDIA_LINK_KEY
    ? new UrlSigner(Buffer.from(config.MEDIA_LINK_KEY, 'base64'))
    : UrlSigner.fromKeyFile(join(dataDir, 'keys', 'media-links.key'));
  const recommendations = new RecommendationsService({ store, clock });
  const { YazlArchiver } = await import('../adapters/archive/yazl-archiver.js');
  const dataExports = new DataExportService({
    store,
    clock,
    queue,
    media: kit.mediaStore,
    archiver: new YazlArchiver(),
    signer,
    mailer,
    recommendations,
    publicBaseUrl,
  });
  const housekeeping = new HousekeepingService({ store, clock, queue, dataExports });
  const mediaLinks = new MediaLinks(signer, clock, config.PUBLIC_BASE_URL);
  const publicVideoLinks = new PublicVideoLinks(signer, clock, config.PUBLIC_BASE_URL);
  const stats = new StatsSyncService({
    store,
    clock,
    queue,
    readers: overrides.statsReaders ?? (await buildStatsReaders(platforms, clock)),
    tokenRefresh,
    settings: {
      intervalMs: config.STATS_SYNC_INTERVAL_SECONDS * 1000,
      maxReadingsPerSweep: config.STATS_MAX_READINGS_PER_SWEEP,
      importMaxPosts: config.STATS_IMPORT_MAX_POSTS,
      importMaxWeeks: config.STATS_IMPORT_MAX_WEEKS,
      tiktokCallsPerMinute: config.STATS_TIKTOK_CALLS_PER_MINUTE,
      instagramCallsPerHour: config.STATS_INSTAGRAM_CALLS_PER_HOUR,
      youtubeDailyQuotaUnits: config.YOUTUBE_DAILY_QUOTA_UNITS,
      youtubeUploadCostUnits: config.YOUTUBE_UPLOAD_COST_UNITS,
      youtubeStatsShare: config.STATS_YOUTUBE_QUOTA_SHARE,
    },
  });
  const publishing = new PublishingService({
    store,
    clock,
    queue,
    media: kit.mediaStore,
    publishers: overrides.publishers ?? (await buildPublishers(platforms, clock)),
    tokenRefresh,
    videoLinks: publicVideoLinks,
    tracking: stats,
    settings: {
      tiktokInitsPerMinute: config.TIKTOK_INITS_PER_MINUTE,
      tiktokDailyPostsPerCreator: config.TIKTOK_DAILY_POSTS_PER_CREATOR,
      youtubeDailyQuotaUnits: config.YOUTUBE_DAILY_QUOTA_UNITS,
      youtubeUploadCostUnits: config.YOUTUBE_UPLOAD_COST_UNITS,
      postIdDeadlineMs: config.PUBLISH_POST_ID_DEADLINE_HOURS * 3_600_000,
      publicVideoLinkMs: config.PUBLIC_VIDEO_LINK_HOURS * 3_600_000,
    },
  });

  const erasure = { store, clock, vault, connectors, media: kit.mediaStore };
  const jobServices: JobServices = {
    items,
    tokenRefresh,
    planner,
    housekeeping,
    publishing,
    stats,
    dataExports,
    retention,
  };
  const { scheduler, lease } = await buildScheduler(config, jobServices, logger);
  const readiness = [
    { name: 'store', check: () => store.ping() },
    ...(config.REDIS_URL ? [{ name: 'redis', check: () => queue.ping() }] : []),
  ];

  return {
    config,
    logger,
    accountDeletion: new AccountDeletionService({ ...erasure, hasher, mailer }),
    workspaceDeletion: new WorkspaceDeletionService(erasure),
    platforms,
    platformAccess: platforms,
    vault,
    clock,
    tokenRefresh,
    stats,
    sandbox,
    store,
    policyFacts: policyFacts(config, platforms, connectors),
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
    readiness,
    queue,
    scheduler,
    startWorker: () => startWorker(queue, jobServices),
    startScheduler: () => scheduler.start(),
    startJobs: async () => {
      await startWorker(queue, jobServices);
      await scheduler.start();
    },
    progress,
    mediaLinks,
    publishing,
    recommendations,
    dataExports,
    analytics: new AnalyticsQueryService({ store, clock }),
    publicVideoLinks,
    mediaRoot,
    directMediaUrl: (key) => kit.mediaStore.signedReadUrl(key, config.GCS_SIGNED_URL_TTL_SECONDS),
    content: new ContentService({ store, clock, queue, maxQueued: config.WORKSPACE_QUEUE_MAX }),
    library: new MediaLibraryService({
      store,
      media: kit.mediaStore,
      tools: kit.media,
      clock,
      maxUploadBytes,
    }),
    uploads,
    music: new MusicService({ builtinMusic: (track) => kit.builtinMusic(track) }),
    reviews: new ReviewService({ store, clock, media: kit.mediaStore }),
    scratch: () => kit.mediaStore.scratch(),
    maxUploadBytes: config.MEDIA_UPLOAD_MAX_MB * 1024 * 1024,
    currentVersion: (item) =>
      item.currentVersionId
        ? store.content.findVersion(item.workspaceId, item.currentVersionId)
        : Promise.resolve(null),
    connections: new ConnectionService({
      store,
      clock,
      vault,
      connectors,
      sandbox: platforms.sandbox,
      planner,
      // Called on every connect, first or again: waiting publications resume, earlier posts are imported.
      onReconnected: async (connection) => {
        await publishing.resumeAfterReconnect(connection);
        await stats.planImport(connection);
      },
    }),
    platformEvents: new PlatformEventsService({
      store,
      clock,
      publicBaseUrl,
      secrets: {
        tiktok: platforms.apps.tiktok?.clientSecret ?? null,
        instagram: platforms.apps.instagram?.clientSecret ?? null,
      },
      publishEvents: publishing,
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
      await scheduler.stop();
      await lease.close();
      await queue.close();
      await progressBus.close();
      sandbox?.close();
      await store.close();
    },
  };
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
