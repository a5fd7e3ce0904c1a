// SKELETON: replaced by the real repositories (each function below keeps its name and signature).
import type { RecordCodec } from './collections.js';
import type { FsContext } from './context.js';
import type {
  AuditRepository,
  DeletionRequestRepository,
  OAuthStateRepository,
  WebhookReceiptRepository,
} from '../../../ports/store.js';
import { notBuilt } from './not-built.js';

export function firestoreOAuthStates(ctx: FsContext): OAuthStateRepository {
  return notBuilt<OAuthStateRepository>('firestoreOAuthStates', ctx);
}

export function firestoreAudit(ctx: FsContext): AuditRepository {
  return notBuilt<AuditRepository>('firestoreAudit', ctx);
}

export function firestoreWebhookReceipts(ctx: FsContext): WebhookReceiptRepository {
  return notBuilt<WebhookReceiptRepository>('firestoreWebhookReceipts', ctx);
}

export function firestoreDeletionRequests(ctx: FsContext): DeletionRequestRepository {
  return notBuilt<DeletionRequestRepository>('firestoreDeletionRequests', ctx);
}

export const connectionRecordCodecs: RecordCodec[] = [];
