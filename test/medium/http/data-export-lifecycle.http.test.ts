import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dataExportView, type DataExportView } from '../../../src/api/privacy.js';
import { Client, startTestApp, type TestApp } from '../../fakes/test-app.js';

const DAY = 86_400_000;

describe('data export: one at a time, progress, failure and retry, expiry, the link bound to one account', () => {
  let t: TestApp;
  let alice: Client;
  let aliceId: string;

  const status = async (id: string, client = alice): Promise<DataExportView> => {
    const res = await client.get(`/api/privacy/exports/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return dataExportView.parse(res.json());
  };
  const start = async (): Promise<string> => {
    const res = await alice.post('/api/privacy/exports');
    expect(res.statusCode, res.body).toBe(202);
    return res.json<{ export: { id: string; status: string } }>().export.id;
  };
  const ready = async (): Promise<DataExportView> => {
    await t.container.startJobs();
    const id = await start();
    await t.container.queue.idle();
    const view = await status(id);
    expect(view.status).toBe('ready');
    return view;
  };

  beforeEach(async () => {
    t = await startTestApp();
    alice = new Client(t.app);
    aliceId = (await alice.signUp('alice@example.com')).user.id;
  });
  afterEach(async () => t.close());

  it('starts one export at a time: asking again while it waits returns the same one', async () => {
    const first = await alice.post('/api/privacy/exports');
    expect(first.statusCode).toBe(202);
    const { id } = first.json<{ export: { id: string; status: string } }>().export;
    expect(first.json()).toEqual({ export: { id, status: 'queued' } });
    const again = await alice.post('/api/privacy/exports');
    expect(again.json()).toEqual({ export: { id, status: 'queued' } });
    expect(await status(id)).toMatchObject({ status: 'queued', progress: 0, downloadUrl: null });
    const early = await alice.get(`/api/privacy/exports/${id}/download?exp=9999999999&sig=x`);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ error: { code: 'export_not_ready' } });
    const anonymous = await new Client(t.app).post('/api/privacy/exports');
    expect(anonymous.statusCode).toBe(401);
    await t.container.startJobs();
    await t.container.queue.idle();
    expect((await status(id)).status).toBe('ready');
    // Once it is done, a new request makes a new export.
    expect(await start()).not.toBe(id);
  });

  it('shows the progress while the job runs, kind by kind', async () => {
    const id = await start();
    const seen: { status: string; progress: number }[] = [];
    await t.container.dataExports.build(id, async () => {
      const view = await status(id);
      seen.push({ status: view.status, progress: view.progress });
    });
    expect(seen.length).toBeGreaterThan(10);
    expect(seen.every((s) => s.status === 'running')).toBe(true);
    const progress = seen.map((s) => s.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress[0]).toBeGreaterThan(0);
    expect(progress.at(-1)).toBeLessThan(1);
    expect(await status(id)).toMatchObject({ status: 'ready', progress: 1 });
  });

  it('ends failed with a reason when the ZIP cannot be stored, and a new try works', async () => {
    // A file where the person's export folder must go: every attempt fails to store the ZIP.
    const blocker = join(t.container.mediaRoot, 'exports', aliceId);
    mkdirSync(join(t.container.mediaRoot, 'exports'), { recursive: true });
    writeFileSync(blocker, 'in the way');
    await t.container.startJobs();
    const id = await start();
    let view = await status(id);
    for (let round = 0; round < 6 && view.status !== 'failed'; round += 1) {
      await t.container.queue.idle();
      t.clock.advance(10 * 60_000);
      view = await status(id);
    }
    expect(view).toMatchObject({ status: 'failed', downloadUrl: null });
    expect(view.error).toMatch(/could not be made/);

    rmSync(blocker);
    const retry = await start();
    expect(retry).not.toBe(id);
    await t.container.queue.idle();
    expect(await status(retry)).toMatchObject({ status: 'ready', error: null });
  });

  it('downloads for 7 days with the signed link and the same account only', async () => {
    const view = await ready();
    expect(Date.parse(view.expiresAt!) - t.clock.now()).toBeGreaterThan(7 * DAY - 60_000);
    const url = view.downloadUrl!;
    expect((await alice.get(url)).statusCode).toBe(200);

    const bob = new Client(t.app);
    await bob.signUp('bob@example.com');
    const stolen = await bob.get(url);
    expect(stolen.statusCode).toBe(404);
    expect(stolen.json()).toMatchObject({ error: { code: 'data_export_not_found' } });
    expect((await bob.get(`/api/privacy/exports/${view.id}`)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);

    const tampered = url.replace(/sig=([^&]+)/, (_m, sig: string) => `sig=${sig.slice(0, -2)}AA`);
    expect(tampered).not.toBe(url);
    expect((await alice.get(tampered)).json()).toMatchObject({ error: { code: 'export_link_invalid' } });
    const unsigned = (await alice.get(url.split('?')[0]!)).json<{ error: { code: string } }>();
    expect(unsigned.error.code).toBe('export_link_invalid');

    t.clock.advance(6 * DAY);
    expect((await alice.get(url)).statusCode).toBe(200);
    t.clock.advance(DAY);
    const late = await alice.get(url);
    expect(late.statusCode).toBe(403);
    expect(late.json()).toMatchObject({ error: { code: 'export_expired' } });
    expect((await status(view.id)).downloadUrl).toBeNull();
  });

  it('leaves no file behind when the account’s exports are deleted while the job runs', async () => {
    const id = await start();
    await t.container.dataExports.build(id, async (fraction) => {
      if (fraction > 0.5) await t.container.store.dataExports.deleteByUser(aliceId);
    });
    expect(existsSync(join(t.container.mediaRoot, 'exports', aliceId, `${id}.zip`))).toBe(false);
    expect((await alice.get(`/api/privacy/exports/${id}`)).statusCode).toBe(404);
  });

  it('forgets a person: rows and files of their exports go (for account deletion)', async () => {
    const view = await ready();
    const file = join(t.container.mediaRoot, 'exports', aliceId, `${view.id}.zip`);
    expect(existsSync(file)).toBe(true);
    await t.container.dataExports.forgetPerson(aliceId);
    expect(existsSync(file)).toBe(false);
    expect(await t.container.store.dataExports.listByUser(aliceId)).toEqual([]);
  });

  it('deletes the file of an expired export at the next housekeeping, and marks it expired', async () => {
    const view = await ready();
    const file = join(t.container.mediaRoot, 'exports', aliceId, `${view.id}.zip`);
    expect(existsSync(file)).toBe(true);
    t.clock.advance(3 * DAY);
    await t.container.queue.idle();
    expect(existsSync(file)).toBe(true);
    t.clock.advance(4 * DAY + 3_600_000);
    await t.container.queue.idle();
    expect(existsSync(file)).toBe(false);
    expect(await status(view.id)).toMatchObject({ status: 'expired', downloadUrl: null });
  });
});
