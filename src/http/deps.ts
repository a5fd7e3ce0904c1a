import type { Store } from '../ports/store.js';
import type { MountedSandbox } from '../container/sandbox-mount.js';
import type { AuthService } from '../services/auth.service.js';
import type { InvitationService } from '../services/invitation.service.js';
import type { WorkspaceService } from '../services/workspace.service.js';
import type { ConnectionService } from '../services/connection.service.js';
import type { PlatformEventsService } from '../services/platform-events.service.js';
import type { PlatformAccess } from '../config/platforms.js';
import type { PolicyFacts } from '../domain/privacy/policy-facts.js';
import type { ContentItem, Version } from '../domain/content-item.js';
import type { ProgressBus } from '../ports/progress-bus.js';
import type { ContentService } from '../services/content.service.js';
import type { MediaLibraryService } from '../services/media-library.service.js';
import type { VideoUploadService } from '../services/video-upload.service.js';
import type { MusicService } from '../services/music.service.js';
import type { ReviewService } from '../services/review.service.js';
import type { MediaLinks } from './media-links.js';
import type { ReadinessCheck } from './routes/health.routes.js';
import type { PublishingService } from '../services/publishing/publishing.service.js';
import type { PublicVideoLinks } from './public-video-links.js';
import type { RecommendationsService } from '../services/analytics/recommendations.service.js';
import type { AnalyticsQueryService } from '../services/analytics/analytics-query.service.js';
import type { DataExportService } from '../services/privacy/data-export.service.js';
import type { AccountDeletionService } from '../services/privacy/account-deletion.service.js';
import type { WorkspaceDeletionService } from '../services/privacy/workspace-deletion.service.js';

/** What the HTTP layer needs from the container. */
export interface HttpDeps {
  store: Store;
  /** What /readyz waits for: the store, and Redis when the jobs are there. */
  readiness: readonly ReadinessCheck[];
  auth: AuthService;
  workspaces: WorkspaceService;
  invitations: InvitationService;
  connections: ConnectionService;
  platformEvents: PlatformEventsService;
  platformAccess: PlatformAccess;
  content: ContentService;
  library: MediaLibraryService;
  uploads: VideoUploadService;
  music: MusicService;
  reviews: ReviewService;
  progress: ProgressBus;
  mediaLinks: MediaLinks;
  publishing: PublishingService;
  /** The learning loop's advice: recommendation cards and the next briefs' levels. */
  recommendations: RecommendationsService;
  /** Analytics: dashboard, tracked videos, exports. */
  analytics: AnalyticsQueryService;
  /** Copies of a person's data: start, status, download. */
  dataExports: DataExportService;
  /** Deleting one's account (privacy center, operator CLI). */
  accountDeletion: AccountDeletionService;
  /** Deleting a whole workspace (owners). */
  workspaceDeletion: WorkspaceDeletionService;
  /** Signed public links to a publication's approved file (platforms fetch it). */
  publicVideoLinks: PublicVideoLinks;
  /** Folder of the media store (files served by signed links). */
  mediaRoot: string;
  /** A short-lived URL of the media store for a key (a bucket's signed URL), or null: the app streams the file. */
  directMediaUrl(key: string): Promise<string | null>;
  /** A scratch folder for one request (uploads), removed by cleanup. */
  scratch(): Promise<{ dir: string; cleanup(): Promise<void> }>;
  /** The largest library upload, in bytes. */
  maxUploadBytes: number;
  /** The version an item shows now, if any. */
  currentVersion(item: ContentItem): Promise<Version | null>;
  /** What this install does with personal data, for the public privacy policy and terms. */
  policyFacts: PolicyFacts;
  /** The local platforms, when this run serves them. */
  sandbox: MountedSandbox | null;
  settings: {
    publicBaseUrl: string;
    secureCookies: boolean;
    sessionTtlSeconds: number;
    authRateLimitPerMinute: number;
    /** Addresses or CIDRs of the proxies whose X-Forwarded-For is believed; empty: none. */
    trustProxy: string[];
    /** The bearer token /metrics asks for; null: loopback callers only. */
    metricsToken: string | null;
    /** Progress streams one person may hold open at once. */
    maxStreamsPerUser: number;
    /** How often an open progress stream checks that its viewer is still a member. */
    streamRecheckMs: number;
    webRoot: string;
  };
}
