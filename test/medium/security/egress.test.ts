import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, get, type Server } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicationView } from '../../../src/api/publishing.js';
import { PexelsVisuals } from '../../../src/adapters/ai/visuals/pexels-visuals.js';
import { LocalMediaStore } from '../../../src/adapters/media-store/local-media-store.js';
import { connectThroughConsent } from '../../fakes/connect-flow.js';
import { makeBrief } from '../../small/visuals/brief.js';
import {
  allowedOrigins,
  EgressRecorder,
  outboundSettingNames,
  type Egress,
} from '../../fakes/egress-recorder.js';
import { startEgressWorld, type EgressWorld } from '../../fakes/egress-world.js';
import { Client } from '../../fakes/test-app.js';

const hasFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0;
const PLATFORMS = ['tiktok', 'instagram', 'youtube'] as const;
const OPTIONS = {
  tiktok: { mode: 'direct', privacyLevel: 'SELF_ONLY', disableStitch: true },
  instagram: {},
  youtube: { privacyStatus: 'private', madeForKids: false },
};

const describeForeign = (list: Egress[]) =>
  list.map((e) => `${e.via} → ${e.to}${e.path ?? ''}`).join('\n') || '(none)';

async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const end = Date.now() + 90_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > end) throw new Error(`${what}: still ${JSON.stringify(value)}`);
    await sleep(200);
  }
}

/**
 * Issue 12, "nothing leaves except to the platforms": the product, configured as in production but with every
 * platform and AI provider pointing at a local stand-in, runs a whole life (sign up, connect the three platforms,
 * generate with the cloud providers, approve, publish everywhere, read stats, refresh tokens, disconnect) while
 * every outgoing request and socket of the process is recorded. Each must go to an origin named by the
 * configuration's platform or provider base URLs.
 */
describe.skipIf(!hasFfmpeg && process.env.CI !== 'true')('egress of the product process', () => {
  const recorder = new EgressRecorder();
  let world: EgressWorld;
  let client: Client;

  beforeAll(async () => {
    // From before boot. The test's own browser-like calls (consent pages, the sandbox clock) are recorded too;
    // they go to the sandbox, a configured host, so they can hide nothing.
    recorder.start();
    world = await startEgressWorld();
    client = new Client(world.t.app, world.t.origin);
  }, 60_000);
  afterAll(async () => {
    await world.close();
    recorder.stop();
  });

  it('builds the allowed set from the configuration, and it holds only the local stand-ins', () => {
    const config = world.t.container.config;
    const names = outboundSettingNames(config);
    // Every platform and AI provider host setting, not a hand-picked few.
    expect(names).toEqual(
      expect.arrayContaining([
        'TIKTOK_API_BASE_URL',
        'INSTAGRAM_GRAPH_BASE_URL',
        'YOUTUBE_API_BASE_URL',
        'OPENAI_BASE_URL',
        'ANTHROPIC_BASE_URL',
        'OPENAI_TTS_BASE_URL',
        'PEXELS_BASE_URL',
      ]),
    );
    for (const origin of allowedOrigins(config)) expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(allowedOrigins(config)).not.toContain(world.t.origin);
  });

  it('sends every request of a whole life, from sign-up to disconnect, to a configured platform or provider', async () => {
    const { t, clock, standIns } = world;
    await t.container.startJobs();
    const { workspace } = await client.signUp('egress@example.com');
    for (const platform of PLATFORMS) {
      expect((await connectThroughConsent(t, client, platform)).status).toBe('connected');
    }
    const connections = (await client.get('/api/connections')).json<{
      items: { id: string; platform: (typeof PLATFORMS)[number] }[];
    }>().items;
    expect(connections.map((c) => c.platform).sort()).toEqual([...PLATFORMS].sort());

    const created = await client.post('/api/items', { topic: 'Cold brew at home', durationSeconds: 10 });
    expect(created.statusCode, created.body).toBe(201);
    const itemId = created.json<{ item: { id: string } }>().item.id;
    const item = await until(
      'generation',
      async () =>
        (await client.get(`/api/items/${itemId}`)).json<{
          item: { status: string; currentVersionId: string | null };
        }>().item,
      (i) => i.status === 'ready' || i.status === 'failed',
    );
    expect(item.status).toBe('ready');
    const versionId = item.currentVersionId!;
    expect((await client.post(`/api/versions/${versionId}/review`, { action: 'submit' })).statusCode).toBe(
      200,
    );
    expect((await client.post(`/api/versions/${versionId}/review`, { action: 'approve' })).statusCode).toBe(
      200,
    );

    for (const c of connections) {
      const res = await client.post('/api/publications', {
        versionId,
        connectionId: c.id,
        options: OPTIONS[c.platform],
      });
      expect(res.statusCode, res.body).toBe(201);
      const id = res.json<{ publication: PublicationView }>().publication.id;
      const done = await until(
        `publishing to ${c.platform}`,
        async () => (await client.get(`/api/publications/${id}`)).json<PublicationView>(),
        (p) => ['published', 'failed'].includes(p.status),
      );
      expect([c.platform, done.status, done.error]).toEqual([c.platform, 'published', null]);
    }

    // A day on, on both sides: readings at 1 h and 24 h are due, and Instagram refreshes only day-old tokens.
    const day = 25 * 3_600_000;
    const moved = await fetch(`${standIns.sandbox}/__sandbox/clock/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ seconds: day / 1000 }),
    });
    expect(moved.status).toBe(200);
    clock.advance(day);
    const sweep = await t.container.stats.sweep();
    expect(sweep.calls).toBeGreaterThan(0);
    for (const c of connections) {
      // The day's move also made the scheduled refreshes due: one may hold the connection ('busy') a moment.
      const refreshed = await until(
        `refreshing ${c.platform}`,
        () => t.container.tokenRefresh.refresh(workspace.id, c.id),
        (r) => r !== 'busy',
      );
      expect([c.platform, refreshed]).toEqual([c.platform, 'refreshed']);
      const gone = await client.delete(`/api/connections/${c.id}`);
      // Instagram has no revoke endpoint: the person removes the app in Instagram.
      expect(gone.json()).toEqual({ deleted: true, revokedAtPlatform: c.platform !== 'instagram' });
    }

    // The recorder saw the flow (so the check below is not vacuous): each stand-in was reached.
    const reached = new Set(recorder.seen.filter((e) => e.via === 'fetch').map((e) => e.to));
    for (const origin of Object.values(standIns)) expect(reached).toContain(origin);
    const foreign = recorder.foreign(allowedOrigins(t.container.config));
    expect(foreign, `requests to hosts no setting names:\n${describeForeign(foreign)}`).toEqual([]);
  }, 180_000);
});

describe('the egress recorder', () => {
  let server: Server;
  let stray: string;
  beforeAll(async () => {
    server = createServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    stray = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

  it('catches fetch, node:http and a bare socket to a host no setting names', async () => {
    const recorder = new EgressRecorder().start();
    try {
      await (await fetch(`${stray}/by-fetch`)).text();
      await new Promise<void>((resolve, reject) =>
        get(`${stray}/by-http`, (res) => res.resume().on('end', resolve)).on('error', reject),
      );
      const url = new URL(stray);
      await new Promise<void>((resolve, reject) => {
        const socket = connect(Number(url.port), url.hostname, () => socket.end(resolve));
        socket.on('error', reject);
      });
    } finally {
      recorder.stop();
    }
    const endpoint = stray.slice('http://'.length);
    const foreign = recorder.foreign(['http://127.0.0.1:9']);
    expect(foreign).toEqual(
      expect.arrayContaining([
        { via: 'fetch', to: stray, path: '/by-fetch' },
        { via: 'http', to: stray, path: '/by-http' },
        { via: 'socket', to: endpoint },
      ]),
    );
    // fetch and node:http each opened a socket too, and a bare connect() one more.
    expect(foreign.filter((e) => e.via === 'socket')).toHaveLength(3);
    // Allowed, the same traffic passes, by origin and by host:port alike.
    expect(recorder.foreign([stray])).toEqual([]);
    // Stopped, it records nothing more.
    await (await fetch(`${stray}/after`)).text();
    expect(recorder.seen.some((e) => e.path === '/after')).toBe(false);
  });

  it('catches the product following a link a provider hands back to a host no setting names', async () => {
    // A stock provider whose search answer points its file at the stray server, as a real one points at its CDN.
    const api = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          videos: [
            {
              id: 1,
              user: { name: 'Someone' },
              video_files: [
                { id: 2, file_type: 'video/mp4', width: 1080, height: 1920, link: `${stray}/file.mp4` },
              ],
            },
          ],
        }),
      );
    });
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
    const address = api.address();
    const apiOrigin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const dir = mkdtempSync(join(tmpdir(), 'aif-egress-stock-'));
    const recorder = new EgressRecorder().start();
    try {
      const stock = new PexelsVisuals({ apiKey: 'k', baseUrl: apiOrigin, store: new LocalMediaStore(dir) });
      const input = {
        workspaceId: 'ws',
        brief: makeBrief(),
        beat: { text: 'Waves at dawn', visualCue: 'waves on the ocean' },
        beatIndex: 0,
        previous: null,
      };
      expect(await stock.choose(input)).toMatchObject({ kind: 'stock' });
    } finally {
      recorder.stop();
      await new Promise<void>((resolve) => api.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    }
    const foreign = recorder.foreign([apiOrigin]);
    expect(foreign.filter((e) => e.via === 'fetch')).toEqual([
      { via: 'fetch', to: stray, path: '/file.mp4' },
    ]);
    // (Its socket may be one fetch kept open from the case above, so the request channel is what names it here.)
  });
});
