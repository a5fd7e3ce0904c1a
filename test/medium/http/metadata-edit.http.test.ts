import { spawnSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestApp, type TestApp } from '../../fakes/test-app.js';

const hasFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0;

describe.skipIf(!hasFfmpeg && process.env.CI !== 'true')('metadata edits are checked strictly', () => {
  let t: TestApp;
  let owner: Client;
  let itemId: string;
  const tiktok = { caption: 'A fine caption #coffee', aiGenerated: true };

  beforeAll(async () => {
    t = await startTestApp({ VOICE_PROVIDER: 'none' });
    await t.container.startJobs();
    owner = new Client(t.app, t.origin);
    await owner.signUp('owner@example.com');
    const created = await owner.post('/api/items', { topic: 'Cold brew at home', durationSeconds: 10 });
    itemId = created.json<{ item: { id: string } }>().item.id;
    let status = 'queued';
    // The generation runs in the background; look until it has settled (the hook timeout bounds the wait).
    while (status === 'queued' || status === 'generating') {
      await sleep(200);
      status = (await owner.get(`/api/items/${itemId}`)).json<{ item: { status: string } }>().item.status;
    }
    expect(status).toBe('ready');
  }, 120_000);
  afterAll(async () => t.close());

  const edit = (metadata: unknown) => owner.post(`/api/items/${itemId}/versions`, { metadata });

  it.each<[string, unknown]>([
    ['a caption of the wrong type', { tiktok: { caption: 42, aiGenerated: true } }],
    ['metadata that is not an object', 'just a caption'],
    [
      'tags that are not a list',
      { youtube: { title: 'T', description: '', tags: 'a,b', aiGenerated: true } },
    ],
    ['an unknown field', { tiktok: { ...tiktok, link: 'https://example.com' } }],
    ['an unknown platform', { snapchat: tiktok }],
    ['the AI disclosure dropped', { tiktok: { caption: 'No flag' } }],
    ['the AI disclosure set false on a generated video', { tiktok: { ...tiktok, aiGenerated: false } }],
    ['a caption past the platform limit', { tiktok: { ...tiktok, caption: 'x'.repeat(2300) } }],
  ])('refuses %s with 400 invalid_metadata', async (_name, metadata) => {
    const res = await edit(metadata);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({
      error: { code: 'invalid_metadata', message: expect.any(String) as string },
    });
  });

  it('takes a valid edit of one platform and keeps the others, with their disclosure', async () => {
    const res = await edit({ tiktok });
    expect(res.statusCode, res.body).toBe(202);
    let detail = (await owner.get(`/api/items/${itemId}`)).json<{
      item: { status: string };
      versions: { outputs: { metadata: Record<string, { aiGenerated: boolean; caption?: string }> } }[];
    }>();
    while (detail.item.status !== 'ready' && detail.item.status !== 'failed') {
      await sleep(100);
      detail = (await owner.get(`/api/items/${itemId}`)).json<typeof detail>();
    }
    const metadata = detail.versions[0]?.outputs.metadata ?? {};
    expect(metadata.tiktok?.caption).toBe(tiktok.caption);
    expect(Object.keys(metadata).sort()).toEqual(['instagram', 'tiktok', 'youtube']);
    expect(Object.values(metadata).every((m) => m.aiGenerated)).toBe(true);
  });
});
