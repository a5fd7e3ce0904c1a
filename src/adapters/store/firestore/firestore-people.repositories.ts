// SKELETON: replaced by the real repositories (each function below keeps its name and signature).
import type { RecordCodec } from './collections.js';
import type { FsContext } from './context.js';
import type { MembershipRepository, UserRepository, WorkspaceRepository } from '../../../ports/store.js';
import { notBuilt } from './not-built.js';

export function firestoreUsers(ctx: FsContext): UserRepository {
  return notBuilt<UserRepository>('firestoreUsers', ctx);
}

export function firestoreWorkspaces(ctx: FsContext): WorkspaceRepository {
  return notBuilt<WorkspaceRepository>('firestoreWorkspaces', ctx);
}

export function firestoreMemberships(ctx: FsContext): MembershipRepository {
  return notBuilt<MembershipRepository>('firestoreMemberships', ctx);
}

export const peopleCodecs: RecordCodec[] = [];
