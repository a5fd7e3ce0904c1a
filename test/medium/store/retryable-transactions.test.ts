import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ScryptPasswordHasher } from '../../../src/adapters/crypto/scrypt-password-hasher.js';
import { SqliteStore } from '../../../src/adapters/store/sqlite/sqlite-store.js';
import type { ContentItem } from '../../../src/domain/content-item.js';
import { newId } from '../../../src/domain/ids.js';
import { hashSecret } from '../../../src/domain/secrets.js';
import type { Store } from '../../../src/ports/store.js';
import { AuthService } from '../../../src/services/auth.service.js';
import type { AuthContext } from '../../../src/services/auth-context.js';
import { InvitationService } from '../../../src/services/invitation.service.js';
import { WorkspaceService } from '../../../src/services/workspace.service.js';
import { BRIEF, item, version } from '../../contract/store/fixtures.js';
import { CapturingMailer } from '../../fakes/capturing-mailer.js';
import { fakeFactoryKit, itemsFor } from '../../fakes/factory-kit.fake.js';
import { FakeClock } from '../../fakes/fake-clock.js';
import { retryingStore } from '../../fakes/retrying-store.js';

/**
 * Every transaction of the services runs as a document store may run it: thrown away once, then run again, and a
 * read after a write refused. The services keep their promises all the same.
 */
describe('transactions a document store may retry', () => {
  let dir: string;
  let sqlite: SqliteStore;
  let competingWriter: () => Promise<void>;
  let store: Store;
  const clock = new FakeClock();
  const mailer = new CapturingMailer();
  const hasher = new ScryptPasswordHasher({ N: 1024, r: 8, p: 1, keylen: 32 });
  const auth = () =>
    new AuthService({
      store,
      hasher,
      clock,
      mailer,
      publicBaseUrl: 'http://app.test',
      sessionTtlMs: 3_600_000,
      passwordResetTtlMs: 3_600_000,
    });
  const workspaces = () => new WorkspaceService({ store, clock });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'aif-retry-'));
    sqlite = SqliteStore.open(join(dir, 'db.sqlite'));
    competingWriter = async () => undefined;
    store = retryingStore(sqlite, () => competingWriter());
  });
  afterEach(async () => {
    await sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function signedUp(email: string): Promise<AuthContext> {
    const { user, workspace, sessionToken } = await auth().signUp({
      email,
      password: 'a long passphrase here',
    });
    return { sessionId: hashSecret(sessionToken), user, workspaceId: workspace.id, role: 'owner' };
  }

  it('signs up once, with one workspace, and creates a second workspace once', async () => {
    const ctx = await signedUp('ada@example.com');
    expect(await sqlite.memberships.listByUser(ctx.user.id)).toHaveLength(1);
    await workspaces().create(ctx, 'Second');
    expect((await sqlite.memberships.listByUser(ctx.user.id)).map((m) => m.workspaceName)).toEqual([
      "ada's workspace",
      'Second',
    ]);
  });

  it('changes a role and removes a member, reading before writing', async () => {
    const owner = await signedUp('owner@example.com');
    const other = await signedUp('other@example.com');
    await sqlite.memberships.add({
      id: newId(),
      workspaceId: owner.workspaceId,
      userId: other.user.id,
      role: 'viewer',
      joinedAt: new Date().toISOString(),
    });
    expect(await workspaces().changeRole(owner, other.user.id, 'editor')).toMatchObject({
      role: 'editor',
      email: 'other@example.com',
    });
    await workspaces().removeMember(owner, other.user.id);
    expect(await sqlite.memberships.find(owner.workspaceId, other.user.id)).toBeNull();
  });

  it('accepts an invitation once, reading the membership before marking it used', async () => {
    const owner = await signedUp('owner@example.com');
    const guest = await signedUp('guest@example.com');
    const invitations = new InvitationService({
      store,
      clock,
      mailer,
      publicBaseUrl: 'http://app.test',
      invitationTtlMs: 3_600_000,
      invitationsPerHour: { perUser: 20, perWorkspace: 50 },
    });
    const { acceptUrl } = await invitations.invite(owner, 'guest@example.com', 'reviewer');
    const token = new URL(acceptUrl).searchParams.get('token') ?? '';
    expect(await invitations.accept(guest, token)).toBe(owner.workspaceId);
    expect(await sqlite.memberships.find(owner.workspaceId, guest.user.id)).toMatchObject({
      role: 'reviewer',
    });
    await expect(invitations.accept(guest, token)).rejects.toMatchObject({ code: 'invitation_not_found' });
  });

  it('resets a password from a link read before it is used; a weak password leaves the link usable', async () => {
    const ctx = await signedUp('reset@example.com');
    await auth().requestPasswordReset('reset@example.com');
    const token = new URL(mailer.lastLinkTo('reset@example.com')).searchParams.get('token') ?? '';
    await expect(auth().resetPassword(token, 'short')).rejects.toMatchObject({ code: 'weak_password' });
    await auth().resetPassword(token, 'another long passphrase');
    await expect(
      auth().signIn({ email: 'reset@example.com', password: 'another long passphrase' }),
    ).resolves.toMatchObject({
      user: { id: ctx.user.id },
    });
    await expect(auth().resetPassword(token, 'yet another passphrase')).rejects.toMatchObject({
      code: 'invalid_token',
    });
  });

  it('numbers a new version from what is stored when it commits, not from an earlier read', async () => {
    const ctx = await signedUp('maker@example.com');
    const kit = fakeFactoryKit();
    const uploaded: ContentItem = item(ctx.workspaceId, { source: 'upload', status: 'ready', brief: BRIEF });
    const first = version(uploaded, 1);
    await sqlite.content.createItem({ ...uploaded, currentVersionId: first.id });
    await sqlite.content.createVersion(first);
    // Another worker commits version 2 while this transaction is retried.
    competingWriter = async () => {
      competingWriter = async () => undefined;
      await sqlite.content.createVersion(version(uploaded, 2));
    };
    const items = itemsFor(store, kit.kit, clock);
    await items.generateVersion(
      ctx.workspaceId,
      uploaded.id,
      { metadata: { tiktok: { caption: 'New caption', aiGenerated: false } } },
      { heartbeat: async () => undefined, signal: new AbortController().signal },
    );
    const versions = await sqlite.content.listVersions(ctx.workspaceId, uploaded.id);
    expect(versions.map((v) => v.number)).toEqual([3, 2, 1]);
    expect((await sqlite.content.findItem(ctx.workspaceId, uploaded.id))?.currentVersionId).toBe(
      versions[0]!.id,
    );
    kit.cleanup();
  });
});
