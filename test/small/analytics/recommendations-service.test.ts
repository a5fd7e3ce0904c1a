import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { StatsSnapshot } from '../../../src/domain/analytics/stats.js';
import type { Role } from '../../../src/domain/roles.js';
import type {
  FactorRecommendation,
  LearningModel,
  Observation,
  PriorFromOtherAccounts,
} from '../../../src/domain/learning/index.js';
import type { AuthContext } from '../../../src/services/auth-context.js';
import { RecommendationsService } from '../../../src/services/analytics/recommendations.service.js';
import { analyticsReadingStore } from '../../fakes/analytics-reading-store.js';
import { FakeClock } from '../../fakes/fake-clock.js';
import { plantWorld } from '../../fakes/planted-world.js';

// The service's own work (reading the store, caching fits, labels, the dotplot, pins) is checked here against
// a scripted model that records what it was given; the real model's answers are checked in the world test.
interface ScriptedModel extends Pick<LearningModel, 'observationCount' | 'levels'> {
  observations: Observation[];
  prior: PriorFromOtherAccounts | undefined;
}
const learning = vi.hoisted(() => ({
  recommendations: [] as FactorRecommendation[],
  fits: [] as { observations: Observation[]; prior: unknown }[],
  predictions: [] as { accountId: string; factors: Record<string, string>; ageHours: number }[],
  choices: [] as Record<string, string>[],
}));
vi.mock('../../../src/domain/learning/index.js', () => ({
  fitModel: (observations: Observation[], options?: { prior?: PriorFromOtherAccounts }) => {
    learning.fits.push({ observations, prior: options?.prior });
    // The levels seen, as the real model reports them, plus a voice only this model knows.
    const levels: Record<string, string[]> = { voice: ['narrator-2'] };
    for (const o of observations) {
      for (const [factor, level] of Object.entries(o.factors)) {
        levels[factor] = [...new Set([...(levels[factor] ?? []), level])];
      }
    }
    return { observationCount: observations.length, levels, observations, prior: options?.prior };
  },
  recommend: () => learning.recommendations,
  predictViews: (
    _m: LearningModel,
    accountId: string,
    _p: string,
    factors: Record<string, string>,
    ageHours: number,
  ) => {
    learning.predictions.push({ accountId, factors, ageHours });
    return { median: 1000, low80: 400, high80: 2500 };
  },
  priorFrom: (models: ScriptedModel[]) => ({
    baselineMean: models.length,
    baselineSd: 1,
    effects: {},
    noiseSd: 1,
  }),
  chooseNext: (
    _m: LearningModel,
    space: Record<string, string[]>,
    pinned: Record<string, string>,
    random: () => number,
  ) => {
    const choice = Object.fromEntries(
      Object.entries(space).map(([factor, levels]) => [
        factor,
        pinned[factor] ?? levels[Math.floor(random() * levels.length)] ?? '',
      ]),
    );
    learning.choices.push(choice);
    return choice;
  },
}));

const now = Date.parse('2026-06-01T12:00:00Z');
const recommendation = (
  factor: string,
  bestLevel: string,
  verdict: FactorRecommendation['verdict'],
  median: number,
): FactorRecommendation => ({
  factor,
  bestLevel,
  multiplier: { median, low80: median * 0.8, high80: median * 1.25 },
  probabilityBest: 0.9,
  videos: 40,
  verdict,
});

function setup(videosPerAccount = 20, random?: () => number) {
  const { videos, snapshots } = plantWorld({
    workspaceId: 'ws1',
    accounts: [
      { connectionId: 'tt', platform: 'tiktok', baseViews: 2000 },
      { connectionId: 'yt', platform: 'youtube', baseViews: 500 },
    ],
    videosPerAccount,
    effects: {},
    noiseSd: 0.5,
    now,
    seed: 7,
  });
  // One more video on TikTok makes it the busiest account.
  const extra = plantWorld({
    workspaceId: 'ws1',
    accounts: [{ connectionId: 'tt', platform: 'tiktok', baseViews: 2000 }],
    videosPerAccount: 1,
    effects: {},
    noiseSd: 0.5,
    now,
    seed: 8,
  });
  extra.videos[0]!.id = 'tt-extra';
  for (const s of extra.snapshots) s.trackedVideoId = 'tt-extra';
  const data = {
    connections: [
      { id: 'tt', workspaceId: 'ws1', platform: 'tiktok' as const },
      { id: 'yt', workspaceId: 'ws1', platform: 'youtube' as const },
      { id: 'ig-new', workspaceId: 'ws1', platform: 'instagram' as const },
      { id: 'other-ws', workspaceId: 'ws2', platform: 'tiktok' as const },
    ],
    videos: [...videos, ...extra.videos],
    snapshots: [...snapshots, ...extra.snapshots],
  };
  const service = new RecommendationsService({
    store: analyticsReadingStore(data),
    clock: new FakeClock(now),
    ...(random ? { random } : {}),
  });
  return { service, data };
}

const ctx = (role: Role = 'owner'): AuthContext => ({
  sessionId: 's',
  user: { id: 'u', email: 'u@example.test', name: 'U', passwordHash: '', createdAt: '' },
  workspaceId: 'ws1',
  role,
});

beforeEach(() => {
  learning.fits.length = 0;
  learning.predictions.length = 0;
  learning.choices.length = 0;
  learning.recommendations = [
    recommendation('weekday', 'fri', 'unknown', 1.1),
    recommendation('postingHour', '18-21', 'leaning', 1.3),
    recommendation('duration', '10-20s', 'winner', 1.6),
    recommendation('hookStyle', 'question', 'winner', 1.8),
  ];
});

describe('observations for the model', () => {
  it('gives one observation per video, readings without numbers as null views, never 0', async () => {
    const { service, data } = setup();
    await service.recommendations(ctx());
    const [fit] = learning.fits;
    expect(fit?.observations).toHaveLength(data.videos.length);
    const noStats = data.snapshots.find((s) => s.state === 'no_stats')!;
    const missing = data.snapshots.find((s) => s.state === 'missing')!;
    for (const reading of [noStats, missing]) {
      const observation = fit!.observations.find((o) => o.videoId === reading.trackedVideoId)!;
      expect(observation.snapshots.find((s) => s.ageHours === reading.ageHours)?.views).toBeNull();
    }
    const ok = data.snapshots.find((s) => s.state === 'ok' && s.ageHours === 168)!;
    const observation = fit!.observations.find((o) => o.videoId === ok.trackedVideoId)!;
    expect(observation.accountId).toBe(ok.connectionId);
    expect(observation.snapshots.at(-1)).toEqual({ ageHours: 168, views: ok.counters?.views });
    expect(observation.factors).toEqual(data.videos.find((v) => v.id === ok.trackedVideoId)?.factors);
    expect(fit!.observations.flatMap((o) => o.snapshots).some((s) => s.views === 0)).toBe(false);
  });

  it('fits once for the same readings and again when a new reading arrives', async () => {
    const { service, data } = setup();
    const first = await service.recommendations(ctx());
    await service.recommendations(ctx());
    expect(learning.fits).toHaveLength(1);
    const last = data.snapshots.at(-1)!;
    const newer: StatsSnapshot = {
      ...last,
      id: 'new-reading',
      takenAt: new Date(now).toISOString(),
      ageHours: 336,
      scheduledAgeHours: 336,
    };
    data.snapshots.push(newer);
    await service.recommendations(ctx());
    expect(learning.fits).toHaveLength(2);
    expect(learning.fits[1]?.observations.flatMap((o) => o.snapshots)).toContainEqual({
      ageHours: 336,
      views: newer.counters?.views ?? null,
    });
    expect(first.fittedAt).toBe(new Date(now).toISOString());
  });
});

describe('recommendations', () => {
  it('labels the cards for people and puts clear winners first, biggest effect first', async () => {
    const { service } = setup();
    const view = await service.recommendations(ctx('viewer'));
    expect(view.cards.map((c) => [c.factorLabel, c.bestLevelLabel, c.verdict])).toEqual([
      ['Hook style', 'Question', 'winner'],
      ['Length', '10–20 s', 'winner'],
      ['Posting time', '18:00–21:00', 'leaning'],
      ['Posting day', 'Friday', 'unknown'],
    ]);
    expect(view.emptyReason).toBeNull();
  });

  it('predicts the next video at 7 days with the best levels, for the busiest account, as 20 quantile dots', async () => {
    const { service, data } = setup();
    const view = await service.recommendations(ctx());
    expect(learning.predictions).toEqual([
      {
        accountId: 'tt',
        ageHours: 168,
        factors: { weekday: 'fri', postingHour: '18-21', duration: '10-20s', hookStyle: 'question' },
      },
    ]);
    const next = view.nextVideo!;
    expect(next).toMatchObject({ median: 1000, low80: 400, high80: 2500, connectionId: 'tt' });
    expect(next.dots).toHaveLength(20);
    expect(next.dots.every((dot, i) => i === 0 || dot > next.dots[i - 1]!)).toBe(true);
    // Each dot is 5 %: 16 of them fall inside the 80 % range.
    expect(next.dots.filter((d) => d >= next.low80 && d <= next.high80)).toHaveLength(16);
    expect(view.observations).toBe(data.videos.length);
  });

  it('says what to do when there are too few videos with views, without cards', async () => {
    const { service } = setup(4);
    const view = await service.recommendations(ctx());
    expect(view.cards).toEqual([]);
    expect(view.nextVideo).toBeNull();
    expect(view.observations).toBe(9);
    expect(view.emptyReason).toMatch(
      /once 10 videos have views; 9 videos have so far.*Connect your accounts/,
    );
  });

  it("fits one account on a prior from each of the workspace's other accounts", async () => {
    const { service } = setup();
    const view = await service.recommendations(ctx(), 'yt');
    // The other account alone, then the asked one with the prior.
    expect(learning.fits.map((f) => new Set(f.observations.map((o) => o.accountId)))).toEqual([
      new Set(['tt']),
      new Set(['yt']),
    ]);
    expect(learning.fits[1]?.prior).toMatchObject({ baselineMean: 1 });
    expect(view.nextVideo?.connectionId).toBe('yt');
    expect(learning.predictions[0]?.accountId).toBe('yt');
    expect(view.observations).toBe(20);
  });

  it('gives a new account cards from the prior of the accounts that have videos', async () => {
    const { service } = setup();
    const view = await service.recommendations(ctx(), 'ig-new');
    expect(learning.fits.map((f) => f.observations.length)).toEqual([21, 20, 0]);
    expect(learning.fits[2]?.prior).toMatchObject({ baselineMean: 2 });
    expect(view.cards).toHaveLength(4);
    expect(view.observations).toBe(0);
    expect(view.nextVideo?.connectionId).toBe('ig-new');
  });

  it('answers 404 for an account of another workspace, or none, before reading anything', async () => {
    const { service } = setup();
    for (const id of ['other-ws', 'nope']) {
      await expect(service.recommendations(ctx(), id)).rejects.toMatchObject({
        code: 'connection_not_found',
      });
    }
    expect(learning.fits).toHaveLength(0);
  });
});

describe('next briefs', () => {
  it('draws each brief from the model with the pins kept and marks those that leave a best level', async () => {
    const { service } = setup(20, () => 0.99);
    const { briefs } = await service.nextBriefs(ctx('editor'), { count: 3, pinned: { captionStyle: 'pop' } });
    expect(briefs).toHaveLength(3);
    for (const brief of briefs) {
      expect(brief.factors.captionStyle).toBe('pop');
      // The last level of every factor drawn, none of them a best level.
      expect(brief.factors).toMatchObject({ duration: '61-90s', postingHour: '21-24' });
      expect(brief.exploring).toBe(true);
    }
    // Only factors the videos recorded (and the pin) are drawn; the others keep the brief's defaults.
    expect(Object.keys(learning.choices[0]!).sort()).toEqual([
      'captionStyle',
      'duration',
      'postingHour',
      'voice',
      'weekday',
    ]);
    // Voices used before are choices too.
    expect(briefs[0]?.factors.voice).toBe('narrator-2');
  });

  it('does not call a brief exploring when every level is the best one', async () => {
    learning.recommendations = [recommendation('duration', '10-20s', 'winner', 1.6)];
    const { service } = setup(20, () => 0);
    const { briefs } = await service.nextBriefs(ctx(), { count: 2, pinned: {} });
    expect(briefs.map((b) => [b.factors.duration, b.exploring])).toEqual([
      ['10-20s', false],
      ['10-20s', false],
    ]);
  });

  it('refuses pins a brief cannot set, too few videos, and people who cannot create', async () => {
    const { service } = setup();
    await expect(service.nextBriefs(ctx(), { count: 1, pinned: { topic: 'cats' } })).rejects.toMatchObject({
      code: 'invalid_pin',
    });
    await expect(service.nextBriefs(ctx(), { count: 1, pinned: { duration: '5s' } })).rejects.toMatchObject({
      code: 'invalid_pin',
    });
    await expect(service.nextBriefs(ctx('viewer'), { count: 1, pinned: {} })).rejects.toMatchObject({
      code: 'forbidden',
    });
    const few = setup(3).service;
    await expect(few.nextBriefs(ctx(), { count: 1, pinned: {} })).rejects.toMatchObject({
      code: 'not_enough_videos',
    });
  });
});
