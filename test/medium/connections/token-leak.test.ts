import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectThroughConsent } from '../../fakes/connect-flow.js';
import { Client, startTestApp, type TestApp } from '../../fakes/test-app.js';
import { TokenRecorder } from '../../fakes/token-recorder.js';

/**
 * Every token the sandbox issued during a run of connects, refreshes, reconnects and disconnects is searched for
 * in the SQLite file and its WAL, the logs and every API response: none may appear in plaintext.
 */
describe('token leak check', () => {
  let t: TestApp;
  let client: Client;
  const recorder = new TokenRecorder();

  beforeAll(async () => {
    recorder.install();
    t = await startTestApp({}, { listen: true });
    client = new Client(t.app, t.origin);
    const { workspace } = await client.signUp('leak@example.com');
    for (const platform of ['tiktok', 'instagram', 'youtube'] as const) {
      expect((await connectThroughConsent(t, client, platform)).status).toBe('connected');
    }
    const connections = (await client.get('/api/connections')).json<{
      items: { id: string; platform: string }[];
    }>().items;
    for (const c of connections.filter((c) => c.platform !== 'instagram')) {
      expect(await t.container.tokenRefresh.refresh(workspace.id, c.id)).toBe('refreshed');
    }
    const youtube = connections.find((c) => c.platform === 'youtube')!;
    await connectThroughConsent(t, client, 'youtube', { reconnectId: youtube.id });
    await client.get('/api/connections');
    await client.get('/api/audit');
    const tiktok = connections.find((c) => c.platform === 'tiktok')!;
    await client.delete(`/api/connections/${tiktok.id}`);
    await client.get('/metrics');
  });
  afterAll(async () => {
    recorder.uninstall();
    await t.close();
  });

  it('saw the sandbox issue tokens', () => {
    expect(recorder.tokens.size).toBeGreaterThanOrEqual(8);
  });

  it('finds no token in the SQLite file, its WAL or anything else under DATA_DIR', () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else files.push(path);
      }
    };
    walk(t.dataDir);
    expect(files.some((f) => f.endsWith('ai-factory.sqlite'))).toBe(true);
    expect(existsSync(join(t.dataDir, 'ai-factory.sqlite-wal'))).toBe(true);
    for (const file of files) {
      const bytes = readFileSync(file).toString('latin1');
      for (const token of recorder.tokens)
        expect(bytes.includes(token), `${token.slice(0, 4)}… in ${file}`).toBe(false);
    }
  });

  it('finds no token in the logs', () => {
    const logs = t.logs.join('\n');
    expect(logs.length).toBeGreaterThan(0);
    for (const token of recorder.tokens)
      expect(logs.includes(token), `${token.slice(0, 4)}… in the logs`).toBe(false);
  });

  it('finds no token in any API response', () => {
    const responses = client.received.join('\n');
    for (const token of recorder.tokens)
      expect(responses.includes(token), `${token.slice(0, 4)}… in a response`).toBe(false);
  });
});
