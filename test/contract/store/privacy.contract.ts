import { describe, expect, it } from 'vitest';
import { newId } from '../../../src/domain/ids.js';
import type { DataExport } from '../../../src/domain/privacy/data-export.js';
import { EARLIER, LATER, NOW, freshStore, invitation, user, workspaceWith } from './fixtures.js';
import type { OpenStore } from './harness.js';

function dataExport(userId: string, over: Partial<DataExport> = {}): DataExport {
  return {
    id: newId(),
    userId,
    workspaceId: 'w1',
    status: 'queued',
    progress: 0,
    fileKey: null,
    sizeBytes: null,
    error: null,
    createdAt: NOW,
    updatedAt: NOW,
    readyAt: null,
    expiresAt: null,
    ...over,
  };
}

/** Privacy: data exports, and the per-person reads the export needs from people's repositories. */
export function privacyStoreContract(adapter: string, open: OpenStore): void {
  describe(`Store contract, privacy: ${adapter}`, () => {
    const opened = freshStore(open);

    it("creates and finds an export field for field, only as its own person's", async () => {
      const store = opened();
      const e = dataExport('u1');
      await store.dataExports.create(e);
      expect(await store.dataExports.find('u1', e.id)).toEqual(e);
      expect(await store.dataExports.findById(e.id)).toEqual(e);
      expect(await store.dataExports.find('u2', e.id)).toBeNull();
      expect(await store.dataExports.findById('missing')).toBeNull();
    });

    it('updates status, progress, file and dates, and lists a person’s exports newest first', async () => {
      const store = opened();
      const first = dataExport('u1');
      const second = dataExport('u1');
      await store.dataExports.create(first);
      await store.dataExports.create(second);
      await store.dataExports.create(dataExport('u2'));
      const ready: DataExport = {
        ...first,
        status: 'ready',
        progress: 1,
        fileKey: `exports/u1/${first.id}.zip`,
        sizeBytes: 1234,
        updatedAt: LATER,
        readyAt: LATER,
        expiresAt: LATER,
      };
      await store.dataExports.update(ready);
      // An update naming another person changes nothing.
      await store.dataExports.update({ ...second, userId: 'u2', status: 'failed', error: 'x' });
      expect(await store.dataExports.listByUser('u1')).toEqual([second, ready]);
      expect(await store.dataExports.listByUser('nobody')).toEqual([]);
    });

    it('lists ready exports whose link expired, oldest first, up to a limit', async () => {
      const store = opened();
      const old = dataExport('u1', { status: 'ready', expiresAt: EARLIER, fileKey: 'exports/u1/a.zip' });
      const due = dataExport('u2', { status: 'ready', expiresAt: NOW, fileKey: 'exports/u2/b.zip' });
      const later = dataExport('u1', { status: 'ready', expiresAt: LATER, fileKey: 'exports/u1/c.zip' });
      const failed = dataExport('u1', { status: 'failed', expiresAt: EARLIER });
      for (const e of [old, due, later, failed]) await store.dataExports.create(e);
      expect(await store.dataExports.listExpired(NOW, 10)).toEqual([old, due]);
      expect(await store.dataExports.listExpired(NOW, 1)).toEqual([old]);
    });

    it("deletes one person's exports and returns their file keys", async () => {
      const store = opened();
      const withFile = dataExport('u1', { status: 'ready', fileKey: 'exports/u1/a.zip' });
      const withoutFile = dataExport('u1');
      const others = dataExport('u2', { fileKey: 'exports/u2/b.zip' });
      for (const e of [withFile, withoutFile, others]) await store.dataExports.create(e);
      expect(await store.dataExports.deleteByUser('u1')).toEqual(['exports/u1/a.zip']);
      expect(await store.dataExports.listByUser('u1')).toEqual([]);
      expect(await store.dataExports.listByUser('u2')).toEqual([others]);
      expect(await store.dataExports.deleteByUser('u1')).toEqual([]);
    });

    it("lists every session of one user, oldest first, and no one else's", async () => {
      const store = opened();
      const a = user();
      const b = user();
      await store.users.create(a);
      await store.users.create(b);
      const s1 = { id: 'h1', userId: a.id, currentWorkspaceId: 'w', createdAt: EARLIER, expiresAt: LATER };
      const s2 = { id: 'h0', userId: a.id, currentWorkspaceId: 'w', createdAt: NOW, expiresAt: LATER };
      await store.sessions.create(s2);
      await store.sessions.create(s1);
      await store.sessions.create({ ...s1, id: 'h2', userId: b.id });
      expect(await store.sessions.listByUser(a.id)).toEqual([s1, s2]);
      expect(await store.sessions.listByUser('nobody')).toEqual([]);
    });

    it('lists every invitation of a workspace, accepted or not, and every invitation sent to one email', async () => {
      const store = opened();
      const ws = await workspaceWith(store);
      const other = await workspaceWith(store);
      const pending = invitation(ws.id, { email: 'carol@example.com' });
      const accepted = invitation(ws.id, { email: 'dan@example.com', acceptedAt: NOW, acceptedBy: 'u9' });
      const elsewhere = invitation(other.id, { email: 'carol@example.com' });
      for (const i of [pending, accepted, elsewhere]) await store.invitations.create(i);
      expect(await store.invitations.listAllByWorkspace(ws.id)).toEqual([pending, accepted]);
      expect(await store.invitations.listByEmail('carol@example.com')).toEqual([pending, elsewhere]);
      expect(await store.invitations.listByEmail('nobody@example.com')).toEqual([]);
    });
  });
}
