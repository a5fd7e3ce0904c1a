/** People: users, workspaces, memberships, sessions, invitations and password resets. */
import type {
  Invitation,
  MemberDetails,
  Membership,
  PasswordReset,
  Session,
  User,
  Workspace,
  WorkspaceMembership,
  WorkspaceSettings,
} from '../../domain/people.js';
import type { Role } from '../../domain/roles.js';
import type { Page, PageRequest } from './page.js';

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
  updateSettings(workspaceId: string, settings: WorkspaceSettings): Promise<void>;
  /** Every workspace, oldest id first, page by page (the retention sweep walks them all). */
  listAll(page: PageRequest): Promise<Page<Workspace>>;
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
  /** Every session of a user, oldest first (the data export). */
  listByUser(userId: string): Promise<Session[]>;
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
  /** Every invitation of a workspace, pending, accepted or expired, oldest first (the data export). */
  listAllByWorkspace(workspaceId: string): Promise<Invitation[]>;
  /** Every invitation sent to this (normalized) email, across workspaces, oldest first (the data export). */
  listByEmail(email: string): Promise<Invitation[]>;
}

export interface PasswordResetRepository {
  create(reset: PasswordReset): Promise<void>;
  /** The reset with this token hash, used or not, or null: read before `consume` in a transaction. */
  find(tokenHash: string): Promise<PasswordReset | null>;
  /** Atomically uses an unexpired, unused reset; returns its user id, or null. */
  consume(tokenHash: string, now: string): Promise<string | null>;
  deleteByUser(userId: string): Promise<void>;
}
