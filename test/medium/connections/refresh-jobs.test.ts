import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectThroughConsent } from '../../fakes/connect-flow.js';
import { Client, startTestApp, type TestApp } from '../../fakes/test-app.js';

interface PlannedJob {
  status: string;
  run_after: string;
  idempotency_key: string;
  payload: string;
}

describe('token refreshes as delayed jobs', () => {
  let t: TestApp;
  let client: Client;
  beforeEach(async () => {
    t = await startTestApp({}, { listen: true });
    client = new Client(t.app, t.origin);
    await client.signUp('creator@example.com');
    await t.container.startJobs();
  });
  afterEach(async () => t.close());

  const refreshJobs = (): PlannedJob[] => {
    const db = new Database(join(t.dataDir, 'ai-factory.sqlite'), { readonly: true });
    const rows = db
      .prepare("SELECT * FROM jobs WHERE type = 'refresh-token' ORDER BY run_after")
      .all() as PlannedJob[];
    db.close();
    return rows;
  };
  const connection = async () =>
    (await client.get('/api/connections')).json<{ items: { id: string; lastRefreshedAt: string | null }[] }>()
      .items[0]!;

  it('connecting plans one refresh job at the refresh time; when due it refreshes and plans the next', async () => {
    await connectThroughConsent(t, client, 'tiktok');
    const { id } = await connection();
    const [planned] = refreshJobs();
    expect(planned).toMatchObject({ status: 'queued', payload: JSON.stringify({ connectionId: id }) });
    expect(planned!.idempotency_key).toBe(`refresh:${id}:${planned!.run_after}`);
    // Planning again (a second boot) adds nothing.
    await t.container.startJobs();
    await t.container.queue.idle();
    expect(refreshJobs()).toHaveLength(1);
    expect((await connection()).lastRefreshedAt).toBeNull();

    // Time passes to the refresh time (the sandbox's clock too, so its tokens age alike).
    const dueInMs = Date.parse(planned!.run_after) - t.clock.now();
    t.clock.advance(dueInMs + 1_000);
    await client.post('/sandbox/__sandbox/clock/advance', { seconds: Math.ceil(dueInMs / 1000) + 1 });
    await t.container.queue.idle();

    expect((await connection()).lastRefreshedAt).not.toBeNull();
    const [done, next] = refreshJobs();
    expect(done).toMatchObject({ status: 'succeeded' });
    expect(next).toMatchObject({ status: 'queued' });
    expect(Date.parse(next!.run_after)).toBeGreaterThan(t.clock.now());
  });
});
