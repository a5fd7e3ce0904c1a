import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectThroughConsent } from '../../fakes/connect-flow.js';
import { Client, startTestApp, type TestApp } from '../../fakes/test-app.js';

describe('master key rotation', () => {
  let t: TestApp;
  let client: Client;
  let workspaceId: string;
  beforeEach(async () => {
    t = await startTestApp({}, { listen: true });
    client = new Client(t.app, t.origin);
    workspaceId = (await client.signUp('owner@example.com')).workspace.id;
  });
  afterEach(async () => t.close());

  const rotate = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'vault', 'rotate', ...args], {
      env: { PATH: process.env.PATH, DATA_DIR: t.dataDir, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 30_000,
    });

  it('re-wraps every token under a new key while the app keeps running, then prunes the old key', async () => {
    await connectThroughConsent(t, client, 'tiktok');
    await connectThroughConsent(t, client, 'youtube');
    const ids = (await client.get('/api/connections'))
      .json<{ items: { id: string }[] }>()
      .items.map((c) => c.id);
    const keyFile = join(t.dataDir, 'keys', 'token-keys.json');
    const oldKey = (JSON.parse(readFileSync(keyFile, 'utf8')) as { keys: { id: string }[] }).keys[0]!.id;

    const result = rotate();
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/re-wrapped 2 of 2 token records/);
    const keys = (JSON.parse(readFileSync(keyFile, 'utf8')) as { keys: { id: string }[] }).keys.map(
      (k) => k.id,
    );
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(oldKey);
    for (const id of ids)
      expect((await t.container.store.connections.loadTokens(workspaceId, id))?.keyId).toBe(keys[0]);

    // The running app opens and re-seals with the new key, without a restart.
    for (const id of ids) expect(await t.container.tokenRefresh.refresh(workspaceId, id)).toBe('refreshed');
    const pruned = rotate('--prune');
    expect(pruned.status, pruned.stderr).toBe(0);
    expect(pruned.stdout).toContain(`dropped unused keys: ${oldKey}`);
    expect(await t.container.tokenRefresh.refresh(workspaceId, ids[0]!)).toBe('refreshed');
  });
});
