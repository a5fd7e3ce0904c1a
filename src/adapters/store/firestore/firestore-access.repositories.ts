// SKELETON: replaced by the real repositories (each function below keeps its name and signature).
import type { RecordCodec } from './collections.js';
import type { FsContext } from './context.js';
import type {
  InvitationRepository,
  PasswordResetRepository,
  SessionRepository,
} from '../../../ports/store.js';
import { notBuilt } from './not-built.js';

export function firestoreSessions(ctx: FsContext): SessionRepository {
  return notBuilt<SessionRepository>('firestoreSessions', ctx);
}

export function firestoreInvitations(ctx: FsContext): InvitationRepository {
  return notBuilt<InvitationRepository>('firestoreInvitations', ctx);
}

export function firestorePasswordResets(ctx: FsContext): PasswordResetRepository {
  return notBuilt<PasswordResetRepository>('firestorePasswordResets', ctx);
}

export const accessCodecs: RecordCodec[] = [];
