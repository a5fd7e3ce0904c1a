import { UserError, notFound } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import { normalizeEmail, type Invitation } from '../domain/people.js';
import type { Role } from '../domain/roles.js';
import { plainMailName } from '../domain/mail-text.js';
import { hashSecret, newSecret } from '../domain/secrets.js';
import { isoNow, type Clock } from '../ports/clock.js';
import type { Mailer } from '../ports/mailer.js';
import type { Page, PageRequest, Store } from '../ports/store.js';
import { requirePermission, type AuthContext } from './auth-context.js';
import { HourlyQuota } from './hourly-quota.js';

export interface InvitationServiceDeps {
  store: Store;
  clock: Clock;
  mailer: Mailer;
  publicBaseUrl: string;
  invitationTtlMs: number;
  /** Invitations one person, and one workspace, may send per hour. */
  invitationsPerHour: { perUser: number; perWorkspace: number };
}

const invitationNotFound = (): UserError => notFound('invitation');
const tooManyInvitations = (who: string, retryAfterSeconds: number): UserError =>
  new UserError(
    'rate_limited',
    'too_many_invitations',
    `${who} sent as many invitations as allowed in an hour; try again later`,
    { retryAfterSeconds },
  );

/** Single-use invitation links that add a person to a workspace with a role. */
export class InvitationService {
  private readonly perUser: HourlyQuota;
  private readonly perWorkspace: HourlyQuota;

  constructor(private readonly deps: InvitationServiceDeps) {
    this.perUser = new HourlyQuota(deps.clock, deps.invitationsPerHour.perUser);
    this.perWorkspace = new HourlyQuota(deps.clock, deps.invitationsPerHour.perWorkspace);
  }

  /** Creates the invitation, mails the link, and returns it once so the owner can share it another way. */
  async invite(
    ctx: AuthContext,
    rawEmail: string,
    role: Role,
  ): Promise<{ invitation: Invitation; acceptUrl: string }> {
    requirePermission(ctx, 'members.manage');
    const { store, clock, mailer, publicBaseUrl, invitationTtlMs } = this.deps;
    const email = normalizeEmail(rawEmail);
    const existing = await store.users.findByEmail(email);
    if (existing && (await store.memberships.find(ctx.workspaceId, existing.id))) {
      throw new UserError('conflict', 'already_member', `${email} is already a member of this workspace`);
    }
    this.spendQuota(ctx);
    const token = newSecret();
    const invitation: Invitation = {
      id: newId(),
      workspaceId: ctx.workspaceId,
      email,
      role,
      tokenHash: hashSecret(token),
      invitedBy: ctx.user.id,
      createdAt: isoNow(clock),
      expiresAt: isoNow(clock, invitationTtlMs),
      acceptedAt: null,
      acceptedBy: null,
    };
    await store.invitations.create(invitation);
    const acceptUrl = `${publicBaseUrl}/invite?token=${token}`;
    const workspace = await store.workspaces.findById(ctx.workspaceId);
    // Names are chosen by people, so they go into the mail as plain text that no client turns into a link.
    const inviter = plainMailName(ctx.user.name) || 'Someone';
    const workspaceName = plainMailName(workspace?.name ?? '') || 'a workspace';
    await mailer.send({
      to: email,
      subject: `${inviter} invited you to ${workspaceName} on AI Factory`,
      text: `You are invited to join "${workspaceName}" as ${role}.\n\nAccept here (the link works once):\n${acceptUrl}\n`,
    });
    return { invitation, acceptUrl };
  }

  async listPending(ctx: AuthContext, page: PageRequest): Promise<Page<Invitation>> {
    requirePermission(ctx, 'members.manage');
    return this.deps.store.invitations.listPending(ctx.workspaceId, isoNow(this.deps.clock), page);
  }

  async revoke(ctx: AuthContext, invitationId: string): Promise<void> {
    requirePermission(ctx, 'members.manage');
    if (!(await this.deps.store.invitations.delete(ctx.workspaceId, invitationId)))
      throw invitationNotFound();
  }

  /** What the link is for, shown before accepting; works signed out. */
  async preview(token: string): Promise<{ workspaceName: string; email: string; role: Role }> {
    const invitation = await this.usable(token);
    const workspace = await this.deps.store.workspaces.findById(invitation.workspaceId);
    if (!workspace) throw invitationNotFound();
    return { workspaceName: workspace.name, email: invitation.email, role: invitation.role };
  }

  /** Joins the caller to the invitation's workspace, once; the caller's email must be the invited one. */
  async accept(ctx: AuthContext, token: string): Promise<string> {
    const invitation = await this.usable(token);
    if (invitation.email !== ctx.user.email) {
      throw new UserError(
        'forbidden',
        'invitation_email_mismatch',
        `This invitation is for ${invitation.email}; sign in with that email to accept it`,
      );
    }
    const now = isoNow(this.deps.clock);
    await this.deps.store.transaction(async (tx) => {
      const member = await tx.memberships.find(invitation.workspaceId, ctx.user.id);
      if (!(await tx.invitations.markAccepted(invitation.workspaceId, invitation.id, ctx.user.id, now))) {
        throw invitationNotFound();
      }
      if (!member) {
        await tx.memberships.add({
          id: newId(),
          workspaceId: invitation.workspaceId,
          userId: ctx.user.id,
          role: invitation.role,
          joinedAt: now,
        });
      }
      await tx.sessions.setCurrentWorkspace(ctx.sessionId, invitation.workspaceId);
    });
    return invitation.workspaceId;
  }

  /** Counts one invitation against the sender's and the workspace's hourly quota, or refuses it. */
  private spendQuota(ctx: AuthContext): void {
    const userWait = this.perUser.waitSeconds(ctx.user.id);
    if (userWait > 0) throw tooManyInvitations('You', userWait);
    const workspaceWait = this.perWorkspace.waitSeconds(ctx.workspaceId);
    if (workspaceWait > 0) throw tooManyInvitations('This workspace', workspaceWait);
    this.perUser.use(ctx.user.id);
    this.perWorkspace.use(ctx.workspaceId);
  }

  private async usable(token: string): Promise<Invitation> {
    const invitation = await this.deps.store.invitations.findByTokenHash(hashSecret(token));
    if (!invitation || invitation.acceptedAt || invitation.expiresAt <= isoNow(this.deps.clock)) {
      throw invitationNotFound();
    }
    return invitation;
  }
}
