import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutboxMailer } from '../../../src/adapters/mail/outbox-mailer.js';
import { snapshot, trackedVideo } from '../../contract/store/analytics-fixtures.js';
import { connectThroughConsent } from '../../fakes/connect-flow.js';
import { Client, startTestApp, type TestApp } from '../../fakes/test-app.js';
import { until } from './support.js';

describe("Meta's data-deletion callback takes the deletion path", () => {
  let t: TestApp;
  let client: Client;
  beforeEach(async () => {
    t = await startTestApp({}, { listen: true });
    client = new Client(t.app, t.origin);
  });
  afterEach(async () => t.close());

  it("deletes the account's connection, tokens, videos and stats, keeps only a hash, and says what went", async () => {
    const { workspace } = await client.signUp('insta@example.com');
    await connectThroughConsent(t, client, 'instagram');
    const { store } = t.container;
    const [c] = (await store.connections.listByWorkspace(workspace.id, { limit: 5 })).items;
    const video = trackedVideo(workspace.id, { connectionId: c!.id, platform: 'instagram' });
    await store.trackedVideos.create(video);
    await store.snapshots.append([snapshot(video, 1, 50)]);

    await client.post('/sandbox/__sandbox/instagram/delete-data', { user: 'public' });
    let reply: { url: string; confirmation_code: string } | undefined;
    await until(async () => {
      const deletions = (await client.get('/sandbox/__sandbox/instagram/data-deletions')).json<{
        deletions?: { reply?: { url: string; confirmation_code: string } }[];
      }>();
      reply = deletions.deletions?.find((d) => d.reply)?.reply;
      return reply !== undefined;
    });
    expect(await store.connections.findById(workspace.id, c!.id)).toBeNull();
    expect(await store.connections.loadTokens(workspace.id, c!.id)).toBeNull();
    expect(await store.trackedVideos.find(workspace.id, video.id)).toBeNull();
    const audit = (await store.audit.list(workspace.id, { limit: 20 })).items;
    expect(audit.filter((e) => e.externalAccountId === c!.externalAccountId)).toEqual([]);
    expect(audit.map((e) => e.type)).toContain('data_deletion_requested');

    const request = await store.deletionRequests.find(reply!.confirmation_code);
    // Meta names the person by an app-scoped id (one of the connection's aliases); only its hash is kept.
    const hashes = [c!.externalAccountId, ...c!.aliases].map((id) =>
      createHash('sha256').update(id).digest('hex'),
    );
    expect(hashes).toContain(request?.externalUserId);
    const page = await t.app.inject(new URL(reply!.url).pathname);
    expect(page.body).toMatch(/deleted 1 connected account/);
    expect(page.body).toContain('tracked videos: 1');
    expect(page.body).toContain('statistics readings: 1');
    for (const id of [c!.externalAccountId, ...c!.aliases]) expect(page.body).not.toContain(id);
    expect(await store.erasure.findLog(reply!.confirmation_code)).toMatchObject({ kind: 'platform_request' });
  });
});

describe('the outbox forgets a deleted person’s mail', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('deletes the .eml files to that address only', async () => {
    dir = mkdtempSync(join(tmpdir(), 'aif-outbox-'));
    const mailer = new OutboxMailer(dir, pino({ level: 'silent' }));
    await mailer.send({ to: 'gone@example.com', subject: 'Reset', text: 'link' });
    await mailer.send({ to: 'gone@example.com', subject: 'Invite', text: 'link' });
    await mailer.send({ to: 'stays@example.com', subject: 'Reset', text: 'link' });
    expect(await mailer.forgetRecipient('gone@example.com')).toBe(2);
    const left = readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'));
    expect(left).toHaveLength(1);
    expect(left[0]).toContain('To: stays@example.com');
    expect(
      await new OutboxMailer(join(dir, 'missing'), pino({ level: 'silent' })).forgetRecipient(
        'x@example.com',
      ),
    ).toBe(0);
  });
});
