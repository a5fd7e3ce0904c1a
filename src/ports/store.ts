import type { SnapshotRepository, StatsCallRepository, TrackedVideoRepository } from './store/analytics.js';
import type { AuditRepository, WebhookReceiptRepository } from './store/audit.js';
import type {
  ConnectionRepository,
  DeletionRequestRepository,
  OAuthStateRepository,
} from './store/connections.js';
import type { ContentRepository, StageCacheRepository } from './store/content.js';
import type { ErasureRepository } from './store/erasure.js';
import type { JobRepository } from './store/jobs.js';
import type { MediaAssetRepository } from './store/media.js';
import type { PublicationRepository, ReviewRepository } from './store/publishing.js';
import type { DataExportRepository } from './store/privacy.js';
import type {
  InvitationRepository,
  MembershipRepository,
  PasswordResetRepository,
  SessionRepository,
  UserRepository,
  WorkspaceRepository,
} from './store/people.js';

export type * from './store/analytics.js';
export type * from './store/audit.js';
export type * from './store/connections.js';
export type * from './store/content.js';
export type * from './store/erasure.js';
export type * from './store/jobs.js';
export type * from './store/media.js';
export type * from './store/page.js';
export type * from './store/people.js';
export type * from './store/publishing.js';
export type * from './store/privacy.js';

/** The store: repositories plus transactions. SQLite on the embedded default, Firestore in production. */
export interface Store {
  users: UserRepository;
  workspaces: WorkspaceRepository;
  memberships: MembershipRepository;
  sessions: SessionRepository;
  invitations: InvitationRepository;
  passwordResets: PasswordResetRepository;
  connections: ConnectionRepository;
  oauthStates: OAuthStateRepository;
  audit: AuditRepository;
  webhookReceipts: WebhookReceiptRepository;
  deletionRequests: DeletionRequestRepository;
  content: ContentRepository;
  stageCache: StageCacheRepository;
  jobs: JobRepository;
  mediaAssets: MediaAssetRepository;
  reviews: ReviewRepository;
  publications: PublicationRepository;
  trackedVideos: TrackedVideoRepository;
  snapshots: SnapshotRepository;
  statsCalls: StatsCallRepository;
  dataExports: DataExportRepository;
  /** Deleting accounts and workspaces for good, and the anonymous log of deletions. */
  erasure: ErasureRepository;
  /**
   * Runs `work` atomically: everything it wrote is kept, or nothing is. `work` may be run more than once (a
   * document store retries a transaction that lost a race), so it must do all its reads through `tx` before its
   * first write (a read-then-write method such as `consume` or `markAccepted` counts as a read and a write), and
   * have no side effect outside `tx` (no mail, file, queue or network call: do those after it resolves).
   */
  transaction<T>(work: (tx: Store) => Promise<T>): Promise<T>;
  /** Throws when the store cannot answer (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
