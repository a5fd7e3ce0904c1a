import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PersonaId } from '../core/settings.js';
import { defaultWorld, type WorldSettings } from '../core/world.js';
import { makeMp4 } from '../tiktok/test-support.js';
import {
  apiGet,
  connect,
  startSandbox,
  uploadVideo,
  VALID_METADATA,
  type RunningSandbox,
} from './test-support.js';
import type { Video } from './video-model.js';
import { videoCountsAt, videoStateAt } from './video-state.js';

let sb: RunningSandbox | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await sb?.close();
  sb = undefined;
});

const HOUR = 3_600_000;

/** A world with no effect and no noise, plus the given planted effects. */
function plainWorld(overrides: Partial<WorldSettings> = {}): WorldSettings {
  return {
    ...defaultWorld(),
    duration: {},
    postingHour: {},
    weekday: {},
    caption: {},
    noiseSd: 0,
    ...overrides,
  };
}

interface Listed {
  id: string;
  statistics: { viewCount: string; likeCount?: string };
  contentDetails: { duration: string };
}

async function listed(persona: PersonaId, ids: string[]): Promise<Listed[]> {
  if (!sb) throw new Error('no sandbox');
  const { access_token } = await connect(sb, persona);
  const res = await apiGet(
    sb,
    `/youtube/v3/videos?part=statistics,contentDetails&id=${ids.join(',')}`,
    access_token,
  );
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: Listed[] }).items;
}

/** Uploads each clip (a title and a length) at the same instant and returns the views of each after `hours`. */
async function viewsAfter(
  hours: number,
  clips: { title: string; durationSec: number }[],
): Promise<{ views: number[]; durations: string[] }> {
  if (!sb) throw new Error('no sandbox');
  const { access_token } = await connect(sb);
  const ids: string[] = [];
  for (const clip of clips) {
    const metadata = { ...VALID_METADATA, snippet: { ...VALID_METADATA.snippet, title: clip.title } };
    const file = makeMp4({ durationSec: clip.durationSec, totalBytes: 8000 });
    ids.push((await uploadVideo(sb, access_token, file, metadata)).id);
  }
  sb.ctx.clock.advance(hours * HOUR);
  const items = await listed('private', ids);
  return {
    views: ids.map((id) => Number(items.find((i) => i.id === id)?.statistics.viewCount)),
    durations: ids.map((id) => items.find((i) => i.id === id)?.contentDetails.duration ?? ''),
  };
}

describe('the world shapes YouTube’s counters', () => {
  it('a caption effect: a title that asks a question earns the planted multiple of views', async () => {
    sb = await startSandbox({}, { world: plainWorld({ caption: { question: Math.log(2) } }) });
    const { views } = await viewsAfter(48, [
      { title: 'Why do octopuses have three hearts?', durationSec: 30 },
      { title: 'Octopuses have three hearts', durationSec: 30 },
    ]);
    const [asks = 0, tells = 0] = views;
    expect(tells).toBeGreaterThan(100);
    expect(asks / tells).toBeCloseTo(2, 2);
  });

  it('a duration effect, with the length read from the uploaded file (contentDetails.duration)', async () => {
    sb = await startSandbox(
      {},
      { world: plainWorld({ duration: { '10-20s': Math.log(3), '61-90s': -0.5 } }) },
    );
    const { views, durations } = await viewsAfter(24, [
      { title: 'Short one', durationSec: 15 },
      { title: 'Middle one', durationSec: 45 },
      { title: 'Long one', durationSec: 75 },
    ]);
    expect(durations).toEqual(['PT15S', 'PT45S', 'PT1M15S']);
    const [short = 0, middle = 0, long = 0] = views;
    expect(short / middle).toBeCloseTo(3, 2);
    expect(long / middle).toBeCloseTo(Math.exp(-0.5), 2);
  });

  it('no planted effect and no noise: every video follows the same curve', async () => {
    sb = await startSandbox({}, { world: plainWorld() });
    const { views } = await viewsAfter(30, [
      { title: 'Why is the sky blue?', durationSec: 12 },
      { title: 'Three facts about 7 seas #a #b #c', durationSec: 88 },
    ]);
    expect(views[0]).toBe(views[1]);
  });

  it('posting hour and weekday effects read the posting time in the world’s time zone', () => {
    const world = plainWorld({
      postingHour: { '18-21': Math.log(2) },
      weekday: { sat: -Math.log(2) },
      timeZone: 'America/New_York',
    });
    // 2026-03-04 is a Wednesday; 23:30 UTC is 18:30 in New York (EST).
    const wednesdayEvening = Date.parse('2026-03-04T23:30:00Z');
    const wednesdayMorning = Date.parse('2026-03-04T14:30:00Z');
    const saturdayMorning = Date.parse('2026-03-07T14:30:00Z');
    const at = (uploadedAt: number): number =>
      countsAt(video('same-key', uploadedAt), uploadedAt + 72 * HOUR, { seed: 1, world }).views;
    expect(at(wednesdayEvening) / at(wednesdayMorning)).toBeCloseTo(2, 2);
    expect(at(saturdayMorning) / at(wednesdayMorning)).toBeCloseTo(0.5, 2);
  });

  it('counters never decrease with the clock, and only grow while others can watch', () => {
    const world = defaultWorld();
    const clip = video('growth', 0);
    let previous = { views: 0, likes: 0, comments: 0 };
    for (let hour = 0; hour <= 2160; hour += 13) {
      const counts = countsAt(clip, hour * HOUR, { seed: 42, world });
      expect(counts.views).toBeGreaterThanOrEqual(previous.views);
      expect(counts.likes).toBeGreaterThanOrEqual(previous.likes);
      expect(counts.comments).toBeGreaterThanOrEqual(previous.comments);
      previous = counts;
    }
    expect(previous.views).toBeGreaterThan(0);
  });

  it('after the first week views grow only slowly, so an earlier post’s age does not swamp the planted effects', () => {
    const world = plainWorld();
    const clip = video('tail', 0);
    const at7d = countsAt(clip, 168 * HOUR, { seed: 42, world }).views;
    // 12 weeks: a few percent a week (the product's growth curve expects views to flatten after 7 days).
    const at12w = countsAt(clip, 12 * 168 * HOUR, { seed: 42, world }).views;
    expect(at12w).toBeGreaterThan(at7d);
    expect(at12w / at7d).toBeLessThan(1.5);
  });

  it('the same seed gives the same numbers; another seed draws other noise', () => {
    const world = defaultWorld();
    const views = (seed: number, key: string): number =>
      countsAt(video(key, 0), 100 * HOUR, { seed, world }).views;
    const keys = ['a', 'b', 'c', 'd', 'e', 'f'];
    expect(keys.map((k) => views(42, k))).toEqual(keys.map((k) => views(42, k)));
    expect(keys.map((k) => views(43, k))).not.toEqual(keys.map((k) => views(42, k)));
    // The noise spreads identical videos apart (noiseSd 0.5).
    expect(new Set(keys.map((k) => views(42, k))).size).toBe(keys.length);
  });

  it('two sandboxes with the same seed at the same instant answer the same earlier posts and numbers', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2026-05-01T12:00:00Z') });
    const snapshot = async (seed: number): Promise<Listed[]> => {
      sb = await startSandbox({}, { seed });
      const { access_token } = await connect(sb, 'public');
      const channel = (await (
        await apiGet(sb, '/youtube/v3/channels?part=contentDetails&mine=true', access_token)
      ).json()) as { items: { contentDetails: { relatedPlaylists: { uploads: string } } }[] };
      const playlist = channel.items[0]?.contentDetails.relatedPlaylists.uploads ?? '';
      const page = (await (
        await apiGet(
          sb,
          `/youtube/v3/playlistItems?part=contentDetails&playlistId=${playlist}&maxResults=50`,
          access_token,
        )
      ).json()) as { items: { contentDetails: { videoId: string } }[] };
      sb.ctx.clock.advance(30 * HOUR);
      const items = await listed(
        'public',
        page.items.map((i) => i.contentDetails.videoId),
      );
      await sb.close();
      sb = undefined;
      return items;
    };
    const first = await snapshot(7);
    expect(first).toHaveLength(24);
    expect(await snapshot(7)).toEqual(first);
    const other = await snapshot(8);
    expect(other.map((i) => i.id)).not.toEqual(first.map((i) => i.id));
  });
});

function video(key: string, uploadedAt: number): Video {
  return {
    id: key,
    channelId: 'UCx',
    channelTitle: 'x',
    owner: 'public',
    metadata: {
      snippet: { title: 'A clip', description: '', tags: [], categoryId: '22' },
      status: {
        privacyStatus: 'public',
        publishAt: null,
        selfDeclaredMadeForKids: false,
        embeddable: true,
        license: 'youtube',
        publicStatsViewable: true,
        containsSyntheticMedia: true,
      },
    },
    uploadedAt,
    bytes: 1,
    outcome: { uploadStatus: 'processed' },
    deleted: false,
    durationSec: 30,
    likesHidden: false,
    audienceKey: `youtube:${key}`,
  };
}

function countsAt(
  clip: Video,
  now: number,
  audience: { seed: number; world: WorldSettings },
): ReturnType<typeof videoCountsAt> {
  return videoCountsAt(clip, videoStateAt(clip, now, 1000), now, audience);
}
