import type { FsContext } from './context.js';
import type { RecordCodec } from './collections.js';
import {
  accessCodecs,
  firestoreInvitations,
  firestorePasswordResets,
  firestoreSessions,
} from './firestore-access.repositories.js';
import {
  analyticsCodecs,
  firestoreSnapshots,
  firestoreTrackedVideos,
} from './firestore-analytics.repositories.js';
import {
  connectionRecordCodecs,
  firestoreAudit,
  firestoreDeletionRequests,
  firestoreOAuthStates,
  firestoreWebhookReceipts,
} from './firestore-connection-records.repositories.js';
import { connectionCodecs, firestoreConnections } from './firestore-connections.repository.js';
import {
  contentCodecs,
  firestoreContent,
  firestoreMediaAssets,
  firestoreStageCache,
} from './firestore-content.repositories.js';
import { erasureCodecs, firestoreErasure } from './firestore-erasure.repository.js';
import { firestoreJobs, jobCodecs } from './firestore-jobs.repository.js';
import {
  firestoreMemberships,
  firestoreUsers,
  firestoreWorkspaces,
  peopleCodecs,
} from './firestore-people.repositories.js';
import { firestoreDataExports, privacyCodecs } from './firestore-privacy.repositories.js';
import {
  firestorePublications,
  firestoreReviews,
  publishingCodecs,
} from './firestore-publishing.repositories.js';
import { firestoreStatsCalls, statsCallCodecs } from './firestore-stats-calls.repository.js';

/** Every repository over one context (the database, or one transaction). */
export function firestoreRepositories(ctx: FsContext) {
  return {
    users: firestoreUsers(ctx),
    workspaces: firestoreWorkspaces(ctx),
    memberships: firestoreMemberships(ctx),
    sessions: firestoreSessions(ctx),
    invitations: firestoreInvitations(ctx),
    passwordResets: firestorePasswordResets(ctx),
    connections: firestoreConnections(ctx),
    oauthStates: firestoreOAuthStates(ctx),
    audit: firestoreAudit(ctx),
    webhookReceipts: firestoreWebhookReceipts(ctx),
    deletionRequests: firestoreDeletionRequests(ctx),
    content: firestoreContent(ctx),
    stageCache: firestoreStageCache(ctx),
    jobs: firestoreJobs(ctx),
    mediaAssets: firestoreMediaAssets(ctx),
    reviews: firestoreReviews(ctx),
    publications: firestorePublications(ctx),
    trackedVideos: firestoreTrackedVideos(ctx),
    snapshots: firestoreSnapshots(ctx),
    statsCalls: firestoreStatsCalls(ctx),
    dataExports: firestoreDataExports(ctx),
    erasure: firestoreErasure(ctx),
  };
}

/** How each collection's records become documents (the migration from SQLite writes through these). */
export const RECORD_CODECS: RecordCodec[] = [
  ...peopleCodecs,
  ...accessCodecs,
  ...privacyCodecs,
  ...erasureCodecs,
  ...connectionCodecs,
  ...connectionRecordCodecs,
  ...statsCallCodecs,
  ...contentCodecs,
  ...jobCodecs,
  ...publishingCodecs,
  ...analyticsCodecs,
];
