import type { Publication } from '../../domain/publishing/publication.js';
import type { Clock } from '../../ports/clock.js';
import type { JobQueue } from '../../ports/job-queue.js';
import type { MediaStore } from '../../ports/media-store.js';
import type { PublisherSet } from '../../ports/platform-publisher.js';
import type { Store } from '../../ports/store.js';
import type { TokenRefreshService } from '../token-refresh.service.js';

/** Makes the signed, expiring absolute URL a platform fetches the approved file from (Instagram's video_url). */
export interface PublicVideoLinker {
  /** An absolute URL under PUBLIC_BASE_URL serving exactly this publication's file until `expiresAtMs`. */
  urlFor(workspaceId: string, publicationId: string, expiresAtMs: number): string;
}

/** Limits and deadlines of publishing (from config). */
export interface PublishingSettings {
  tiktokInitsPerMinute: number;
  tiktokDailyPostsPerCreator: number;
  youtubeDailyQuotaUnits: number;
  youtubeUploadCostUnits: number;
  /** How long a published post is polled for its post id. */
  postIdDeadlineMs: number;
  /** Lifetime of the public video link. */
  publicVideoLinkMs: number;
}

/** What the publishing service works with. */
export interface PublishingDeps {
  store: Store;
  clock: Clock;
  queue: JobQueue;
  media: MediaStore;
  publishers: PublisherSet;
  tokenRefresh: Pick<TokenRefreshService, 'withAccessToken'>;
  videoLinks: PublicVideoLinker;
  settings: PublishingSettings;
  /** Starts following a published video's numbers once its post id is known (the stats sync). */
  tracking?: { startTracking(p: Publication): Promise<void> };
}

/** The defaults of the configuration, for tests and tools. */
export const DEFAULT_PUBLISHING_SETTINGS: PublishingSettings = {
  tiktokInitsPerMinute: 6,
  tiktokDailyPostsPerCreator: 15,
  youtubeDailyQuotaUnits: 10_000,
  youtubeUploadCostUnits: 100,
  postIdDeadlineMs: 48 * 3_600_000,
  publicVideoLinkMs: 24 * 3_600_000,
};
