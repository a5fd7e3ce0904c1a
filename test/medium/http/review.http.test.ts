import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewView } from '../../../src/api/publishing.js';
import { metadataHashes } from '../../../src/domain/publishing/review.js';
import { Client, startTestApp, type TestApp } from '../../fakes/test-app.js';

const hasFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0;

interface ItemDetail {
  item: { id: string; status: string; currentVersionId: string | null };
  versions: { id: string; number: number; contentHash: string; outputs: { videoKey: string } }[];
}

describe.skipIf(!hasFfmpeg && process.env.CI !== 'true')('review of versions over HTTP', () => {
  let t: TestApp;
  let owner: Client;
  let editor: Client;
  let reviewer: Client;
  let viewer: Client;
  const ids: Record<string, string> = {};

  /** Owner invites `email` with `role`; a new client signs up with that email and accepts. */
  async function member(email: string, role: string): Promise<Client> {
    const inv = await owner.post('/api/invitations', { email, role });
    const token = new URL(inv.json<{ acceptUrl: string }>().acceptUrl).searchParams.get('token');
    const client = new Client(t.app, t.origin);
    ids[role] = (await client.signUp(email)).user.id;
    expect((await client.post('/api/invitations/accept', { token })).statusCode).toBe(200);
    return client;
  }

  /** Waits until the item's generation settles and returns it with its versions, newest first. */
  async function settled(itemId: string): Promise<ItemDetail> {
    for (;;) {
      const detail = (await owner.get(`/api/items/${itemId}`)).json<ItemDetail>();
      if (detail.item.status === 'ready') return detail;
      if (detail.item.status === 'failed') throw new Error('generation failed');
      await sleep(150);
    }
  }

  /** A ready generated item; returns its id and its first version's id. */
  async function readyItem(topic: string): Promise<{ itemId: string; versionId: string }> {
    const created = await owner.post('/api/items', { topic, durationSeconds: 10 });
    const itemId = created.json<{ item: { id: string } }>().item.id;
    const detail = await settled(itemId);
    return { itemId, versionId: detail.item.currentVersionId! };
  }

  const review = (client: Client, versionId: string, action: string, comment?: string) =>
    client.post(
      `/api/versions/${versionId}/review`,
      comment === undefined ? { action } : { action, comment },
    );
  const stateOf = async (versionId: string) =>
    (await owner.get(`/api/versions/${versionId}/review`)).json<ReviewView>();
  const codeOf = (res: { json<T>(): T }) => res.json<{ error: { code: string } }>().error.code;

  let first: { itemId: string; versionId: string };
  let second: { itemId: string; versionId: string };
  let third: { itemId: string; versionId: string };

  beforeAll(async () => {
    t = await startTestApp({ VOICE_PROVIDER: 'none' });
    await t.container.startJobs();
    owner = new Client(t.app, t.origin);
    ids.owner = (await owner.signUp('owner@example.com')).user.id;
    editor = await member('editor@example.com', 'editor');
    reviewer = await member('reviewer@example.com', 'reviewer');
    viewer = await member('viewer@example.com', 'viewer');
    first = await readyItem('Cold brew at home');
    second = await readyItem('Morning stretches');
    third = await readyItem('Desk plants');
  }, 180_000);
  afterAll(async () => t.close());

  it('shows a never-submitted version with state null and what each role may do', async () => {
    const view = await stateOf(first.versionId);
    expect(view).toMatchObject({
      versionId: first.versionId,
      itemId: first.itemId,
      itemTitle: 'Cold brew at home',
      versionNumber: 1,
      state: null,
      submittedBy: null,
      history: [],
      canSubmit: true,
      canDecide: false,
      approvedContentHash: null,
      updatedAt: null,
    });
    expect(view.coverUrl).toMatch(/^\/media\//);
    const asReviewer = (await reviewer.get(`/api/versions/${first.versionId}/review`)).json<ReviewView>();
    expect(asReviewer.canSubmit).toBe(false);
  });

  it('refuses each role what it may not do', async () => {
    const refused = [
      await review(viewer, first.versionId, 'submit'),
      await review(reviewer, first.versionId, 'submit'),
    ];
    expect(refused.map((r) => [r.statusCode, codeOf(r)])).toEqual([
      [403, 'forbidden'],
      [403, 'forbidden'],
    ]);
    expect((await review(editor, first.versionId, 'submit', 'Ready for a look')).statusCode).toBe(200);
    for (const [client, action] of [
      [viewer, 'approve'],
      [viewer, 'reject'],
      [editor, 'approve'],
      [editor, 'reject'],
    ] as const) {
      const res = await review(client, first.versionId, action, 'No');
      expect([res.statusCode, codeOf(res)], `${action}`).toEqual([403, 'forbidden']);
    }
    expect((await stateOf(first.versionId)).state).toBe('pending');
  });

  it('rejects with a comment only, re-submits, approves and seals exactly the approved file and texts', async () => {
    const bare = await review(reviewer, first.versionId, 'reject');
    expect([bare.statusCode, codeOf(bare)]).toEqual([400, 'comment_required']);
    const blank = await review(reviewer, first.versionId, 'reject', '   ');
    expect([blank.statusCode, codeOf(blank)]).toEqual([400, 'comment_required']);

    const rejected = await review(reviewer, first.versionId, 'reject', 'The hook is too slow');
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json<ReviewView>()).toMatchObject({
      state: 'rejected',
      decidedBy: ids.reviewer,
      comment: 'The hook is too slow',
      canSubmit: false,
    });
    const approveRejected = await review(reviewer, first.versionId, 'approve');
    expect([approveRejected.statusCode, codeOf(approveRejected)]).toEqual([409, 'review_not_pending']);

    expect((await review(editor, first.versionId, 'submit')).statusCode).toBe(200);
    const twice = await review(editor, first.versionId, 'submit');
    expect([twice.statusCode, codeOf(twice)]).toEqual([409, 'review_already_pending']);

    const approved = (await review(reviewer, first.versionId, 'approve', 'Good to go')).json<ReviewView>();
    const detail = await settled(first.itemId);
    const version = detail.versions.find((v) => v.id === first.versionId)!;
    expect(approved).toMatchObject({
      state: 'approved',
      decidedBy: ids.reviewer,
      comment: 'Good to go',
      approvedContentHash: version.contentHash,
      canApprove: false,
    });
    expect(approved.history.map((h) => [h.action, h.byName, h.comment])).toEqual([
      ['submit', 'editor', 'Ready for a look'],
      ['reject', 'reviewer', 'The hook is too slow'],
      ['submit', 'editor', null],
      ['approve', 'reviewer', 'Good to go'],
    ]);

    const ws = (await owner.get('/api/me')).json<{ currentWorkspace: { id: string } }>().currentWorkspace.id;
    const sealed = await t.container.store.reviews.find(ws, first.versionId);
    expect(await t.container.store.reviews.find('another-workspace', first.versionId)).toBeNull();
    const full = await t.container.store.content.findVersion(ws, first.versionId);
    const fileHash = createHash('sha256')
      .update(readFileSync(join(t.container.mediaRoot, ...version.outputs.videoKey.split('/'))))
      .digest('hex');
    expect(sealed?.seal).toEqual({
      contentHash: version.contentHash,
      videoSha256: fileHash,
      metadataHashes: metadataHashes(full!.outputs.metadata),
    });

    const resubmit = await review(editor, first.versionId, 'submit');
    expect([resubmit.statusCode, codeOf(resubmit)]).toEqual([409, 'review_already_approved']);
    const again = await review(reviewer, first.versionId, 'approve');
    expect([again.statusCode, codeOf(again)]).toEqual([409, 'review_not_pending']);
  });

  it('lets an owner approve their own work until the workspace requires someone else', async () => {
    expect((await owner.get('/api/workspaces/current/settings')).json()).toMatchObject({
      requireOtherApprover: false,
    });
    expect((await review(owner, second.versionId, 'submit')).statusCode).toBe(200);
    const self = await review(owner, second.versionId, 'approve', 'Mine, and fine');
    expect(self.json<ReviewView>()).toMatchObject({ state: 'approved', decidedBy: ids.owner });

    const notOwner = await editor.patch('/api/workspaces/current/settings', { requireOtherApprover: true });
    expect([notOwner.statusCode, codeOf(notOwner)]).toEqual([403, 'forbidden']);
    const on = await owner.patch('/api/workspaces/current/settings', { requireOtherApprover: true });
    expect(on.json()).toMatchObject({ requireOtherApprover: true });
    expect((await viewer.get('/api/workspaces/current/settings')).json()).toMatchObject({
      requireOtherApprover: true,
    });

    expect((await review(owner, third.versionId, 'submit')).statusCode).toBe(200);
    const own = await stateOf(third.versionId);
    expect([own.canApprove, own.canReject, own.canDecide]).toEqual([false, true, true]);
    const refused = await review(owner, third.versionId, 'approve');
    expect([refused.statusCode, codeOf(refused)]).toEqual([403, 'self_approval_not_allowed']);
    const byOther = await review(reviewer, third.versionId, 'approve');
    expect(byOther.json<ReviewView>()).toMatchObject({ state: 'approved', decidedBy: ids.reviewer });

    const off = await owner.patch('/api/workspaces/current/settings', { requireOtherApprover: false });
    expect(off.json()).toMatchObject({ requireOtherApprover: false });
    expect((await owner.patch('/api/workspaces/current/settings', {})).json()).toMatchObject({
      requireOtherApprover: false,
    });
  });

  it('lists the queue newest first, by state, page by page', async () => {
    const all = (await reviewer.get('/api/review')).json<{ items: ReviewView[]; nextCursor: null }>();
    expect(all.items.map((v) => v.versionId)).toEqual([third.versionId, second.versionId, first.versionId]);
    expect(all.nextCursor).toBeNull();

    const page1 = (await viewer.get('/api/review?state=approved&limit=2')).json<{
      items: ReviewView[];
      nextCursor: string;
    }>();
    expect(page1.items.map((v) => v.versionId)).toEqual([third.versionId, second.versionId]);
    const page2 = (await viewer.get(`/api/review?state=approved&limit=2&cursor=${page1.nextCursor}`)).json<{
      items: ReviewView[];
      nextCursor: null;
    }>();
    expect(page2).toMatchObject({ items: [{ versionId: first.versionId }], nextCursor: null });
    expect((await viewer.get('/api/review?state=pending')).json()).toEqual({ items: [], nextCursor: null });

    const badState = await viewer.get('/api/review?state=done');
    expect([badState.statusCode, codeOf(badState)]).toEqual([400, 'validation_failed']);
    const badCursor = await viewer.get('/api/review?cursor=%21%21');
    expect([badCursor.statusCode, codeOf(badCursor)]).toEqual([400, 'invalid_cursor']);
  });

  it("answers 404 for a missing version and for another workspace's version", async () => {
    const missing = await review(owner, '01missingversion', 'submit');
    expect([missing.statusCode, codeOf(missing)]).toEqual([404, 'version_not_found']);
    const stranger = new Client(t.app, t.origin);
    await stranger.signUp('stranger@example.com');
    for (const res of [
      await stranger.get(`/api/versions/${first.versionId}/review`),
      await review(stranger, first.versionId, 'reject', 'Not mine'),
    ]) {
      expect([res.statusCode, codeOf(res)]).toEqual([404, 'version_not_found']);
    }
    expect((await stranger.get('/api/review')).json()).toEqual({ items: [], nextCursor: null });
  });

  it('makes an edited item a new version with no approval, and refuses a version whose file is gone', async () => {
    const edit = await owner.post(`/api/items/${first.itemId}/versions`, {
      metadata: { tiktok: { caption: 'Cold brew, the slow way #coffee', aiGenerated: true } },
    });
    expect(edit.statusCode, edit.body).toBe(202);
    let detail = await settled(first.itemId);
    while (detail.versions.length < 2) {
      await sleep(150);
      detail = await settled(first.itemId);
    }
    const edited = detail.versions[0]!;
    expect(edited.id).not.toBe(first.versionId);
    expect(detail.item.currentVersionId).toBe(edited.id);
    expect(await stateOf(edited.id)).toMatchObject({
      state: null,
      approvedContentHash: null,
      versionNumber: 2,
    });
    expect((await stateOf(first.versionId)).state).toBe('approved');

    const file = join(t.container.mediaRoot, ...edited.outputs.videoKey.split('/'));
    renameSync(file, `${file}.away`);
    try {
      const gone = await review(editor, edited.id, 'submit');
      expect([gone.statusCode, codeOf(gone)]).toEqual([409, 'version_not_rendered']);
    } finally {
      renameSync(`${file}.away`, file);
    }
    expect((await review(editor, edited.id, 'submit')).statusCode).toBe(200);
  });
});
