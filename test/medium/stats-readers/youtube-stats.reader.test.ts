import { createHash, randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { nextPacificMidnight } from '../../../src/adapters/platforms/youtube/pacific-time.js';
import { QUOTA_RESET_MARGIN_MS } from '../../../src/adapters/platforms/youtube/youtube-publish-errors.js';
import { YoutubeStatsReader } from '../../../src/adapters/platforms/youtube/youtube-stats.reader.js';
import { YoutubeConnector } from '../../../src/adapters/platforms/youtube/youtube.connector.js';
import { SANDBOX_APPS } from '../../../src/config/platforms.js';
import { BugError, TransientError, UserError } from '../../../src/domain/errors.js';
import type { AccountPost } from '../../../src/ports/platform-stats.js';
import {
  defaultSettings,
  type GoogleSettings,
  type PersonaId,
  type SandboxSettings,
} from '../../../sandbox/core/settings.js';
import { defaultWorld } from '../../../sandbox/core/world.js';
import { makeMp4 } from '../../../sandbox/tiktok/test-support.js';
import { FakeClock } from '../../fakes/fake-clock.js';
import { rejection } from '../../fakes/rejection.js';
import { startSandboxHarness, type SandboxHarness } from '../../fakes/sandbox-harness.js';

const REDIRECT_URI = 'http://localhost:8080/oauth/youtube/callback';
const HOUR = 3_600_000;
const ACCOUNT = { externalAccountId: 'UCsandbox' };
/** Shaped like a YouTube video id, and no video of the sandbox has it. */
const UNKNOWN_ID = 'zzzzzzzzzzz';

interface Env {
  harness: SandboxHarness;
  clock: FakeClock;
  reader: YoutubeStatsReader;
  /** A persona's access token, through the product's connector (auto-consent as that persona). */
  tokenOf(persona: PersonaId): Promise<string>;
}

const running: SandboxHarness[] = [];
afterEach(async () => {
  for (const harness of running.splice(0)) await harness.close();
});

/** The YouTube sandbox (videos processed at once) and a reader pointed at it. */
async function start(
  google: Partial<GoogleSettings> = {},
  settings: Partial<SandboxSettings> = {},
  timeoutMs?: number,
): Promise<Env> {
  const base = defaultSettings();
  const harness = await startSandboxHarness({
    platforms: ['youtube'],
    settings: {
      apps: { ...base.apps, google: { ...SANDBOX_APPS.youtube, redirectUris: [REDIRECT_URI] } },
      google: { ...base.google, processingMs: 0, ...google },
      ...settings,
    },
  });
  running.push(harness);
  const connector = new YoutubeConnector({
    baseUrls: harness.baseUrls,
    app: SANDBOX_APPS.youtube,
    redirectUri: REDIRECT_URI,
  });
  const tokenOf = async (persona: PersonaId): Promise<string> => {
    harness.sandbox.ctx.settings.autoConsent = persona;
    const verifier = randomBytes(48).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const consent = await fetch(
      connector.authorizeUrl({ state: 's', codeChallenge: challenge, forceConsent: false }),
      { redirect: 'manual' },
    );
    const callback = connector.parseCallback(
      Object.fromEntries(new URL(consent.headers.get('location') ?? '').searchParams),
    );
    if (!callback.ok) throw new Error(`consent failed: ${callback.error}`);
    return (await connector.exchangeCode({ code: callback.code, codeVerifier: verifier })).accessToken;
  };
  const clock = new FakeClock(harness.sandbox.ctx.clock.now());
  const reader = new YoutubeStatsReader({
    baseUrls: harness.baseUrls,
    clock,
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  });
  return { harness, clock, reader, tokenOf };
}

function api(env: Env, path: string, token: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${env.harness.baseUrls.YOUTUBE_API_BASE_URL}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) },
  });
}

/** Moves the sandbox clock and the product's clock on together; access tokens (1 h) expire on the way. */
function later(env: Env, hours: number): void {
  env.harness.sandbox.ctx.clock.advance(hours * HOUR);
  env.clock.advance(hours * HOUR);
}

/** Quota units the app has used today, from the sandbox's admin API: one per Data API call. */
async function unitsUsed(env: Env): Promise<number> {
  const res = await fetch(`${env.harness.origin}/__sandbox/youtube/quota`);
  return ((await res.json()) as { usage: { units: number } }).usage.units;
}

/** Uploads a clip of `durationSec` through a resumable session; returns the new video's id. */
async function upload(
  env: Env,
  token: string,
  options: { durationSec?: number; privacyStatus?: string; madeForKids?: boolean } = {},
): Promise<string> {
  const file = makeMp4({ durationSec: options.durationSec ?? 20, totalBytes: 8000 });
  const metadata = {
    snippet: { title: 'Three facts about octopuses', description: '', tags: [], categoryId: '22' },
    status: {
      privacyStatus: options.privacyStatus ?? 'public',
      selfDeclaredMadeForKids: options.madeForKids ?? false,
    },
  };
  const init = await api(env, '/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status', token, {
    method: 'POST',
    headers: {
      'content-type': 'application/json; charset=UTF-8',
      'x-upload-content-length': String(file.length),
      'x-upload-content-type': 'video/mp4',
    },
    body: JSON.stringify(metadata),
  });
  if (init.status !== 200) throw new Error(`init answered ${init.status}: ${await init.text()}`);
  const done = await fetch(init.headers.get('location') ?? '', {
    method: 'PUT',
    headers: { 'content-range': `bytes 0-${file.length - 1}/${file.length}`, 'content-type': 'video/mp4' },
    body: file,
  });
  if (done.status !== 201) throw new Error(`upload answered ${done.status}: ${await done.text()}`);
  return ((await done.json()) as { id: string }).id;
}

/** The raw `statistics` the sandbox serves for these ids right now, by id. */
async function rawStatistics(
  env: Env,
  token: string,
  ids: string[],
): Promise<Map<string, Record<string, string>>> {
  const res = await api(env, `/youtube/v3/videos?part=statistics&id=${ids.join(',')}`, token);
  const body = (await res.json()) as { items: { id: string; statistics: Record<string, string> }[] };
  return new Map(body.items.map((item) => [item.id, item.statistics]));
}

/** Every earlier post, page by page through listPosts. */
async function allPosts(
  env: Env,
  token: string,
): Promise<{ pages: AccountPost[][]; cursors: (string | null)[] }> {
  const pages: AccountPost[][] = [];
  const cursors: (string | null)[] = [];
  let cursor: string | null = null;
  do {
    const page = await env.reader.listPosts(token, ACCOUNT, cursor);
    pages.push(page.posts);
    cursors.push(page.nextCursor);
    cursor = page.nextCursor;
  } while (cursor !== null && pages.length < 20);
  return { pages, cursors };
}

describe('YoutubeStatsReader.readStats', () => {
  it('50 ids in one videos.list call of 1 unit: string counters become numbers; hidden likes are null, never 0', async () => {
    const env = await start({}, { world: { ...defaultWorld(), historyVideos: 60 } });
    const token = await env.tokenOf('public');
    const { posts } = await env.reader.listPosts(token, ACCOUNT, null);
    const ids = posts.map((post) => post.platformPostId);
    expect(ids).toHaveLength(50);
    const before = await rawStatistics(env, token, ids);
    const units = await unitsUsed(env);

    const readings = await env.reader.readStats(token, ACCOUNT, ids);

    expect(await unitsUsed(env)).toBe(units + 1);
    const after = await rawStatistics(env, token, ids);
    expect(readings.map((r) => r.platformPostId)).toEqual(ids);
    for (const reading of readings) {
      const was = before.get(reading.platformPostId) ?? {};
      const now = after.get(reading.platformPostId) ?? {};
      expect(reading.state).toBe('ok');
      expect(reading.reason).toBeNull();
      const counters = reading.counters;
      if (!counters) throw new Error('ok without counters');
      // The sandbox clock runs, so the reading lies between the numbers served just before and just after.
      expect(counters.views).toBeGreaterThanOrEqual(Number(was.viewCount));
      expect(counters.views).toBeLessThanOrEqual(Number(now.viewCount));
      expect(counters.views).toBeGreaterThan(0);
      expect(counters.shares).toBeNull();
      expect(counters.comments).toBeGreaterThanOrEqual(Number(was.commentCount));
      // The owner reads its own channel, so dislikes come along.
      expect(counters.extra.dislikes).toBeGreaterThanOrEqual(Number(was.dislikeCount));
      if (was.likeCount === undefined) expect(counters.likes).toBeNull();
      else expect(counters.likes).toBeGreaterThanOrEqual(Number(was.likeCount));
    }
    const hidden = readings.filter((r) => r.counters?.likes === null);
    expect(hidden.length).toBeGreaterThan(0);
    expect(hidden.length).toBeLessThan(readings.length);
  });

  it('a made-for-kids video has comments off: comments is null while views grow with the clock', async () => {
    const env = await start();
    const token = await env.tokenOf('public');
    const id = await upload(env, token, { madeForKids: true });
    later(env, 48);

    const [reading] = await env.reader.readStats(await env.tokenOf('public'), ACCOUNT, [id]);

    expect(reading?.state).toBe('ok');
    expect(reading?.counters?.comments).toBeNull();
    expect(reading?.counters?.views).toBeGreaterThan(0);
    expect(reading?.counters?.likes).toBeGreaterThan(0);
  });

  it('deleted, another channel’s private and unknown videos are no_stats with a plain reason; the rest of the call is ok', async () => {
    const env = await start();
    const othersToken = await env.tokenOf('private');
    const othersPrivate = await upload(env, othersToken, { privacyStatus: 'private' });
    const token = await env.tokenOf('public');
    const kept = await upload(env, token);
    const deleted = await upload(env, token);
    const gone = await fetch(`${env.harness.origin}/__sandbox/youtube/videos/${deleted}/delete`, {
      method: 'POST',
    });
    expect(gone.status).toBe(200);
    later(env, 6);
    const fresh = await env.tokenOf('public');
    const units = await unitsUsed(env);

    const readings = await env.reader.readStats(fresh, ACCOUNT, [deleted, kept, othersPrivate, UNKNOWN_ID]);

    expect(await unitsUsed(env)).toBe(units + 1);
    expect(readings.map((r) => [r.platformPostId, r.state])).toEqual([
      [deleted, 'no_stats'],
      [kept, 'ok'],
      [othersPrivate, 'no_stats'],
      [UNKNOWN_ID, 'no_stats'],
    ]);
    for (const reading of readings.filter((r) => r.state === 'no_stats')) {
      expect(reading.counters).toBeNull();
      expect(reading.reason).toMatch(/deleted|private/);
    }
    expect(readings[1]?.counters?.views).toBeGreaterThan(0);
  });

  it('no ids: no call at all', async () => {
    const env = await start();
    const token = await env.tokenOf('public');
    const units = await unitsUsed(env);
    expect(await env.reader.readStats(token, ACCOUNT, [])).toEqual([]);
    expect(await unitsUsed(env)).toBe(units);
  });

  it('more than 50 ids: the sandbox answers 400 invalidParameter, and the reader refuses before calling', async () => {
    const env = await start({}, { world: { ...defaultWorld(), historyVideos: 60 } });
    const token = await env.tokenOf('public');
    const first = await env.reader.listPosts(token, ACCOUNT, null);
    const second = await env.reader.listPosts(token, ACCOUNT, first.nextCursor);
    const ids = [...first.posts, ...second.posts].map((post) => post.platformPostId).slice(0, 51);
    expect(ids).toHaveLength(51);

    const direct = await api(env, `/youtube/v3/videos?part=statistics&id=${ids.join(',')}`, token);
    expect(direct.status).toBe(400);
    const body = (await direct.json()) as { error: { errors: { reason: string }[] } };
    expect(body.error.errors[0]?.reason).toBe('invalidParameter');

    const units = await unitsUsed(env);
    const refused = await rejection(env.reader.readStats(token, ACCOUNT, ids));
    expect(refused).toBeInstanceOf(BugError);
    expect(await unitsUsed(env)).toBe(units);
  });

  it('429 and 5xx are TransientError, and so is a timeout', async () => {
    const env = await start({}, {}, 300);
    const token = await env.tokenOf('public');
    const { posts } = await env.reader.listPosts(token, ACCOUNT, null);
    const ids = posts.slice(0, 3).map((post) => post.platformPostId);
    const faults = env.harness.sandbox.ctx.faults;

    faults.add('youtube', 'GET /youtube/v3/videos', { type: 'status', status: 429 });
    const limited = await rejection(env.reader.readStats(token, ACCOUNT, ids));
    expect(limited).toBeInstanceOf(TransientError);
    expect((limited as TransientError).code).toBe('platform_rate_limited');

    faults.add('youtube', 'GET /youtube/v3/videos', { type: 'status', status: 503 });
    const down = await rejection(env.reader.readStats(token, ACCOUNT, ids));
    expect((down as TransientError).code).toBe('platform_unavailable');

    faults.add('youtube', 'GET /youtube/v3/videos', { type: 'hang' });
    const hung = await rejection(env.reader.readStats(token, ACCOUNT, ids));
    expect(hung).toBeInstanceOf(TransientError);
    expect((hung as TransientError).code).toBe('platform_unreachable');

    // The faults are used up: the next call reads.
    const readings = await env.reader.readStats(token, ACCOUNT, ids);
    expect(readings.every((r) => r.state === 'ok')).toBe(true);
  });

  it('a spent daily quota (403 quotaExceeded) is a TransientError that waits for midnight Pacific time', async () => {
    // Granular mode: uploads have their own bucket, so the one unit of the day is the first read.
    const env = await start({ quotaMode: 'granular', dailyQuota: 1 });
    const token = await env.tokenOf('public');
    const id = await upload(env, token);
    expect(await unitsUsed(env)).toBe(0);
    const [first] = await env.reader.readStats(token, ACCOUNT, [id]);
    expect(first?.state).toBe('ok');

    const spent = await rejection(env.reader.readStats(token, ACCOUNT, [id]));

    expect(spent).toBeInstanceOf(TransientError);
    const error = spent as TransientError;
    expect(error.code).toBe('platform_quota_exceeded');
    expect(error.message).toMatch(/quota/);
    const now = env.clock.now();
    expect(error.retryAfterMs).toBe(nextPacificMidnight(now) + QUOTA_RESET_MARGIN_MS - now);
  });

  it('a revoked grant (401) is needs_reconnect, for readStats and listPosts alike', async () => {
    const env = await start();
    const token = await env.tokenOf('public');
    const { posts } = await env.reader.listPosts(token, ACCOUNT, null);
    const revoked = await fetch(`${env.harness.origin}/__sandbox/youtube/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ persona: 'public' }),
    });
    expect(revoked.status).toBe(200);

    for (const call of [
      env.reader.readStats(token, ACCOUNT, [posts[0]?.platformPostId ?? UNKNOWN_ID]),
      env.reader.listPosts(token, ACCOUNT, null),
    ]) {
      const error = await rejection(call);
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).code).toBe('needs_reconnect');
    }
  });
});

describe('YoutubeStatsReader.listPosts', () => {
  it('pages the uploads playlist by 50, newest first, with lengths and numbers: 3 calls, then 2 per page', async () => {
    const env = await start({}, { world: { ...defaultWorld(), historyVideos: 120, historyWeeks: 12 } });
    const uploaded = await upload(env, await env.tokenOf('public'), { durationSec: 42 });
    later(env, 2);
    const units = await unitsUsed(env);

    const { pages, cursors } = await allPosts(env, await env.tokenOf('public'));

    // channels + playlistItems + videos for the first page; playlistItems + videos for each next one.
    expect(await unitsUsed(env)).toBe(units + 3 + 2 + 2);
    expect(pages.map((page) => page.length)).toEqual([50, 50, 21]);
    expect(cursors.at(-1)).toBeNull();
    const posts = pages.flat();
    expect(new Set(posts.map((post) => post.platformPostId)).size).toBe(121);
    const times = posts.map((post) => Date.parse(post.publishedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(posts[0]).toMatchObject({
      platformPostId: uploaded,
      title: 'Three facts about octopuses',
      url: `https://youtube.com/shorts/${uploaded}`,
      durationSec: 42,
    });
    // Earlier posts span the configured 12 weeks before the sandbox started.
    const oldest = times.at(-1) ?? 0;
    expect(env.clock.now() - oldest).toBeGreaterThan(8 * 7 * 24 * HOUR);
    for (const post of posts) {
      expect(Number.isInteger(post.durationSec)).toBe(true);
      expect(post.durationSec).toBeGreaterThan(0);
      expect(post.counters?.views).toBeGreaterThan(0);
      expect(post.counters?.shares).toBeNull();
    }
  });

  it('a deleted earlier post is left out; a Google account without a channel gets no_channel', async () => {
    const env = await start();
    const token = await env.tokenOf('public');
    const { posts } = await env.reader.listPosts(token, ACCOUNT, null);
    expect(posts).toHaveLength(24);
    const removed = posts[5]?.platformPostId ?? '';
    await fetch(`${env.harness.origin}/__sandbox/youtube/videos/${removed}/delete`, { method: 'POST' });

    const again = await env.reader.listPosts(token, ACCOUNT, null);

    expect(again.posts.map((post) => post.platformPostId)).toEqual(
      posts.map((post) => post.platformPostId).filter((id) => id !== removed),
    );
    const noChannel = await rejection(env.reader.listPosts(await env.tokenOf('no-channel'), ACCOUNT, null));
    expect(noChannel).toBeInstanceOf(UserError);
    expect((noChannel as UserError).code).toBe('no_channel');
  });
});
