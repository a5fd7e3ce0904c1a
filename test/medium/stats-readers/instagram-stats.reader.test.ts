import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../sandbox/core/settings.js';
import { mp4File, startLocalServer, type LocalServer } from '../../../sandbox/instagram/test-support.js';
import type { Sandbox } from '../../../sandbox/server.js';
import { InstagramConnector } from '../../../src/adapters/platforms/instagram/instagram.connector.js';
import { InstagramStatsReader } from '../../../src/adapters/platforms/instagram/instagram-stats.reader.js';
import { SANDBOX_APPS } from '../../../src/config/platforms.js';
import { BugError, TransientError, UserError } from '../../../src/domain/errors.js';
import type { AccountPost } from '../../../src/ports/platform-stats.js';
import { rejection } from '../../fakes/rejection.js';
import { startSandboxHarness, type SandboxHarness } from '../../fakes/sandbox-harness.js';

const REDIRECT_URI = 'http://localhost:8080/oauth/instagram/callback';
const HOUR = 3_600_000;
const INSIGHTS = 'GET /:version/:node/insights';
const METRICS = 'views,reach,likes,comments,shares,saved,total_interactions,ig_reels_avg_watch_time';

let harness: SandboxHarness;
let sandbox: Sandbox;
let files: LocalServer;
let connector: InstagramConnector;
let reader: InstagramStatsReader;
let token: string;
let account: { externalAccountId: string };

beforeAll(async () => {
  files = await startLocalServer({ '/reel.mp4': { body: mp4File(20_000) } });
  harness = await startSandboxHarness({
    platforms: ['instagram'],
    settings: {
      apps: {
        ...defaultSettings().apps,
        instagram: { ...SANDBOX_APPS.instagram, redirectUris: [REDIRECT_URI] },
      },
      autoConsent: 'public',
      instagram: { ...defaultSettings().instagram, containerProcessingMs: 0 },
    },
  });
  sandbox = harness.sandbox;
  connector = new InstagramConnector({
    baseUrls: sandbox.baseUrls,
    app: SANDBOX_APPS.instagram,
    redirectUri: REDIRECT_URI,
  });
  reader = new InstagramStatsReader({ baseUrls: sandbox.baseUrls, clock: sandbox.ctx.clock, timeoutMs: 500 });
});

afterAll(async () => {
  await harness.close();
  await files.close();
});

beforeEach(async () => {
  sandbox.ctx.faults.clear();
  sandbox.ctx.settings.instagram.insightsDelayMs = 0;
  token = await connect();
  account = { externalAccountId: (await connector.fetchProfile(token)).externalAccountId };
});

async function connect(): Promise<string> {
  const authorize = connector.authorizeUrl({ state: 's', codeChallenge: null, forceConsent: false });
  const consent = await fetch(authorize, { redirect: 'manual' });
  const callback = connector.parseCallback(
    Object.fromEntries(new URL(consent.headers.get('location') ?? '').searchParams),
  );
  if (!callback.ok) throw new Error(`consent failed: ${callback.error}`);
  return (await connector.exchangeCode({ code: callback.code, codeVerifier: null })).accessToken;
}

/** A direct Graph call on the sandbox, as Instagram's own tools would make it. */
async function graph(method: 'GET' | 'POST', path: string, params: Record<string, string>) {
  const base = `${sandbox.baseUrls.INSTAGRAM_GRAPH_BASE_URL}/v25.0${path}`;
  const body = new URLSearchParams({ access_token: token, ...params });
  const response =
    method === 'GET' ? await fetch(`${base}?${body.toString()}`) : await fetch(base, { method, body });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Publishes a Reel through the sandbox's Graph API and returns its media id. */
async function publishReel(caption: string): Promise<string> {
  const container = await graph('POST', `/${account.externalAccountId}/media`, {
    media_type: 'REELS',
    video_url: files.url('/reel.mp4'),
    caption,
  });
  const published = await graph('POST', `/${account.externalAccountId}/media_publish`, {
    creation_id: String(container.body.id),
  });
  if (published.status !== 200) throw new Error(`publish answered ${JSON.stringify(published.body)}`);
  return String(published.body.id);
}

async function setInsightsMode(mediaId: string, mode: string): Promise<void> {
  const response = await fetch(`${harness.origin}/__sandbox/instagram/media/${mediaId}/insights-mode`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ mode }),
  });
  expect(response.status).toBe(200);
}

const insightsCalls = () => sandbox.ctx.requests.list({ platform: 'instagram', pathIncludes: '/insights' });

async function allPosts(): Promise<{ posts: AccountPost[]; pages: number }> {
  const posts: AccountPost[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await reader.listPosts(token, account, cursor);
    posts.push(...page.posts);
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor !== null && pages < 20);
  return { posts, pages };
}

describe('InstagramStatsReader against the local sandbox', () => {
  it('reads a Reel in exactly one insights call with the current metric names, counters as Instagram says', async () => {
    const mediaId = await publishReel('Why do Reels loop?');
    sandbox.ctx.clock.advance(24 * HOUR);
    const before = insightsCalls().length;
    const [reading, ...rest] = await reader.readStats(token, account, [mediaId]);
    expect(rest).toEqual([]);
    const calls = insightsCalls().slice(before);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.query.metric).toBe(METRICS);
    expect(calls[0]?.status).toBe(200);

    const direct = await graph('GET', `/${mediaId}/insights`, { metric: METRICS });
    const value = (name: string) =>
      (direct.body.data as { name: string; values: { value: number }[] }[]).find((d) => d.name === name)
        ?.values[0]?.value;
    expect(reading).toEqual({
      platformPostId: mediaId,
      state: 'ok',
      reason: null,
      counters: {
        views: value('views'),
        likes: value('likes'),
        comments: value('comments'),
        shares: value('shares'),
        extra: {
          reach: value('reach'),
          saved: value('saved'),
          totalInteractions: value('total_interactions'),
          avgWatchTimeMs: value('ig_reels_avg_watch_time'),
        },
      },
    });
    expect(reading?.counters?.views).toBeGreaterThan(0);
  });

  it('asks only for metric names Instagram still accepts (a retired one fails the whole call with 100)', async () => {
    const mediaId = await publishReel('Metric names');
    for (const retired of ['plays', 'impressions', 'video_views']) {
      const refused = await graph('GET', `/${mediaId}/insights`, { metric: `${METRICS},${retired}` });
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatchObject({ code: 100 });
    }
    expect((await reader.readStats(token, account, [mediaId]))[0]?.state).toBe('ok');
  });

  it('reads an empty set as lagging (insights up to 48 h late), never as 0, then the numbers once they come', async () => {
    sandbox.ctx.settings.instagram.insightsDelayMs = 48 * HOUR;
    const mediaId = await publishReel('Late numbers');
    sandbox.ctx.clock.advance(6 * HOUR);
    expect(await reader.readStats(token, account, [mediaId])).toEqual([
      {
        platformPostId: mediaId,
        state: 'lagging',
        counters: null,
        reason: expect.stringContaining('48 hours') as unknown,
      },
    ]);
    sandbox.ctx.clock.advance(42 * HOUR);
    const [later] = await reader.readStats(token, account, [mediaId]);
    expect(later?.state).toBe('ok');
    expect(later?.counters?.views).toBeGreaterThan(0);

    const empty = await publishReel('Forced empty');
    await setInsightsMode(empty, 'empty');
    expect((await reader.readStats(token, account, [empty]))[0]).toMatchObject({
      state: 'lagging',
      counters: null,
    });
  });

  it('reads "(#10) Not enough viewers" as no_stats, not as a lost permission', async () => {
    const mediaId = await publishReel('Few viewers');
    await setInsightsMode(mediaId, 'not-enough-viewers');
    expect(await reader.readStats(token, account, [mediaId])).toEqual([
      {
        platformPostId: mediaId,
        state: 'no_stats',
        counters: null,
        reason: expect.stringContaining('too few viewers') as unknown,
      },
    ]);
    // The same code without that wording is a missing permission: reconnect.
    sandbox.ctx.faults.add('instagram', INSIGHTS, { type: 'platform_error', code: 10, status: 403 }, 1);
    const error = await rejection(reader.readStats(token, account, [mediaId]));
    expect(error).toBeInstanceOf(UserError);
    expect(error).toMatchObject({ code: 'needs_reconnect' });
  });

  it('reads a media Instagram does not know (deleted, another account) as missing', async () => {
    const [reading] = await reader.readStats(token, account, ['17960000000000001']);
    expect(reading).toMatchObject({ platformPostId: '17960000000000001', state: 'missing', counters: null });
  });

  it('sends one media per call: more ids are refused before any call, and the sandbox refuses them too', async () => {
    const a = await publishReel('First of two');
    const b = await publishReel('Second of two');
    const before = insightsCalls().length;
    expect(await rejection(reader.readStats(token, account, [a, b]))).toBeInstanceOf(BugError);
    expect(await rejection(reader.readStats(token, account, []))).toBeInstanceOf(BugError);
    expect(insightsCalls().length).toBe(before);
    const both = await graph('GET', `/${a},${b}/insights`, { metric: METRICS });
    expect(both.status).toBe(400);
    expect(both.body.error).toMatchObject({ code: 100, error_subcode: 33 });
  });

  it('throws TransientError for 429, 5xx, the rate-limit codes and timeouts', async () => {
    const mediaId = await publishReel('Busy Instagram');
    const faults = [
      { type: 'status' as const, status: 429 },
      { type: 'status' as const, status: 503 },
      ...[4, 17, 32, 613, 80002].map((code) => ({ type: 'platform_error' as const, code, status: 400 })),
      { type: 'hang' as const },
    ];
    for (const fault of faults) {
      sandbox.ctx.faults.add('instagram', INSIGHTS, fault, 1);
      const error = await rejection(reader.readStats(token, account, [mediaId]));
      expect(error, JSON.stringify(fault)).toBeInstanceOf(TransientError);
    }
    sandbox.ctx.faults.add('instagram', INSIGHTS, { type: 'status', status: 429 }, 1);
    expect(await rejection(reader.readStats(token, account, [mediaId]))).toMatchObject({
      code: 'platform_rate_limited',
    });
    expect((await reader.readStats(token, account, [mediaId]))[0]?.state).toBe('ok');
  });

  it('asks for a reconnect when the token is dead (app removed on Instagram, or garbage)', async () => {
    const mediaId = await publishReel('Dead token');
    expect(await rejection(reader.readStats('IGAAnot-a-token', account, [mediaId]))).toMatchObject({
      code: 'needs_reconnect',
    });
    const removed = await fetch(`${harness.origin}/__sandbox/instagram/remove-app`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: 'public' }),
    });
    expect(removed.status).toBe(200);
    for (const call of [
      reader.readStats(token, account, [mediaId]),
      reader.listPosts(token, account, null),
    ]) {
      const error = await rejection(call);
      expect(error).toBeInstanceOf(UserError);
      expect(error).toMatchObject({ code: 'needs_reconnect' });
    }
  });

  it('pages through the earlier posts newest first, without numbers or duration, until Graph has no next page', async () => {
    const reel = await publishReel('The newest Reel');
    sandbox.ctx.clock.advance(HOUR);
    const before = sandbox.ctx.requests.list({ platform: 'instagram', pathIncludes: '/media' }).length;
    const { posts, pages } = await allPosts();
    const calls = sandbox.ctx.requests
      .list({ platform: 'instagram', pathIncludes: '/media' })
      .slice(before)
      .filter((r) => r.method === 'GET');
    const state = (await (await fetch(`${harness.origin}/__sandbox/instagram/state`)).json()) as {
      media: unknown[];
    };
    // Every Reel published in this file plus the account's 24 earlier posts, 25 a page.
    const expected = state.media.length + 24;
    expect(expected).toBeGreaterThan(25);
    expect(posts).toHaveLength(expected);
    expect(pages).toBe(Math.ceil(expected / 25));
    expect(calls).toHaveLength(pages);
    expect(calls[0]?.query).toMatchObject({
      fields: 'id,caption,media_type,media_product_type,timestamp,permalink',
      limit: '25',
    });
    expect(new Set(posts.map((p) => p.platformPostId)).size).toBe(posts.length);
    expect(posts[0]).toMatchObject({ platformPostId: reel, title: 'The newest Reel', durationSec: null });
    const times = posts.map((p) => Date.parse(p.publishedAt));
    expect(times).toEqual([...times].sort((x, y) => y - x));
    for (const post of posts) {
      expect(post).toMatchObject({ durationSec: null, counters: null });
      expect(post.url).toMatch(/^https:\/\/www\.instagram\.com\/reel\//);
      expect(post.publishedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
    }
    // The numbers of an earlier post come from its insights, like any Reel's.
    const earliest = posts[posts.length - 1]?.platformPostId ?? '';
    expect((await reader.readStats(token, account, [earliest]))[0]?.state).toBe('ok');
  });
});
