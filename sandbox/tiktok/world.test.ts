import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { captionFeatures, defaultWorld, type WorldSettings } from '../core/world.js';
import {
  apiCall,
  connect,
  type Envelope,
  fileSource,
  type Harness,
  makeMp4,
  startSandbox,
  type TokenBody,
  uploadFile,
} from './test-support.js';

/** The sandbox clock follows Date.now(), frozen here so two reads see the very same instant. */
const FROZEN_AT = Date.UTC(2026, 2, 10, 12, 0, 0);
const LN2 = Math.log(2);

let h: Harness;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(FROZEN_AT);
});
afterEach(async () => {
  await h.close();
  vi.useRealTimers();
});

interface Video {
  id: string;
  create_time: number;
  title: string;
  duration: number;
  view_count: number;
  like_count: number;
}
type ListData = Envelope<{ videos: Video[]; cursor: number; has_more: boolean }>;

const FIELDS = 'id,create_time,title,duration,view_count,like_count';

/** A world without planted effects or noise: each test plants the effect it checks. */
function flatWorld(): WorldSettings {
  return { ...defaultWorld(), duration: {}, postingHour: {}, weekday: {}, caption: {}, noiseSd: 0.5 };
}

async function page(on: Harness, token: TokenBody, cursor?: number): Promise<ListData['data']> {
  const body = { max_count: 20, ...(cursor === undefined ? {} : { cursor }) };
  return (
    await apiCall(on, 'POST', `/v2/video/list/?fields=${FIELDS}`, token.access_token, body)
  ).json<ListData>().data;
}

/** Every listed video, following the cursor. */
async function listAll(on: Harness, token: TokenBody): Promise<Video[]> {
  const videos: Video[] = [];
  let cursor: number | undefined;
  for (let i = 0; i < 100; i++) {
    const data = await page(on, token, cursor);
    videos.push(...data.videos);
    if (!data.has_more) return videos;
    cursor = data.cursor;
  }
  throw new Error('the listing never ended');
}

async function patchWorld(patch: Partial<WorldSettings>): Promise<void> {
  const res = await h.app.inject({ method: 'PATCH', url: '/__sandbox/world', payload: patch });
  expect(res.statusCode).toBe(200);
}

function blockOf(createTime: number): string {
  const hour = new Date(createTime * 1000).getUTCHours();
  const start = Math.floor(hour / 3) * 3;
  return `${String(start).padStart(2, '0')}-${String(start + 3).padStart(2, '0')}`;
}

/** Asserts that videos matching `affected` now have twice their views and the others exactly theirs. */
function expectDoubled(before: Video[], after: Video[], affected: (v: Video) => boolean): void {
  const byId = new Map(after.map((v) => [v.id, v]));
  const kinds = new Set<boolean>();
  for (const old of before) {
    const now = byId.get(old.id);
    expect(now).toBeDefined();
    const hit = affected(old);
    kinds.add(hit);
    // Counts are floored, so a doubled count may be one view off.
    if (hit) expect(Math.abs((now?.view_count ?? 0) - 2 * old.view_count)).toBeLessThanOrEqual(2);
    else expect(now?.view_count).toBe(old.view_count);
  }
  expect(kinds).toEqual(new Set([true, false]));
}

describe('The world shapes TikTok numbers', () => {
  it.each([
    [
      'a question caption',
      { caption: { question: LN2 } },
      (v: Video) => captionFeatures(v.title).includes('question'),
    ],
    ['a long video', { duration: { '61-90s': LN2 } }, (v: Video) => v.duration > 60],
    [
      'posting between 18 and 21 h',
      { postingHour: { '18-21': LN2 } },
      (v: Video) => blockOf(v.create_time) === '18-21',
    ],
    [
      'posting on a Tuesday',
      { weekday: { tue: LN2 } },
      (v: Video) => new Date(v.create_time * 1000).getUTCDay() === 2,
    ],
  ] as const)(
    'a planted effect on %s doubles exactly the matching earlier posts',
    async (_, patch, affected) => {
      h = await startSandbox();
      h.ctx.settings.world = { ...flatWorld(), historyVideos: 60 };
      const token = await connect(h);
      const before = await listAll(h, token);
      expect(before).toHaveLength(60);
      await patchWorld(patch);
      expectDoubled(before, await listAll(h, token), affected);
    },
  );

  it('a negative effect lowers the numbers; noise spreads videos the planted effects treat alike', async () => {
    h = await startSandbox();
    h.ctx.settings.world = { ...flatWorld(), noiseSd: 0 };
    const token = await connect(h);
    const flat = await listAll(h, token);
    await patchWorld({ duration: { '10-20s': -LN2 } });
    const lowered = await listAll(h, token);
    for (const [i, v] of lowered.entries()) {
      const old = flat[i] as Video;
      if (v.duration <= 20) expect(v.view_count).toBeLessThan(old.view_count);
      else expect(v.view_count).toBe(old.view_count);
    }
    // Without noise, videos of one age differ only by their base curve; with it they spread far wider.
    await patchWorld({ duration: {}, noiseSd: 1 });
    const noisy = await listAll(h, token);
    const spread = (videos: Video[]) => {
      const logs = videos.map((v) => Math.log(v.view_count));
      return Math.max(...logs) - Math.min(...logs);
    };
    expect(spread(noisy)).toBeGreaterThan(spread(flat) + 1);
  });

  it('the same seed gives the same numbers; another seed other ones', async () => {
    h = await startSandbox();
    const same = await startSandbox();
    const other = await startSandbox({ seed: 7 });
    try {
      const numbers = async (on: Harness) =>
        (await listAll(on, await connect(on))).map((v) => [v.id, v.view_count]);
      const first = await numbers(h);
      expect(first).toHaveLength(24);
      expect(await numbers(same)).toEqual(first);
      const otherNumbers = await numbers(other);
      expect(otherNumbers.map(([, views]) => views)).not.toEqual(first.map(([, views]) => views));
    } finally {
      await same.close();
      await other.close();
    }
  });

  it('counts never decrease as the clock runs, and likes follow views', async () => {
    h = await startSandbox();
    const token = await connect(h);
    let previous = await listAll(h, token);
    for (const hours of [1, 5, 18, 24, 120, 504]) {
      vi.setSystemTime(Date.now() + hours * 3600_000);
      const current = await listAll(h, await connect(h));
      for (const [i, v] of current.entries()) {
        expect(v.id).toBe(previous[i]?.id);
        expect(v.view_count).toBeGreaterThanOrEqual(previous[i]?.view_count ?? Infinity);
        expect(v.like_count).toBeGreaterThanOrEqual(previous[i]?.like_count ?? Infinity);
        expect(v.like_count).toBeLessThan(v.view_count);
      }
      previous = current;
    }
  });
});

describe('Posted videos are shaped by their probe duration, public time and caption', () => {
  /** A Direct Post to everyone of an MP4 of `durationSec`; returns its post id. */
  async function publish(token: TokenBody, title: string, durationSec: number): Promise<string> {
    const file = makeMp4({ durationSec });
    const init = await apiCall(h, 'POST', '/v2/post/publish/video/init/', token.access_token, {
      post_info: { privacy_level: 'PUBLIC_TO_EVERYONE', title },
      source_info: fileSource(file.length),
    });
    const data = init.json<Envelope<{ publish_id: string; upload_url: string }>>().data;
    await uploadFile(h, data.upload_url, file, file.length);
    const admin = await h.app.inject({ method: 'GET', url: '/__sandbox/tiktok/publishes' });
    const rows = admin.json<{ publishes: { publish_id: string; post_id: string }[] }>().publishes;
    return rows.find((r) => r.publish_id === data.publish_id)?.post_id ?? '';
  }

  it('doubles the one whose feature carries the planted effect', async () => {
    h = await startSandbox();
    h.ctx.settings.world = { ...flatWorld(), historyVideos: 0 };
    const token = await connect(h);
    const asking = await publish(token, 'Why do short videos win? #ai', 12);
    const telling = await publish(token, 'A plain caption', 70);
    vi.setSystemTime(Date.now() + 3 * 86400_000);
    const fresh = await connect(h);
    const before = await listAll(h, fresh);
    expect(before.map((v) => v.id).sort()).toEqual([asking, telling].sort());
    expect(Object.fromEntries(before.map((v) => [v.id, v.duration]))).toEqual({
      [asking]: 12,
      [telling]: 70,
    });
    await patchWorld({ caption: { question: LN2 } });
    expectDoubled(before, await listAll(h, fresh), (v) => v.id === asking);
    await patchWorld({ caption: {}, duration: { '61-90s': LN2 } });
    expectDoubled(before, await listAll(h, fresh), (v) => v.id === telling);
    // Both went public at the same hour: an effect on that hour doubles both.
    await patchWorld({ duration: {}, postingHour: { [blockOf(before[0]?.create_time ?? 0)]: LN2 } });
    const both = await listAll(h, fresh);
    for (const old of before) {
      const now = both.find((v) => v.id === old.id);
      expect(Math.abs((now?.view_count ?? 0) - 2 * old.view_count)).toBeLessThanOrEqual(2);
    }
  });
});
