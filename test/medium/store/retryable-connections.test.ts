import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectThroughConsent } from '../../fakes/connect-flow.js';
import { Client, startTestApp, type TestApp } from '../../fakes/test-app.js';

async function until(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The connection flows with every store transaction thrown away once and run again, reads after writes refused:
 * each flow ends as it does on a store that never retries, every audit event written once.
 */
describe('connection transactions a document store may retry', () => {
  let t: TestApp;
  let client: Client;
  let workspaceId: string;
  beforeEach(async () => {
    t = await startTestApp({}, { listen: true, retryTransactions: true });
    client = new Client(t.app, t.origin);
    workspaceId = (await client.signUp('creator@example.com')).workspace.id;
  });
  afterEach(async () => t.close());

  const connections = async () =>
    (await client.get('/api/connections')).json<{ items: { id: string; status: string }[] }>().items;
  const auditTypes = async () =>
    (await client.get('/api/audit')).json<{ items: { type: string }[] }>().items.map((e) => e.type);

  it('runs on a store that refuses a read after a write in a transaction', async () => {
    await expect(
      t.container.store.transaction(async (tx) => {
        await tx.workspaces.rename(workspaceId, 'Renamed');
        return tx.workspaces.findById(workspaceId);
      }),
    ).rejects.toThrow('read after write');
  });

  it('connects, reconnects, refreshes and disconnects TikTok', async () => {
    expect((await connectThroughConsent(t, client, 'tiktok')).status).toBe('connected');
    const [connection] = await connections();
    await connectThroughConsent(t, client, 'tiktok', { reconnectId: connection!.id });
    expect(await connections()).toHaveLength(1);
    expect(await t.container.tokenRefresh.refresh(workspaceId, connection!.id)).toBe('refreshed');
    expect((await client.delete(`/api/connections/${connection!.id}`)).statusCode).toBe(200);
    expect(await connections()).toEqual([]);
    expect(await t.container.store.connections.loadTokens(workspaceId, connection!.id)).toBeNull();
    expect(await auditTypes()).toEqual([
      'tokens_deleted',
      'disconnected_by_user',
      'refreshed',
      'reconnected',
      'connected',
    ]);
  });

  it('revokes on a platform event and answers a data deletion request once', async () => {
    await connectThroughConsent(t, client, 'tiktok');
    await client.post('/sandbox/__sandbox/tiktok/revoke', { persona: 'public', reason: 1 });
    await until(async () => (await connections())[0]?.status === 'revoked');

    await connectThroughConsent(t, client, 'instagram');
    await client.post('/sandbox/__sandbox/instagram/delete-data', { user: 'public' });
    await until(async () => (await connections()).every((c) => c.status === 'revoked'));
    expect(await connections()).toHaveLength(1);
    expect((await auditTypes()).filter((type) => type === 'data_deletion_requested')).toHaveLength(1);
    expect((await auditTypes()).filter((type) => type === 'revoked_on_platform')).toHaveLength(1);
  });
});
