import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectThroughConsent } from '../../fakes/connect-flow.js';
import { Client, startTestApp, type TestApp } from '../../fakes/test-app.js';
import { snapshot, trackedVideo } from '../../contract/store/analytics-fixtures.js';

interface ErrorReply {
  error: { code: string; message: string };
}

interface RecommendationsReply {
  cards: unknown[];
  nextVideo: unknown;
  observations: number;
  emptyReason: string | null;
}

/**
 * The recommendation routes over HTTP with the real store: who may ask, what bad input gets, and the empty state
 * of a workspace whose videos have no views yet (readings without numbers never count as views).
 */
describe('recommendations over HTTP', () => {
  let t: TestApp;
  let owner: Client;
  let viewer: Client;
  let stranger: Client;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp({}, { listen: true });
    owner = new Client(t.app, t.origin);
    ids.workspace = (await owner.signUp('reco-owner@example.com')).workspace.id;
    const inv = await owner.post('/api/invitations', { email: 'reco-viewer@example.com', role: 'viewer' });
    const token = new URL(inv.json<{ acceptUrl: string }>().acceptUrl).searchParams.get('token');
    viewer = new Client(t.app, t.origin);
    await viewer.signUp('reco-viewer@example.com');
    expect((await viewer.post('/api/invitations/accept', { token })).statusCode).toBe(200);
    stranger = new Client(t.app, t.origin);
    await stranger.signUp('reco-stranger@example.com');

    await connectThroughConsent(t, owner, 'tiktok');
    ids.connection = (await owner.get('/api/connections')).json<{ items: { id: string }[] }>().items[0]!.id;
    // Twelve videos, every reading of them without numbers (private posts, a failed call).
    for (let i = 0; i < 12; i++) {
      const video = await t.container.store.trackedVideos.create(
        trackedVideo(ids.workspace, { connectionId: ids.connection, platformPostId: `post-${i}` }),
      );
      await t.container.store.snapshots.append([
        snapshot(video, 24, null, { state: i % 2 ? 'no_stats' : 'missing' }),
      ]);
    }
  });
  afterAll(async () => t.close());

  it('answers the empty state, with what to do, while no video has views', async () => {
    for (const url of [
      '/api/analytics/recommendations',
      `/api/analytics/recommendations?connectionId=${ids.connection}`,
    ]) {
      const res = await viewer.get(url);
      expect(res.statusCode).toBe(200);
      const view = res.json<RecommendationsReply>();
      expect(view).toMatchObject({ cards: [], nextVideo: null, observations: 0 });
      expect(view.emptyReason).toMatch(/Recommendations start once 10 videos have views; 0 videos have/);
      expect(view.emptyReason).toMatch(/Connect your accounts/);
    }
  });

  it('refuses next briefs while there is too little to learn from (409), and to a viewer (403)', async () => {
    const early = await owner.post('/api/analytics/next-briefs', { count: 3 });
    expect([early.statusCode, early.json<ErrorReply>().error.code]).toEqual([409, 'not_enough_videos']);
    const asViewer = await viewer.post('/api/analytics/next-briefs', { count: 3 });
    expect([asViewer.statusCode, asViewer.json<ErrorReply>().error.code]).toEqual([403, 'forbidden']);
  });

  it('refuses a pin no brief can set, or a level outside its choices, with 400 invalid_pin', async () => {
    for (const pinned of [{ topic: 'coffee' }, { hookStyle: 'shouting' }, { duration: '5-9s' }]) {
      const res = await owner.post('/api/analytics/next-briefs', { count: 1, pinned });
      expect([res.statusCode, res.json<ErrorReply>().error.code]).toEqual([400, 'invalid_pin']);
    }
  });

  it('answers 400 to bad input, never a 500', async () => {
    const bad = [
      await owner.get('/api/analytics/recommendations?color=red'),
      await owner.post('/api/analytics/next-briefs', { count: 0 }),
      await owner.post('/api/analytics/next-briefs', { count: 51 }),
      await owner.post('/api/analytics/next-briefs', { count: 2, pinned: { hookStyle: 3 } }),
      await owner.post('/api/analytics/next-briefs', { count: 2, extra: true }),
    ];
    expect(bad.map((r) => r.statusCode)).toEqual([400, 400, 400, 400, 400]);
  });

  it('answers 404 for an account of another workspace, and 401 to nobody', async () => {
    const url = `/api/analytics/recommendations?connectionId=${ids.connection}`;
    const foreign = await stranger.get(url);
    expect([foreign.statusCode, foreign.json<ErrorReply>().error.code]).toEqual([
      404,
      'connection_not_found',
    ]);
    expect(foreign.body).not.toContain('reco-owner');
    const briefs = await stranger.post('/api/analytics/next-briefs', {
      count: 1,
      connectionId: ids.connection,
    });
    expect(briefs.statusCode).toBe(404);
    expect((await new Client(t.app, t.origin).get(url)).statusCode).toBe(401);
  });
});
