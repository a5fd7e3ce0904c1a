import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectThroughConsent } from '../../fakes/connect-flow.js';
import { Client, startTestApp, type TestApp } from '../../fakes/test-app.js';
import { version } from '../../contract/store/fixtures.js';
import { publication, review } from '../../contract/store/publishing-fixtures.js';
import { trackedVideo } from '../../contract/store/analytics-fixtures.js';

/**
 * User B must get 404 for every object of user A's workspace, through every route that takes an id.
 * The route list comes from the OpenAPI document, so a new route with an id fails this test until covered.
 */
describe('tenant isolation', () => {
  let t: TestApp;
  let a: Client;
  let b: Client;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp({}, { listen: true });
    a = new Client(t.app, t.origin);
    b = new Client(t.app, t.origin);
    const aliceSignup = await a.signUp('alice@example.com');
    await b.signUp('bob@example.com');
    ids.aliceWorkspace = aliceSignup.workspace.id;
    ids.alice = aliceSignup.user.id;
    const inv = await a.post('/api/invitations', { email: 'carol@example.com', role: 'editor' });
    ids.aliceInvitation = inv.json<{ invitation: { id: string } }>().invitation.id;
    await connectThroughConsent(t, a, 'tiktok');
    ids.aliceConnection = (await a.get('/api/connections')).json<{ items: { id: string }[] }>().items[0]!.id;
    ids.aliceItem = (await a.post('/api/items', { topic: 'Alice only' })).json<{
      item: { id: string };
    }>().item.id;
    // A rendered version under review, written directly: the generation does not run in this test.
    const aliceItem = await t.container.store.content.findItem(ids.aliceWorkspace, ids.aliceItem);
    const aliceVersion = version(aliceItem!, 1);
    await t.container.store.content.createVersion(aliceVersion);
    ids.aliceVersion = aliceVersion.id;
    await t.container.store.reviews.save(
      review(ids.aliceWorkspace, {
        versionId: aliceVersion.id,
        itemId: ids.aliceItem,
        submittedBy: ids.alice,
      }),
    );
    const alicePublication = publication(ids.aliceWorkspace, {
      itemId: ids.aliceItem,
      versionId: aliceVersion.id,
      connectionId: ids.aliceConnection,
      status: 'failed',
    });
    await t.container.store.publications.create(alicePublication);
    ids.alicePublication = alicePublication.id;
    const aliceVideo = trackedVideo(ids.aliceWorkspace, { connectionId: ids.aliceConnection });
    await t.container.store.trackedVideos.create(aliceVideo);
    ids.aliceTrackedVideo = aliceVideo.id;
    ids.aliceAsset = 'asset-of-alice';
    await t.container.store.mediaAssets.create({
      id: ids.aliceAsset,
      workspaceId: ids.aliceWorkspace,
      mediaKey: `workspaces/${ids.aliceWorkspace}/library/a.png`,
      kind: 'image',
      filename: 'a.png',
      sizeBytes: 10,
      width: 10,
      height: 10,
      durationMs: null,
      tags: ['alice'],
      createdAt: new Date().toISOString(),
    });
    ids.aliceExport = (await a.post('/api/privacy/exports')).json<{ export: { id: string } }>().export.id;
  });
  afterAll(async () => t.close());

  // Each route that takes an id, called by Bob (an owner of his own workspace) with Alice's ids.
  const attempts: Record<string, () => Promise<{ statusCode: number; body: string }>> = {
    'PATCH /api/members/{userId}': () => b.patch(`/api/members/${ids.alice}`, { role: 'viewer' }),
    'DELETE /api/members/{userId}': () => b.delete(`/api/members/${ids.alice}`),
    'DELETE /api/invitations/{id}': () => b.delete(`/api/invitations/${ids.aliceInvitation}`),
    'PUT /api/me/current-workspace': () =>
      b.put('/api/me/current-workspace', { workspaceId: ids.aliceWorkspace }),
    'GET /api/items/{id}': () => b.get(`/api/items/${ids.aliceItem}`),
    'GET /api/items/{id}/events': () => b.get(`/api/items/${ids.aliceItem}/events`),
    'POST /api/items/{id}/versions': () => b.post(`/api/items/${ids.aliceItem}/versions`, {}),
    'POST /api/items/{id}/retry': () => b.post(`/api/items/${ids.aliceItem}/retry`, {}),
    'GET /api/library/{id}': () => b.get(`/api/library/${ids.aliceAsset}`),
    'DELETE /api/library/{id}': () => b.delete(`/api/library/${ids.aliceAsset}`),
    'DELETE /api/connections/{id}': () => b.delete(`/api/connections/${ids.aliceConnection}`),
    'POST /api/connections/{platform}/authorize': () =>
      b.post('/api/connections/tiktok/authorize', { reconnectId: ids.aliceConnection }),
    'GET /api/versions/{id}/review': () => b.get(`/api/versions/${ids.aliceVersion}/review`),
    'POST /api/versions/{id}/review': () =>
      b.post(`/api/versions/${ids.aliceVersion}/review`, { action: 'reject', comment: 'Not yours' }),
    'GET /api/connections/{id}/publish-options': () =>
      b.get(`/api/connections/${ids.aliceConnection}/publish-options`),
    'GET /api/publications/{id}': () => b.get(`/api/publications/${ids.alicePublication}`),
    'POST /api/publications/{id}/retry': () => b.post(`/api/publications/${ids.alicePublication}/retry`, {}),
    'DELETE /api/publications/{id}': () => b.delete(`/api/publications/${ids.alicePublication}`),
    'PATCH /api/publications/{id}': () =>
      b.patch(`/api/publications/${ids.alicePublication}`, { scheduledAt: '2030-01-01T10:00:00Z' }),
    'GET /api/analytics/videos/{id}': () => b.get(`/api/analytics/videos/${ids.aliceTrackedVideo}`),
    'GET /api/privacy/exports/{id}': () => b.get(`/api/privacy/exports/${ids.aliceExport}`),
    'GET /api/privacy/exports/{id}/download': () =>
      b.get(`/api/privacy/exports/${ids.aliceExport}/download?exp=9999999999&sig=x`),
  };

  it('covers every route whose path takes an id', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    const withIds = Object.entries(spec.paths).flatMap(([path, ops]) =>
      path.includes('{') ? Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`) : [],
    );
    expect(withIds.length).toBeGreaterThan(0);
    for (const route of withIds) expect(Object.keys(attempts), `untested route ${route}`).toContain(route);
  });

  it.each(Object.keys(attempts))('%s answers 404 for another workspace’s object', async (route) => {
    const res = await attempts[route]!();
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('alice@example.com');
  });

  it("leaves Alice's workspace untouched and out of Bob's lists", async () => {
    const members = (await a.get('/api/members')).json<{ items: { email: string; role: string }[] }>();
    expect(members.items).toEqual([expect.objectContaining({ email: 'alice@example.com', role: 'owner' })]);
    expect((await a.get('/api/invitations')).json<{ items: unknown[] }>().items).toHaveLength(1);
    const bobMembers = await b.get('/api/members');
    expect(bobMembers.body).not.toContain('alice@example.com');
    expect((await b.get('/api/invitations')).body).not.toContain('carol@example.com');
    expect((await b.get('/api/me')).body).not.toContain(ids.aliceWorkspace);
    expect((await b.get('/api/connections')).json()).toEqual({ items: [], nextCursor: null });
    expect((await b.get('/api/items')).json()).toEqual({ items: [], nextCursor: null });
    expect((await b.get('/api/library')).json()).toEqual({ items: [], nextCursor: null });
    expect((await b.get('/api/review')).json()).toEqual({ items: [], nextCursor: null });
    expect((await b.get('/api/publications')).json()).toEqual({ items: [], nextCursor: null });
    const bobPublishes = await b.request('POST', '/api/publications', {
      versionId: ids.aliceVersion,
      connectionId: ids.aliceConnection,
      options: { mode: 'draft' },
    });
    expect(bobPublishes.statusCode).toBe(404);
    expect((await a.get(`/api/publications/${ids.alicePublication}`)).json()).toMatchObject({
      status: 'failed',
    });
    expect((await a.get(`/api/versions/${ids.aliceVersion}/review`)).json()).toMatchObject({
      state: 'pending',
    });
    expect((await b.get('/api/audit')).body).not.toContain(ids.aliceConnection);
    expect((await a.get('/api/connections')).json<{ items: { status: string }[] }>().items[0]?.status).toBe(
      'active',
    );
  });
});
