import type {
  Invitation,
  MemberDetails,
  Membership,
  PasswordReset,
  Session,
  User,
  Workspace,
  WorkspaceMembership,
} from '../domain/people.js';
import type { Role } from '../domain/roles.js';
import type { Connection, Platform } from '../domain/connection.js';
import type { AuditEvent, DeletionRequest, OAuthState } from '../domain/connection-records.js';
import type { SealedTokens } from './token-vault.js';
import type { ContentItem, ItemStatus, Job, MediaAsset, Version } from '../domain/content-item.js';

/** A page of results; `nextCursor` is opaque and null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
export interface PageRequest {
  cursor?: string | undefined;
  limit: number;
}

export interface UserRepository {
  /** Inserts a user; throws a conflict UserError `email_taken` when the email exists. */
  create(user: User): Promise<void>;
  /** Looks a user up by normalized email. */
  findByEmail(email: string): Promise<User | null>;
  findById(id: string): Promise<User | null>;
  updatePasswordHash(id: string, passwordHash: string): Promise<void>;
}

export interface WorkspaceRepository {
  create(workspace: Workspace): Promise<void>;
  /** The workspace, or null; callers check membership first. */
  findById(workspaceId: string): Promise<Workspace | null>;
  rename(workspaceId: string, name: string): Promise<void>;
}

export interface MembershipRepository {
  add(membership: Membership): Promise<void>;
  find(workspaceId: string, userId: string): Promise<Membership | null>;
  /** Members of one workspace with their identity, oldest first. */
  listByWorkspace(workspaceId: string, page: PageRequest): Promise<Page<MemberDetails>>;
  /** Every workspace a user belongs to, oldest membership first. */
  listByUser(userId: string): Promise<WorkspaceMembership[]>;
  updateRole(workspaceId: string, userId: string, role: Role): Promise<void>;
  remove(workspaceId: string, userId: string): Promise<void>;
  countOwners(workspaceId: string): Promise<number>;
}

export interface SessionRepository {
  create(session: Session): Promise<void>;
  findById(id: string): Promise<Session | null>;
  setCurrentWorkspace(id: string, workspaceId: string): Promise<void>;
  delete(id: string): Promise<void>;
  deleteByUser(userId: string): Promise<void>;
  deleteExpired(before: string): Promise<number>;
}

export interface InvitationRepository {
  create(invitation: Invitation): Promise<void>;
  /** Pending (not accepted, not expired at `now`) invitations of one workspace, newest first. */
  listPending(workspaceId: string, now: string, page: PageRequest): Promise<Page<Invitation>>;
  findById(workspaceId: string, id: string): Promise<Invitation | null>;
  /** Looked up by the hash of the link's token; the token names the workspace. */
  findByTokenHash(tokenHash: string): Promise<Invitation | null>;
  /** Marks it accepted unless it already was; false when someone used it first (single use). */
  markAccepted(workspaceId: string, id: string, userId: string, at: string): Promise<boolean>;
  delete(workspaceId: string, id: string): Promise<boolean>;
}

export interface PasswordResetRepository {
  create(reset: PasswordReset): Promise<void>;
  /** Atomically uses an unexpired, unused reset; returns its user id, or null. */
  consume(tokenHash: string, now: string): Promise<string | null>;
  deleteByUser(userId: string): Promise<void>;
}

export interface ConnectionRepository {
  create(connection: Connection): Promise<void>;
  /** Saves the metadata (never the tokens) of an existing connection. */
  update(connection: Connection): Promise<void>;
  findById(workspaceId: string, id: string): Promise<Connection | null>;
  findByAccount(
    workspaceId: string,
    platform: Platform,
    externalAccountId: string,
  ): Promise<Connection | null>;
  /** Every workspace's connections to one platform account (or alias), for platform-side events. */
  findAllByAccount(platform: Platform, accountIdOrAlias: string): Promise<Connection[]>;
  listByWorkspace(workspaceId: string, page: PageRequest): Promise<Page<Connection>>;
  delete(workspaceId: string, id: string): Promise<boolean>;
  saveTokens(workspaceId: string, connectionId: string, sealed: SealedTokens, at: string): Promise<void>;
  loadTokens(workspaceId: string, connectionId: string): Promise<SealedTokens | null>;
  deleteTokens(workspaceId: string, connectionId: string): Promise<void>;
  /** Connections whose refresh is due, oldest due first, across workspaces (the scheduler's query). */
  listDueRefreshes(before: string, limit: number): Promise<Connection[]>;
  /** Takes the refresh lease unless another process holds an unexpired one; serializes refreshes per account. */
  acquireRefreshLease(workspaceId: string, id: string, now: string, until: string): Promise<boolean>;
  releaseRefreshLease(workspaceId: string, id: string): Promise<void>;
  /** Sealed token records after a connection id, across workspaces (key rotation walks them). */
  listSealedAfter(
    afterConnectionId: string,
    limit: number,
  ): Promise<{ connectionId: string; workspaceId: string; sealed: SealedTokens }[]>;
  /** Replaces sealed tokens only if they are still `expected` (a refresh in between wins). */
  replaceSealed(
    workspaceId: string,
    connectionId: string,
    expected: SealedTokens,
    next: SealedTokens,
  ): Promise<boolean>;
}

export interface OAuthStateRepository {
  create(state: OAuthState): Promise<void>;
  /** Removes and returns an unexpired state: each state works once. */
  consume(stateHash: string, now: string): Promise<OAuthState | null>;
  deleteExpired(before: string): Promise<number>;
}

export interface AuditRepository {
  append(event: AuditEvent): Promise<void>;
  /** A workspace's events, newest first. */
  list(workspaceId: string, page: PageRequest): Promise<Page<AuditEvent>>;
}

export interface WebhookReceiptRepository {
  /** Records a delivery by digest; false when it was seen before (at-least-once delivery). */
  remember(digest: string, platform: Platform, at: string): Promise<boolean>;
}

export interface DeletionRequestRepository {
  create(request: DeletionRequest): Promise<void>;
  find(code: string): Promise<DeletionRequest | null>;
}

export interface ContentRepository {
  createItem(item: ContentItem): Promise<void>;
  updateItem(item: ContentItem): Promise<void>;
  findItem(workspaceId: string, id: string): Promise<ContentItem | null>;
  /** Newest first; optional status filter and title search. */
  listItems(
    workspaceId: string,
    filter: { status?: ItemStatus; search?: string },
    page: PageRequest,
  ): Promise<Page<ContentItem>>;
  createVersion(version: Version): Promise<void>;
  findVersion(workspaceId: string, id: string): Promise<Version | null>;
  /** Versions of an item, newest first. */
  listVersions(workspaceId: string, itemId: string): Promise<Version[]>;
}

export interface StageCacheRepository {
  /** A stage's stored output for this content-addressed key, or null. */
  get(workspaceId: string, key: string): Promise<unknown>;
  put(workspaceId: string, key: string, stage: string, output: unknown, at: string): Promise<void>;
  /** Forgets every stored stage output of the workspace; returns how many there were. */
  clear(workspaceId: string): Promise<number>;
}

export interface JobRepository {
  enqueue(job: Job): Promise<void>;
  find(workspaceId: string, id: string): Promise<Job | null>;
  /** Takes the oldest runnable job (queued and due, or running with an expired lease) and leases it. */
  claimNext(now: string, leaseUntil: string): Promise<Job | null>;
  /** Saves progress and extends the lease of a running job. */
  heartbeat(id: string, progress: Job['progress'], leaseUntil: string): Promise<void>;
  finish(id: string, status: 'succeeded' | 'failed', error: string | null, at: string): Promise<void>;
  /** Puts a failed or running job back in the queue (retry). */
  requeue(id: string, runAfter: string, at: string): Promise<void>;
  countByStatus(): Promise<Record<string, number>>;
}

export interface MediaAssetRepository {
  create(asset: MediaAsset): Promise<void>;
  find(workspaceId: string, id: string): Promise<MediaAsset | null>;
  listByWorkspace(workspaceId: string, page: PageRequest): Promise<Page<MediaAsset>>;
  delete(workspaceId: string, id: string): Promise<boolean>;
}

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
  /** Runs `work` atomically: everything it wrote is kept, or nothing is. */
  transaction<T>(work: (tx: Store) => Promise<T>): Promise<T>;
  /** Throws when the store cannot answer (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
