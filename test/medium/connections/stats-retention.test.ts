import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Platform } from '../../../src/domain/connection.js';
import { trackedVideo } from '../../contract/store/analytics-fixtures.js';
import { connectThroughConsent } from '../../fakes/connect-flow.js';
import { Client, startTestApp, type TestApp } from '../../fakes/test-app.js';

type ConnectionJson = { id: string; status: string; platform: Platform };

async function until(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('statistics of a disconnected account follow the workspace retention setting', () => {
  let t: TestApp;
  let owner: Client;
  let workspaceId: string;
  beforeEach(async () => {
    t = await startTestApp({}, { listen: true });
    owner = new Client(t.app, t.origin);
    workspaceId = (await owner.signUp('owner@example.com')).workspace.id;
  });
  afterEach(async () => t.close());

  const list = async () => (await owner.get('/api/connections')).json<{ items: ConnectionJson[] }>().items;
  const statsOf = async (connectionId: string) =>
    (await t.container.store.trackedVideos.listAll(workspaceId, { connectionId })).length;

  /** Connects the platform's sandbox account and plants two tracked videos of it. */
  async function connectedWithStats(platform: Platform): Promise<string> {
    await connectThroughConsent(t, owner, platform);
    const connection = (await list()).find((c) => c.platform === platform)!;
    for (let i = 0; i < 2; i++)
      await t.container.store.trackedVideos.create(
        trackedVideo(workspaceId, { connectionId: connection.id, platform }),
      );
    expect(await statsOf(connection.id)).toBe(2);
    return connection.id;
  }

  const setStats = async (statsOnDisconnect: 'keep' | 'delete') =>
    expect(
      (await owner.patch('/api/workspaces/current/settings', { retention: { statsOnDisconnect } }))
        .statusCode,
    ).toBe(200);

  it('keeps them by default when the account is disconnected', async () => {
    const id = await connectedWithStats('tiktok');
    expect((await owner.delete(`/api/connections/${id}`)).statusCode).toBe(200);
    expect(await statsOf(id)).toBe(2);
  });

  it('deletes them on disconnect when the owner chose so, and says so in the audit log', async () => {
    const id = await connectedWithStats('youtube');
    await setStats('delete');
    expect((await owner.delete(`/api/connections/${id}`)).statusCode).toBe(200);
    expect(await statsOf(id)).toBe(0);
    const audit = (await owner.get('/api/audit')).json<{ items: { type: string; detail: string }[] }>();
    expect(audit.items.find((e) => e.type === 'disconnected_by_user')?.detail).toContain(
      'statistics deleted',
    );
  });

  it('applies the same choice when TikTok reports the authorization was removed', async () => {
    const id = await connectedWithStats('tiktok');
    await setStats('delete');
    await owner.post('/sandbox/__sandbox/tiktok/revoke', { persona: 'public', reason: 1 });
    await until(async () => (await list())[0]?.status === 'revoked');
    expect(await statsOf(id)).toBe(0);
  });

  it('keeps them on a platform revocation when the choice is keep', async () => {
    const id = await connectedWithStats('instagram');
    await owner.post('/sandbox/__sandbox/instagram/remove-app', { user: 'public' });
    await until(async () => (await list())[0]?.status === 'revoked');
    expect(await statsOf(id)).toBe(2);
  });

  it('deletes them on a Meta data-deletion request whatever the choice', async () => {
    const id = await connectedWithStats('instagram');
    await owner.post('/sandbox/__sandbox/instagram/delete-data', { user: 'public' });
    await until(async () => (await list()).length === 0);
    expect(await statsOf(id)).toBe(0);
  });
});

describe('the retention settings API', () => {
  let t: TestApp;
  afterEach(async () => t.close());

  it('shows the defaults to every member, lets only owners change them, and checks the bounds', async () => {
    t = await startTestApp();
    const owner = new Client(t.app, t.origin);
    await owner.signUp('owner@example.com');
    const inv = await owner.post('/api/invitations', { email: 'ed@example.com', role: 'editor' });
    const token = new URL(inv.json<{ acceptUrl: string }>().acceptUrl).searchParams.get('token');
    const editor = new Client(t.app, t.origin);
    await editor.signUp('ed@example.com');
    expect((await editor.post('/api/invitations/accept', { token })).statusCode).toBe(200);

    expect((await editor.get('/api/workspaces/current/settings')).json()).toEqual({
      requireOtherApprover: false,
      retention: { unpublishedMediaDays: 90, statsOnDisconnect: 'keep' },
    });
    const refused = await editor.patch('/api/workspaces/current/settings', {
      retention: { statsOnDisconnect: 'delete' },
    });
    expect(refused.statusCode).toBe(403);
    for (const bad of [0, 3651, 1.5, 'thirty'])
      expect(
        (await owner.patch('/api/workspaces/current/settings', { retention: { unpublishedMediaDays: bad } }))
          .statusCode,
      ).toBe(400);

    const days = await owner.patch('/api/workspaces/current/settings', {
      retention: { unpublishedMediaDays: 14 },
    });
    expect(days.json()).toEqual({
      requireOtherApprover: false,
      retention: { unpublishedMediaDays: 14, statsOnDisconnect: 'keep' },
    });
    const never = await owner.patch('/api/workspaces/current/settings', {
      requireOtherApprover: true,
      retention: { unpublishedMediaDays: null, statsOnDisconnect: 'delete' },
    });
    expect(never.json()).toEqual({
      requireOtherApprover: true,
      retention: { unpublishedMediaDays: null, statsOnDisconnect: 'delete' },
    });
    expect((await editor.get('/api/workspaces/current/settings')).json()).toEqual(never.json());
  });

  it('plans the daily retention job when the app starts its jobs', async () => {
    t = await startTestApp();
    expect(await t.container.store.jobs.nextDueAt(['retention'])).toBeNull();
    await t.container.startJobs();
    const due = await t.container.store.jobs.nextDueAt(['retention']);
    expect(due).toMatch(/T03:00:00\.000Z$/);
    expect(Date.parse(due!) - t.clock.now()).toBeLessThanOrEqual(86_400_000);
  });
});
