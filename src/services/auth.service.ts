import { UserError } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import { assertStrongPassword } from '../domain/password-policy.js';
import { normalizeEmail, type User } from '../domain/people.js';
import { hashSecret, newSecret } from '../domain/secrets.js';
import { isoNow, type Clock } from '../ports/clock.js';
import type { Mailer } from '../ports/mailer.js';
import type { PasswordHasher } from '../ports/password-hasher.js';
import type { Store } from '../ports/store.js';
import type { AuthContext } from './auth-context.js';
import { createOwnedWorkspace } from './owned-workspace.js';

export interface AuthServiceDeps {
  store: Store;
  hasher: PasswordHasher;
  clock: Clock;
  mailer: Mailer;
  publicBaseUrl: string;
  sessionTtlMs: number;
  passwordResetTtlMs: number;
}

const invalidCredentials = (): UserError =>
  new UserError('unauthenticated', 'invalid_credentials', 'The email or password is incorrect');

/** Sign-up, sign-in, sessions and password reset. */
export class AuthService {
  // Verifying against a real hash when the email is unknown keeps sign-in timing the same either way.
  private decoyHash: Promise<string> | null = null;

  constructor(private readonly deps: AuthServiceDeps) {}

  /** Creates the user, their first workspace (as owner) and a session. */
  async signUp(input: { email: string; password: string; name?: string | undefined }) {
    const email = normalizeEmail(input.email);
    assertStrongPassword(input.password, email);
    const { store, clock } = this.deps;
    const now = isoNow(clock);
    const user: User = {
      id: newId(),
      email,
      name: input.name?.trim() || email.split('@')[0] || email,
      passwordHash: await this.deps.hasher.hash(input.password),
      createdAt: now,
    };
    const sessionToken = newSecret();
    const workspace = await store.transaction(async (tx) => {
      await tx.users.create(user);
      const created = await createOwnedWorkspace(tx, user.id, `${user.name}'s workspace`, now);
      await tx.sessions.create(this.newSession(sessionToken, user.id, created.id));
      return created;
    });
    return { user, workspace, sessionToken };
  }

  /** Checks the credentials and opens a session in the user's first workspace. */
  async signIn(input: { email: string; password: string }) {
    const { store, hasher } = this.deps;
    const user = await store.users.findByEmail(normalizeEmail(input.email));
    if (!user) {
      await hasher.verify(input.password, await this.decoy());
      throw invalidCredentials();
    }
    if (!(await hasher.verify(input.password, user.passwordHash))) throw invalidCredentials();
    const workspaceId = await this.homeWorkspace(user);
    const sessionToken = newSecret();
    await store.sessions.create(this.newSession(sessionToken, user.id, workspaceId));
    return { user, sessionToken };
  }

  async signOut(sessionToken: string): Promise<void> {
    await this.deps.store.sessions.delete(hashSecret(sessionToken));
  }

  /** The caller behind a session cookie, or null when the session is unknown or expired. */
  async resolveSession(sessionToken: string): Promise<AuthContext | null> {
    const { store, clock } = this.deps;
    const session = await store.sessions.findById(hashSecret(sessionToken));
    if (!session || session.expiresAt <= isoNow(clock)) return null;
    const user = await store.users.findById(session.userId);
    if (!user) return null;
    let membership = await store.memberships.find(session.currentWorkspaceId, user.id);
    if (!membership) {
      // The user left (or was removed from) the workspace this session pointed at.
      const workspaceId = await this.homeWorkspace(user);
      await store.sessions.setCurrentWorkspace(session.id, workspaceId);
      membership = await store.memberships.find(workspaceId, user.id);
      if (!membership) return null;
    }
    return { sessionId: session.id, user, workspaceId: membership.workspaceId, role: membership.role };
  }

  /** Mails a single-use reset link when the account exists; answers the same either way. */
  async requestPasswordReset(rawEmail: string): Promise<void> {
    const { store, clock, mailer, publicBaseUrl, passwordResetTtlMs } = this.deps;
    const user = await store.users.findByEmail(normalizeEmail(rawEmail));
    if (!user) return;
    const token = newSecret();
    await store.passwordResets.create({
      tokenHash: hashSecret(token),
      userId: user.id,
      createdAt: isoNow(clock),
      expiresAt: isoNow(clock, passwordResetTtlMs),
      usedAt: null,
    });
    const minutes = Math.round(passwordResetTtlMs / 60_000);
    await mailer.send({
      to: user.email,
      subject: 'Reset your AI Factory password',
      text:
        `Someone asked to reset the password of your AI Factory account.\n\n` +
        `Choose a new password here (the link works once, for ${minutes} minutes):\n` +
        `${publicBaseUrl}/reset-password?token=${token}\n\n` +
        `If it was not you, ignore this mail: your password stays as it is.\n`,
    });
  }

  /** Sets a new password from a reset link and signs the user out everywhere. */
  async resetPassword(token: string, password: string): Promise<void> {
    const { store, clock, hasher } = this.deps;
    const tokenHash = hashSecret(token);
    const invalid = () =>
      new UserError('validation', 'invalid_token', 'This reset link is invalid, used or expired');
    // Reads first, then the one write: a weak password throws before the link is used, so it works for a second try.
    const user = await store.transaction(async (tx) => {
      const now = isoNow(clock);
      const reset = await tx.passwordResets.find(tokenHash);
      const usable = reset && !reset.usedAt && reset.expiresAt > now;
      const found = usable ? await tx.users.findById(reset.userId) : null;
      if (!found) throw invalid();
      assertStrongPassword(password, found.email);
      if ((await tx.passwordResets.consume(tokenHash, now)) !== found.id) throw invalid();
      return found;
    });
    const passwordHash = await hasher.hash(password);
    await store.transaction(async (tx) => {
      await tx.users.updatePasswordHash(user.id, passwordHash);
      await tx.sessions.deleteByUser(user.id);
      await tx.passwordResets.deleteByUser(user.id);
    });
  }

  private newSession(token: string, userId: string, workspaceId: string) {
    const { clock, sessionTtlMs } = this.deps;
    return {
      id: hashSecret(token),
      userId,
      currentWorkspaceId: workspaceId,
      createdAt: isoNow(clock),
      expiresAt: isoNow(clock, sessionTtlMs),
    };
  }

  /** The user's oldest workspace; one is made for a user who no longer has any. */
  private async homeWorkspace(user: User): Promise<string> {
    const { store, clock } = this.deps;
    const memberships = await store.memberships.listByUser(user.id);
    if (memberships[0]) return memberships[0].workspaceId;
    const workspace = await store.transaction((tx) =>
      createOwnedWorkspace(tx, user.id, `${user.name}'s workspace`, isoNow(clock)),
    );
    return workspace.id;
  }

  private decoy(): Promise<string> {
    this.decoyHash ??= this.deps.hasher.hash(newSecret());
    return this.decoyHash;
  }
}
