import type { DocumentData } from '@google-cloud/firestore';

/**
 * Every collection of the Firestore store (docs/firestore.md describes each). All are top-level, so the scheduler's
 * queries across workspaces need no collection-group index; a document of a workspace's record carries its
 * `workspaceId` field, and every query of such records filters on it (tenant scoping).
 *
 * A document is `{ data: <the record as JSON>, ...indexed fields }` (see codec.ts); the indexed fields are only
 * what queries filter and order on.
 */
export const COLLECTIONS = [
  'users', // User; email
  'userEmails', // uniqueness guard: id = email, { userId }
  'workspaces', // Workspace; id
  'memberships', // Membership; id = workspaceId:userId; id (the membership's), workspaceId, userId, role, joinedAt
  'sessions', // Session; id; userId, workspaceId (= currentWorkspaceId), expiresAt
  'invitations', // Invitation; id; id, workspaceId, email, tokenHash, invitedBy, acceptedBy, createdAt, acceptedAt, expiresAt
  'passwordResets', // PasswordReset; id = tokenHash; userId, expiresAt
  'connections', // Connection; id; id, workspaceId, platform, externalAccountId, accountKeys (account id + aliases), nextRefreshAt, leaseUntil
  'connectionAccounts', // uniqueness guard: id = workspaceId:platform:externalAccountId, { workspaceId, connectionId }
  'sealedTokens', // { workspaceId, connectionId, sealed: SealedTokens, at }; id = connectionId; workspaceId, connectionId
  'oauthStates', // OAuthState; id = stateHash; workspaceId, userId, expiresAt
  'auditEvents', // AuditEvent; id; id, workspaceId, at, connectionId, actorUserId
  'webhookReceipts', // { digest, platform, at }; id = digest; at
  'deletionRequests', // DeletionRequest; id = code
  'contentItems', // ContentItem; id; id, workspaceId, status, terms (titleSearchTerms of the title), createdBy
  'versions', // Version; id; workspaceId, itemId, number, createdAt
  'stageCache', // StageCacheRecord { workspaceId, key, stage, output, at }; id = workspaceId:key; workspaceId
  'jobs', // Job; id; id, workspaceId, status, type, runAfter, leaseUntil, leaseOwner, leaseNode, idempotencyKey
  'jobKeys', // uniqueness guard: id = idempotencyKey, { jobId }
  'mediaAssets', // MediaAsset; id; id, workspaceId, createdAt
  'reviews', // VersionReview; id = versionId; workspaceId, itemId, state, updatedAt, sortKey (updatedAt ms + id)
  'publications', // Publication; id; workspaceId, connectionId, itemId, status, plannedAt, sortKey (plannedAt ms + id), platform, platformRef, startedAt, revision
  'publicationKeys', // uniqueness guard: id = workspaceId:idempotencyKey, { publicationId, workspaceId }
  'trackedVideos', // TrackedVideo; id; workspaceId, connectionId, platformPostId, platform, seriesId, source, itemId, publishedAt, sortKey (publishedAt ms + id), nextDueAt (absent when none)
  'trackedVideoPosts', // uniqueness guard: id = connectionId:platformPostId, { trackedVideoId, workspaceId, connectionId }
  'snapshots', // StatsSnapshot (takenAt in UTC); id = trackedVideoId:scheduledAgeHours; workspaceId, trackedVideoId, connectionId, platform, state, takenAt, gainAt (takenAt, only when it has a gain), gain { views, likes, comments, shares }
  'statsCalls', // StatsCall (at in UTC); id; workspaceId, platform, connectionId, at, units
  'dataExports', // DataExport; id; id, userId, status, expiresAt, createdAt
  'deletionLog', // DeletionLogEntry; id; kind, createdAt
] as const;

export type CollectionName = (typeof COLLECTIONS)[number];

/** One document to write: where, and what. */
export interface DocWrite {
  collection: CollectionName;
  id: string;
  doc: DocumentData;
}

/**
 * How the records of one collection are written as documents, so the migration from SQLite writes exactly what
 * the repositories would: `toDocs` returns the record's document plus any guard documents (unique keys) it needs.
 * Guard collections have no codec of their own; the record that owns the guard writes it.
 */
export interface RecordCodec {
  collection: CollectionName;
  toDocs(record: unknown): DocWrite[];
}
