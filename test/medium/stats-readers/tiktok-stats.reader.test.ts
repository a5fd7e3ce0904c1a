import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FaultKind } from '../../../sandbox/core/faults.js';
import { defaultSettings } from '../../../sandbox/core/settings.js';
import type { Sandbox } from '../../../sandbox/server.js';
import { fileSource, makeMp4 } from '../../../sandbox/tiktok/test-support.js';
import {
  NOT_PUBLIC_REASON,
  TiktokStatsReader,
} from '../../../src/adapters/platforms/tiktok/tiktok-stats.reader.js';
import { SANDBOX_APPS } from '../../../src/config/platforms.js';
import { TransientError, UserError } from '../../../src/domain/errors.js';
import type { AccountPost, PostReading } from '../../../src/ports/platform-stats.js';
import { rejection } from '../../fakes/rejection.js';
import { startSandboxHarness, type SandboxHarness } from '../../fakes/sandbox-harness.js';
import { sandboxTiktokToken } from '../../fakes/sandbox-tiktok-token.js';

const redirectUri = 'http://localhost:8080/oauth/tiktok/callback';
const PROCESSING_MS = 3000;
const MODERATION_MS = 5000;
const ACCOUNT = { externalAccountId: 'open-id-unused-by-tiktok' };

let harness: SandboxHarness;
let sandbox: Sandbox;
let reader: TiktokStatsReader;
let token: string;

const connect = () => sandboxTiktokToken(sandbox.baseUrls, redirectUri);

async function admin(method: 'POST' | 'PATCH' | 'GET', path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${harness.origin}/__sandbox${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return response.json();
}

async function tiktokApi(path: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${sandbox.baseUrls.TIKTOK_API_BASE_URL}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json; charset=UTF-8' },
    body: JSON.stringify(body),
  });
  return ((await response.json()) as { data: Record<string, unknown> }).data;
}

/**
 * A Direct Post of a 12 s MP4 straight through TikTok's API, uploaded in one chunk. Returns the id TikTok gives
 * the post (the sandbox's admin view shows it even while TikTok keeps it to itself: SELF_ONLY, in moderation).
 */
async function publish(privacy: 'PUBLIC_TO_EVERYONE' | 'SELF_ONLY', title: string): Promise<string> {
  const file = makeMp4({ durationSec: 12 });
  const init = await tiktokApi('/v2/post/publish/video/init/', {
    post_info: { privacy_level: privacy, title },
    source_info: fileSource(file.length),
  });
  const put = await fetch(String(init.upload_url), {
    method: 'PUT',
    headers: { 'content-type': 'video/mp4', 'content-range': `bytes 0-${file.length - 1}/${file.length}` },
    body: file,
  });
  expect(put.status).toBe(201);
  const { publishes } = (await admin('GET', '/tiktok/publishes')) as {
    publishes: { publish_id: string; post_id: string }[];
  };
  const postId = publishes.find((p) => p.publish_id === init.publish_id)?.post_id;
  if (!postId) throw new Error('the sandbox did not record the publish');
  return postId;
}

/** Every page of the account's earlier posts, as the import would walk them. */
async function listAll(): Promise<{ pages: AccountPost[][]; cursors: (string | null)[] }> {
  const pages: AccountPost[][] = [];
  const cursors: (string | null)[] = [];
  let cursor: string | null = null;
  do {
    const page = await reader.listPosts(token, ACCOUNT, cursor);
    pages.push(page.posts);
    cursors.push(page.nextCursor);
    cursor = page.nextCursor;
  } while (cursor !== null && pages.length < 20);
  return { pages, cursors };
}

function queryCalls() {
  return sandbox.ctx.requests.list({ platform: 'tiktok', pathIncludes: '/v2/video/query/' });
}

function inject(endpoint: string, fault: FaultKind): void {
  sandbox.ctx.faults.add('tiktok', endpoint, fault);
}

beforeEach(async () => {
  const defaults = defaultSettings();
  harness = await startSandboxHarness({
    platforms: ['tiktok'],
    settings: {
      apps: { ...defaults.apps, tiktok: { ...SANDBOX_APPS.tiktok, redirectUris: [redirectUri] } },
      autoConsent: 'public',
      tiktok: { ...defaults.tiktok, processingMs: PROCESSING_MS, moderationMs: MODERATION_MS },
    },
  });
  sandbox = harness.sandbox;
  reader = new TiktokStatsReader({
    baseUrls: sandbox.baseUrls,
    clock: { now: () => sandbox.ctx.clock.now() },
    timeoutMs: 5000,
  });
  token = await connect();
});

afterEach(async () => {
  await harness.close();
});

describe('TiktokStatsReader.readStats against the local TikTok sandbox', () => {
  it('reads the numbers of up to 20 public posts in exactly one video.query call', async () => {
    const earlier = (await listAll()).pages.flat();
    const asked = earlier.slice(0, 20).map((p) => p.platformPostId);
    sandbox.ctx.requests.clear();
    const readings = await reader.readStats(token, ACCOUNT, asked);
    expect(queryCalls()).toHaveLength(1);
    expect(queryCalls()[0]?.status).toBe(200);
    expect(readings.map((r) => r.platformPostId).sort()).toEqual([...asked].sort());
    for (const reading of readings) {
      expect(reading.state).toBe('ok');
      expect(reading.reason).toBeNull();
      // The same instant on the sandbox clock: the query and the listing agree on every counter.
      const listed = earlier.find((p) => p.platformPostId === reading.platformPostId);
      expect(reading.counters).toEqual(listed?.counters);
      expect(reading.counters?.views).toBeGreaterThan(0);
    }
  });

  it('a post published to everyone has numbers once moderation is over, and they grow with the clock', async () => {
    const postId = await publish('PUBLIC_TO_EVERYONE', 'Why do short videos win? #ai');
    sandbox.ctx.clock.advance(PROCESSING_MS + MODERATION_MS);
    const [first] = await reader.readStats(token, ACCOUNT, [postId]);
    expect(first).toMatchObject({ platformPostId: postId, state: 'ok', reason: null });
    sandbox.ctx.clock.advance(24 * 3_600_000);
    token = await connect(); // the access token lives 2 h; the sync refreshes it before reading
    const [later] = await reader.readStats(token, ACCOUNT, [postId]);
    expect(later?.counters?.views).toBeGreaterThan(first?.counters?.views ?? Infinity);
    expect(later?.counters?.likes).toBeGreaterThanOrEqual(first?.counters?.likes ?? Infinity);
  });

  it('posts TikTok does not show publicly are no_stats with a plain reason, never 0, in the same one call', async () => {
    const visible = await publish('PUBLIC_TO_EVERYONE', 'A public one');
    const takenDown = await publish('PUBLIC_TO_EVERYONE', 'One TikTok will take down');
    const selfOnly = await publish('SELF_ONLY', 'Only for me');
    sandbox.ctx.clock.advance(PROCESSING_MS + MODERATION_MS);
    const inModeration = await publish('PUBLIC_TO_EVERYONE', 'Still in moderation');
    expect((await reader.readStats(token, ACCOUNT, [takenDown]))[0]?.state).toBe('ok');
    await admin('POST', `/tiktok/posts/${takenDown}/takedown`);
    const unknown = '7000000000000000001';
    sandbox.ctx.requests.clear();

    const readings = await reader.readStats(token, ACCOUNT, [
      visible,
      takenDown,
      selfOnly,
      inModeration,
      unknown,
    ]);
    expect(queryCalls()).toHaveLength(1);
    const byId = new Map(readings.map((r): [string, PostReading] => [r.platformPostId, r]));
    expect(byId.size).toBe(5);
    expect(byId.get(visible)?.state).toBe('ok');
    for (const hidden of [takenDown, selfOnly, inModeration, unknown]) {
      expect(byId.get(hidden)).toEqual({
        platformPostId: hidden,
        state: 'no_stats',
        counters: null,
        reason: NOT_PUBLIC_REASON,
      });
    }

    // Once moderation is over, the same post has its numbers.
    sandbox.ctx.clock.advance(PROCESSING_MS + MODERATION_MS);
    expect((await reader.readStats(token, ACCOUNT, [inModeration]))[0]?.state).toBe('ok');
  });

  it('more than 20 ids: the sandbox refuses the call as TikTok does (invalid_params), nothing is made up', async () => {
    const earlier = (await listAll()).pages.flat();
    expect(earlier.length).toBeGreaterThanOrEqual(21);
    sandbox.ctx.requests.clear();
    const error = await rejection(
      reader.readStats(
        token,
        ACCOUNT,
        earlier.slice(0, 21).map((p) => p.platformPostId),
      ),
    );
    expect(error).toBeInstanceOf(UserError);
    expect(error).toMatchObject({ code: 'platform_refused' });
    expect(String((error as Error).message)).toContain('invalid_params');
    expect(queryCalls().map((c) => c.status)).toEqual([400]);
    expect(reader.maxIdsPerCall).toBe(20);
  });

  it('no ids: no call at all', async () => {
    sandbox.ctx.requests.clear();
    expect(await reader.readStats(token, ACCOUNT, [])).toEqual([]);
    expect(queryCalls()).toHaveLength(0);
  });

  it('past 600 calls a minute TikTok answers 429: a TransientError that waits the one-minute window out', async () => {
    const id = (await reader.listPosts(token, ACCOUNT, null)).posts[0]?.platformPostId ?? '';
    sandbox.ctx.settings.tiktok.rateLimits = { ...sandbox.ctx.settings.tiktok.rateLimits, display: 2 };
    await reader.readStats(token, ACCOUNT, [id]);
    await reader.readStats(token, ACCOUNT, [id]);
    const error = await rejection(reader.readStats(token, ACCOUNT, [id]));
    expect(error).toBeInstanceOf(TransientError);
    expect(error).toMatchObject({ code: 'platform_rate_limited', retryAfterMs: 60_000 });
    expect(queryCalls().at(-1)?.status).toBe(429);
    sandbox.ctx.clock.advance(60_001);
    expect((await reader.readStats(token, ACCOUNT, [id]))[0]?.state).toBe('ok');
  });

  it.each([
    ['a 503', { type: 'status', status: 503 }, 'platform_unavailable'],
    [
      'internal_error',
      { type: 'platform_error', code: 'internal_error', status: 500 },
      'platform_unavailable',
    ],
    ['a dropped connection', { type: 'drop' }, 'platform_unreachable'],
  ] as const)(
    '%s is a TransientError (%s), so the sync records the reading as missing',
    async (_, fault, code) => {
      inject('POST /v2/video/query/', fault);
      const error = await rejection(reader.readStats(token, ACCOUNT, ['7000000000000000001']));
      expect(error).toBeInstanceOf(TransientError);
      expect(error).toMatchObject({ code });
    },
  );

  it('a dead token (revoked on TikTok) is needs_reconnect for reading and listing', async () => {
    await admin('POST', '/tiktok/revoke', { persona: 'public' });
    for (const call of [
      reader.readStats(token, ACCOUNT, ['7000000000000000001']),
      reader.listPosts(token, ACCOUNT, null),
    ]) {
      const error = await rejection(call);
      expect(error).toBeInstanceOf(UserError);
      expect(error).toMatchObject({ code: 'needs_reconnect' });
    }
  });
});

describe('TiktokStatsReader.listPosts against the local TikTok sandbox', () => {
  it('pages every earlier post, 20 a call, newest first, with time, duration, caption, link and numbers', async () => {
    await admin('PATCH', '/world', { historyVideos: 45 });
    sandbox.ctx.requests.clear();
    const { pages, cursors } = await listAll();
    expect(pages.map((p) => p.length)).toEqual([20, 20, 5]);
    expect(cursors.at(-1)).toBeNull();
    expect(sandbox.ctx.requests.list({ platform: 'tiktok', pathIncludes: '/v2/video/list/' })).toHaveLength(
      3,
    );
    const posts = pages.flat();
    expect(new Set(posts.map((p) => p.platformPostId)).size).toBe(45);
    const times = posts.map((p) => Date.parse(p.publishedAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    for (const post of posts) {
      expect(post.platformPostId).toMatch(/^7\d{18}$/);
      expect(post.title.length).toBeGreaterThan(0);
      expect(post.url).toBe(`https://www.tiktok.com/@ai.factory/video/${post.platformPostId}`);
      expect(post.durationSec).toBeGreaterThanOrEqual(10);
      expect(post.counters?.views).toBeGreaterThan(0);
      expect(post.counters?.likes).toBeLessThan(post.counters?.views ?? 0);
      expect(post.counters?.extra).toEqual({});
    }
  });

  it('a post published to everyone comes first, with its caption, public time and duration', async () => {
    const postId = await publish('PUBLIC_TO_EVERYONE', 'Three tips for better hooks #ai');
    const hidden = await publish('SELF_ONLY', 'Only for me');
    sandbox.ctx.clock.advance(PROCESSING_MS + MODERATION_MS);
    const [first, second] = (await reader.listPosts(token, ACCOUNT, null)).posts;
    expect(first).toMatchObject({
      platformPostId: postId,
      title: 'Three tips for better hooks #ai',
      durationSec: 12,
    });
    expect(Date.parse(first?.publishedAt ?? '')).toBeLessThanOrEqual(sandbox.ctx.clock.now());
    expect(Date.parse(first?.publishedAt ?? '')).toBeGreaterThan(sandbox.ctx.clock.now() - 60_000);
    expect(second?.platformPostId).not.toBe(hidden);
    expect((await listAll()).pages.flat().map((p) => p.platformPostId)).not.toContain(hidden);
  });

  it('an account without earlier posts lists nothing and ends at once', async () => {
    await admin('PATCH', '/world', { historyVideos: 0 });
    expect(await reader.listPosts(token, ACCOUNT, null)).toEqual({ posts: [], nextCursor: null });
  });

  it('a 429 on the listing is a TransientError; a cursor the reader did not make is refused before any call', async () => {
    inject('POST /v2/video/list/', { type: 'status', status: 429 });
    expect(await rejection(reader.listPosts(token, ACCOUNT, null))).toMatchObject({
      name: 'TransientError',
      code: 'platform_rate_limited',
    });
    sandbox.ctx.requests.clear();
    expect(await rejection(reader.listPosts(token, ACCOUNT, 'page-2'))).toMatchObject({
      code: 'invalid_cursor',
    });
    expect(sandbox.ctx.requests.list({ platform: 'tiktok', pathIncludes: '/v2/video/' })).toHaveLength(0);
  });
});
