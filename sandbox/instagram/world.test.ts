import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Publisher, startVideoServer } from './publishing-support.js';
import { connect, graph, json, startSandbox, type LocalServer, type TestSandbox } from './test-support.js';

const HOUR = 3_600_000;
const METRICS = 'views,reach,likes,comments,shares,saved,total_interactions,ig_reels_avg_watch_time';

let files: LocalServer;
beforeAll(async () => {
  files = await startVideoServer();
});
afterAll(async () => files.close());

let t: TestSandbox | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

type Metrics = Record<string, number>;

async function insights(app: TestSandbox['app'], mediaId: string, token: string): Promise<Metrics> {
  const body = json(
    await graph(app, 'GET', `/v25.0/${mediaId}/insights`, { metric: METRICS, access_token: token }),
  );
  const data = body.data as { name: string; values: { value: number }[] }[];
  return Object.fromEntries(data.map((d) => [d.name, d.values[0]?.value ?? -1]));
}

/** The account's media (id and UTC posting hour), up to 100. */
async function mediaOf(app: TestSandbox['app'], token: string): Promise<{ id: string; hour: number }[]> {
  const body = json(
    await graph(app, 'GET', '/v25.0/me/media', { fields: 'id,timestamp', limit: '100', access_token: token }),
  );
  return (body.data as { id: string; timestamp: string }[]).map((m) => ({
    id: m.id,
    hour: Number(m.timestamp.slice(11, 13)),
  }));
}

function patchWorld(app: TestSandbox['app'], patch: Record<string, unknown>) {
  return app.inject({ method: 'PATCH', url: '/__sandbox/world', payload: patch });
}

describe('the world shapes the numbers', () => {
  it('multiplies the views of Reels whose caption asks a question when that effect is planted, and only theirs', async () => {
    const p = await Publisher.start(files);
    t = p.t;
    const question = await p.createReel({ caption: 'Why do Reels loop forever?' });
    const statement = await p.createReel({ caption: 'Reels loop forever.' });
    p.advance(30_000);
    const ids = [question, statement];
    const published = await Promise.all(ids.map(async (c) => String(json(await p.publish(c)).id)));
    p.advance(48 * HOUR);
    const read = () => Promise.all(published.map((id) => insights(p.t.app, id, p.account.longToken)));
    const [askedBefore, toldBefore] = await read();
    const world = json(await p.t.app.inject('/__sandbox/world')) as { caption: Record<string, number> };
    const planted = (world.caption.question ?? 0) + Math.log(2);
    expect((await patchWorld(p.t.app, { caption: { question: planted } })).statusCode).toBe(200);
    const [askedAfter, toldAfter] = await read();
    // Twice the views (give or take the rounding down), and every counter follows.
    expect(Math.abs((askedAfter?.views ?? 0) - 2 * (askedBefore?.views ?? 0))).toBeLessThanOrEqual(2);
    expect(askedAfter?.likes).toBeGreaterThan(1.9 * (askedBefore?.likes ?? 0));
    expect(toldAfter).toEqual(toldBefore);
  });

  it('makes earlier posts in a favoured posting hour earn three times as much, and leaves the rest alone', async () => {
    t = await startSandbox({}, { seed: 11 });
    expect((await patchWorld(t.app, { historyVideos: 60 })).statusCode).toBe(200);
    const { longToken } = await connect(t.app);
    const media = await mediaOf(t.app, longToken);
    const before = await Promise.all(media.map((m) => insights(t!.app, m.id, longToken)));
    const world = json(await t.app.inject('/__sandbox/world')) as { postingHour: Record<string, number> };
    const planted = (world.postingHour['18-21'] ?? 0) + Math.log(3);
    await patchWorld(t.app, { postingHour: { ...world.postingHour, '18-21': planted } });
    const after = await Promise.all(media.map((m) => insights(t!.app, m.id, longToken)));
    const favoured = media.flatMap((m, i) => (m.hour >= 18 && m.hour < 21 ? [i] : []));
    expect(favoured.length).toBeGreaterThan(0);
    expect(favoured.length).toBeLessThan(media.length);
    media.forEach((_m, i) => {
      const was = before[i]?.views ?? 0;
      const now = after[i]?.views ?? 0;
      if (favoured.includes(i)) expect(Math.abs(now - 3 * was)).toBeLessThanOrEqual(3);
      else expect(now).toBe(was);
    });
  });

  it('gives identical numbers for the same seed and world, and different ones for another seed or noise', async () => {
    const run = async (seed: number, noiseSd?: number) => {
      const sandbox = await startSandbox({}, { seed });
      if (noiseSd !== undefined) await patchWorld(sandbox.app, { noiseSd });
      const { longToken } = await connect(sandbox.app);
      sandbox.sandbox.ctx.clock.advance(30 * HOUR);
      const media = await mediaOf(sandbox.app, longToken);
      const numbers = await Promise.all(media.map((m) => insights(sandbox.app, m.id, longToken)));
      await sandbox.close();
      return { ids: media.map((m) => m.id), numbers };
    };
    const first = await run(7);
    expect(first.ids).toHaveLength(24);
    expect(await run(7)).toEqual(first);
    const otherSeed = await run(8);
    expect(otherSeed.ids).not.toEqual(first.ids);
    const noisier = await run(7, 1.5);
    expect(noisier.ids).toEqual(first.ids);
    expect(noisier.numbers).not.toEqual(first.numbers);
  });

  it('keeps every counter of every earlier post monotone as the clock runs', async () => {
    t = await startSandbox();
    const { longToken } = await connect(t.app);
    const media = await mediaOf(t.app, longToken);
    let previous = await Promise.all(media.map((m) => insights(t!.app, m.id, longToken)));
    for (const step of [1, 6, 24, 48, 24 * 7, 24 * 28]) {
      t.sandbox.ctx.clock.advance(step * HOUR);
      const current = await Promise.all(media.map((m) => insights(t!.app, m.id, longToken)));
      current.forEach((metrics, i) => {
        for (const [name, value] of Object.entries(metrics)) {
          expect(value).toBeGreaterThanOrEqual(previous[i]?.[name] ?? Infinity);
        }
      });
      previous = current;
    }
  });
});
