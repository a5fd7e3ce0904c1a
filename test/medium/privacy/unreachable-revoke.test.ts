import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectThroughConsent } from '../../fakes/connect-flow.js';
import { Client, startTestApp, type TestApp } from '../../fakes/test-app.js';

describe('deleting a workspace when a platform cannot be reached', () => {
  let t: TestApp;
  let owner: Client;
  beforeEach(async () => {
    t = await startTestApp({}, { listen: true });
    owner = new Client(t.app, t.origin);
  });
  afterEach(async () => t.close());

  it('deletes the tokens all the same, and counts the revoke that failed', async () => {
    const { workspace } = await owner.signUp('owner@example.com');
    await connectThroughConsent(t, owner, 'tiktok');
    await connectThroughConsent(t, owner, 'youtube');
    const { store } = t.container;
    const connections = (await store.connections.listByWorkspace(workspace.id, { limit: 5 })).items;
    expect(connections).toHaveLength(2);
    await owner.post('/sandbox/__sandbox/faults', {
      platform: 'tiktok',
      endpoint: 'POST /v2/oauth/revoke/',
      fault: { type: 'status', status: 503 },
    });

    const res = await owner.request('DELETE', '/api/workspaces/current', { confirmation: workspace.name });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ counts: { revokedAtPlatform: 1, revokeFailed: 1, connections: 2 } });
    for (const c of connections) {
      expect(await store.connections.loadTokens(workspace.id, c.id)).toBeNull();
      expect(await store.connections.findById(workspace.id, c.id)).toBeNull();
    }
    const tiktokRevokes = (
      await owner.get(
        `/sandbox/__sandbox/requests?platform=tiktok&path=${encodeURIComponent('/v2/oauth/revoke/')}`,
      )
    ).json<{ requests: { status: number }[] }>().requests;
    expect(tiktokRevokes.map((r) => r.status)).toEqual([503]);
  });
});
