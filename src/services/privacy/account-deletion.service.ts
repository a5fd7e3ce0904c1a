import { UserError, notFound } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { normalizeEmail, type MemberDetails, type User } from '../../domain/people.js';
import {
  ACCOUNT_DELETION_CONFIRMATION,
  addCounts,
  nonZero,
  type DeletionCounts,
} from '../../domain/privacy/deletion.js';
import { isoNow } from '../../ports/clock.js';
import type { Mailer } from '../../ports/mailer.js';
import type { PasswordHasher } from '../../ports/password-hasher.js';
import type { AuthContext } from '../auth-context.js';
import { eraseWorkspace, everyPage, forgetExports, type ErasureDeps } from './workspace-erasure.js';

export interface AccountDeletionDeps extends ErasureDeps {
  hasher: PasswordHasher;
  mailer: Mailer;
}

/** What happens to one of the person's workspaces when their account is deleted. */
export interface WorkspaceFate {
  workspaceId: string;
  name: string;
  /** `delete`: they are its only member, it goes whole. `hand_over`: it stays with `newOwner`. */
  fate: 'delete' | 'hand_over';
  /** Who the person's content goes to (an owner, or the longest-standing member, who becomes owner). */
  newOwner: { name: string; promoted: boolean } | null;
  connections: number;
}

/** What a deletion did: the numbers per kind of record and the id of its anonymous log line. */
export interface DeletionReport {
  logId: string;
  counts: DeletionCounts;
}

const wrongConfirmation = (): UserError =>
  new UserError('validation', 'confirmation_mismatch', `Type ${ACCOUNT_DELETION_CONFIRMATION} to confirm`);

/** Deleting a person's account and everything that is theirs alone (0037). */
export class AccountDeletionService {
  constructor(private readonly deps: AccountDeletionDeps) {}

  /** Which of the caller's workspaces would be deleted and which handed over, to show before they confirm. */
  async preview(ctx: AuthContext): Promise<WorkspaceFate[]> {
    return this.fatesOf(ctx.user.id);
  }

  /** The same preview for an operator, by the account's email. */
  async previewByEmail(email: string): Promise<WorkspaceFate[]> {
    const user = await this.deps.store.users.findByEmail(normalizeEmail(email));
    if (!user) throw notFound('account');
    return this.fatesOf(user.id);
  }

  private async fatesOf(userId: string): Promise<WorkspaceFate[]> {
    const { store } = this.deps;
    const fates: WorkspaceFate[] = [];
    for (const m of await store.memberships.listByUser(userId)) {
      const members = await everyPage((page) => store.memberships.listByWorkspace(m.workspaceId, page));
      const heir = successor(members, userId);
      const connections = heir
        ? 0
        : (await everyPage((page) => store.connections.listByWorkspace(m.workspaceId, page))).length;
      fates.push({
        workspaceId: m.workspaceId,
        name: m.workspaceName,
        fate: heir ? 'hand_over' : 'delete',
        newOwner: heir ? { name: heir.member.name, promoted: heir.promoted } : null,
        connections,
      });
    }
    return fates;
  }

  /** The person's own request: their password and the typed confirmation, then everything is deleted. */
  async deleteAccount(
    ctx: AuthContext,
    input: { password: string; confirmation: string },
  ): Promise<DeletionReport> {
    if (input.confirmation !== ACCOUNT_DELETION_CONFIRMATION) throw wrongConfirmation();
    const user = await this.deps.store.users.findById(ctx.user.id);
    if (!user || !(await this.deps.hasher.verify(input.password, user.passwordHash)))
      throw new UserError('forbidden', 'wrong_password', 'The password is incorrect');
    return this.erase(user);
  }

  /** An operator's run for a request that came by mail, after they verified the person (no password). */
  async deleteAccountByEmail(email: string): Promise<DeletionReport> {
    const user = await this.deps.store.users.findByEmail(normalizeEmail(email));
    if (!user) throw notFound('account');
    return this.erase(user);
  }

  /**
   * In order: sole-member workspaces are deleted whole (grants revoked at the platforms, then tokens deleted,
   * planned publications and their jobs dropped, records and files deleted); in shared ones the person's content
   * is handed over; then their mail, their own records, and their sessions everywhere; then the anonymous line.
   */
  private async erase(user: User): Promise<DeletionReport> {
    const { store, clock, mailer } = this.deps;
    const parts: DeletionCounts[] = [];
    let deletedWorkspaces = 0;
    let handedOver = 0;
    for (const m of await store.memberships.listByUser(user.id)) {
      const members = await everyPage((page) => store.memberships.listByWorkspace(m.workspaceId, page));
      const heir = successor(members, user.id);
      if (!heir) {
        parts.push(await eraseWorkspace(this.deps, m.workspaceId, user.id));
        deletedWorkspaces += 1;
        continue;
      }
      parts.push(
        await store.transaction(async (tx) => {
          if (heir.promoted) await tx.memberships.updateRole(m.workspaceId, heir.member.userId, 'owner');
          return tx.erasure.handOver(m.workspaceId, user.id, heir.member.userId);
        }),
      );
      handedOver += 1;
    }
    const mails = await mailer.forgetRecipient(user.email);
    parts.push(await forgetExports(this.deps, user.id));
    const own = await store.erasure.deleteUser(user.id, user.email);
    const counts = nonZero(
      addCounts(...parts, own, {
        mails,
        workspacesDeleted: deletedWorkspaces,
        workspacesHandedOver: handedOver,
      }),
    );
    const logId = newId();
    await store.erasure.logDeletion({ id: logId, kind: 'account', createdAt: isoNow(clock), counts });
    await store.erasure.purgeDeleted();
    return { logId, counts };
  }
}

/**
 * Who takes over a workspace the person leaves: its longest-standing other owner, else its longest-standing
 * other member, who is promoted so the workspace keeps an owner. Null when the person is its only member.
 */
export function successor(
  members: MemberDetails[],
  leaving: string,
): { member: MemberDetails; promoted: boolean } | null {
  const others = [...members]
    .filter((m) => m.userId !== leaving)
    .sort((a, b) => a.joinedAt.localeCompare(b.joinedAt) || a.id.localeCompare(b.id));
  const owner = others.find((m) => m.role === 'owner');
  if (owner) return { member: owner, promoted: false };
  const first = others[0];
  return first ? { member: first, promoted: true } : null;
}
