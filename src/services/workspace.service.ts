import { UserError, notFound } from '../domain/errors.js';
import type { MemberDetails } from '../domain/people.js';
import type { Role } from '../domain/roles.js';
import { isoNow, type Clock } from '../ports/clock.js';
import type { Page, PageRequest, Store } from '../ports/store.js';
import { requirePermission, type AuthContext } from './auth-context.js';
import { createOwnedWorkspace } from './owned-workspace.js';

export interface WorkspaceView {
  id: string;
  name: string;
  role: Role;
}

export interface MeView {
  user: { id: string; email: string; name: string };
  workspaces: WorkspaceView[];
  currentWorkspace: WorkspaceView;
  role: Role;
}

const lastOwner = (): UserError =>
  new UserError(
    'conflict',
    'last_owner',
    'A workspace needs at least one owner: make someone else owner first',
  );

/** Workspaces, switching between them, and their members. */
export class WorkspaceService {
  constructor(private readonly deps: { store: Store; clock: Clock }) {}

  /** The caller, every workspace they belong to, and the current one. */
  async me(ctx: AuthContext): Promise<MeView> {
    const memberships = await this.deps.store.memberships.listByUser(ctx.user.id);
    const workspaces = memberships.map((m) => ({ id: m.workspaceId, name: m.workspaceName, role: m.role }));
    const current = workspaces.find((w) => w.id === ctx.workspaceId);
    if (!current) throw notFound('workspace');
    return {
      user: { id: ctx.user.id, email: ctx.user.email, name: ctx.user.name },
      workspaces,
      currentWorkspace: current,
      role: current.role,
    };
  }

  /** Creates a workspace owned by the caller and makes it current. */
  async create(ctx: AuthContext, name: string): Promise<WorkspaceView> {
    const workspace = await this.deps.store.transaction(async (tx) => {
      const created = await createOwnedWorkspace(tx, ctx.user.id, name, isoNow(this.deps.clock));
      await tx.sessions.setCurrentWorkspace(ctx.sessionId, created.id);
      return created;
    });
    return { id: workspace.id, name, role: 'owner' };
  }

  /** Makes another of the caller's workspaces current; a workspace they are not in is "not found". */
  async switchTo(ctx: AuthContext, workspaceId: string): Promise<AuthContext> {
    const membership = await this.deps.store.memberships.find(workspaceId, ctx.user.id);
    if (!membership) throw notFound('workspace');
    await this.deps.store.sessions.setCurrentWorkspace(ctx.sessionId, workspaceId);
    return { ...ctx, workspaceId, role: membership.role };
  }

  async rename(ctx: AuthContext, name: string): Promise<WorkspaceView> {
    requirePermission(ctx, 'workspace.manage');
    await this.deps.store.workspaces.rename(ctx.workspaceId, name);
    return { id: ctx.workspaceId, name, role: ctx.role };
  }

  async listMembers(ctx: AuthContext, page: PageRequest): Promise<Page<MemberDetails>> {
    requirePermission(ctx, 'members.view');
    return this.deps.store.memberships.listByWorkspace(ctx.workspaceId, page);
  }

  /** Owners change roles; the last owner cannot be demoted. */
  async changeRole(ctx: AuthContext, userId: string, role: Role): Promise<MemberDetails> {
    requirePermission(ctx, 'members.manage');
    return this.deps.store.transaction(async (tx) => {
      const member = await tx.memberships.find(ctx.workspaceId, userId);
      if (!member) throw notFound('member');
      if (
        member.role === 'owner' &&
        role !== 'owner' &&
        (await tx.memberships.countOwners(ctx.workspaceId)) <= 1
      ) {
        throw lastOwner();
      }
      const user = await tx.users.findById(userId);
      if (!user) throw notFound('member');
      await tx.memberships.updateRole(ctx.workspaceId, userId, role);
      return { ...member, role, email: user.email, name: user.name };
    });
  }

  /** Owners remove members; anyone may leave. The last owner can do neither. */
  /** True while the person is a member of the workspace (long-lived views check it again as they run). */
  async isMember(workspaceId: string, userId: string): Promise<boolean> {
    return (await this.deps.store.memberships.find(workspaceId, userId)) !== null;
  }

  async removeMember(ctx: AuthContext, userId: string): Promise<void> {
    if (userId !== ctx.user.id) requirePermission(ctx, 'members.manage');
    await this.deps.store.transaction(async (tx) => {
      const member = await tx.memberships.find(ctx.workspaceId, userId);
      if (!member) throw notFound('member');
      if (member.role === 'owner' && (await tx.memberships.countOwners(ctx.workspaceId)) <= 1)
        throw lastOwner();
      await tx.memberships.remove(ctx.workspaceId, userId);
    });
  }
}
