import { describe, expect, it } from 'vitest';
import type { Role } from '../../../src/domain/roles.js';
import type { AuthContext } from '../../../src/services/auth-context.js';
import { RecommendationsService } from '../../../src/services/analytics/recommendations.service.js';
import { analyticsReadingStore } from '../../fakes/analytics-reading-store.js';
import { FakeClock } from '../../fakes/fake-clock.js';
import { plantWorld, seededRandom } from '../../fakes/planted-world.js';

// The service over the real learning model: a seeded world with two planted effects and none on the hook style.
const now = Date.parse('2026-06-01T12:00:00.000Z');
const world = plantWorld({
  workspaceId: 'ws1',
  accounts: [
    { connectionId: 'tt', platform: 'tiktok', baseViews: 3000 },
    { connectionId: 'ig', platform: 'instagram', baseViews: 800 },
    { connectionId: 'yt', platform: 'youtube', baseViews: 1500 },
  ],
  videosPerAccount: 150,
  effects: { duration: { '10-20s': Math.log(1.6) }, postingHour: { '18-21': Math.log(1.5) } },
  hookStyles: ['question', 'story', 'how-to'],
  noiseSd: 0.5,
  now,
  seed: 2026,
});
const connections = ['tt', 'ig', 'yt'].map((id) => ({
  id,
  workspaceId: 'ws1',
  platform: ({ tt: 'tiktok', ig: 'instagram', yt: 'youtube' } as const)[id as 'tt'],
}));

const ctx = (role: Role = 'owner'): AuthContext => ({
  sessionId: 's',
  user: { id: 'u', email: 'u@example.test', name: 'U', passwordHash: '', createdAt: '' },
  workspaceId: 'ws1',
  role,
});

function service() {
  return new RecommendationsService({
    store: analyticsReadingStore({ connections, ...world }),
    clock: new FakeClock(now),
    random: seededRandom(7),
  });
}

describe('recommendations from a planted world (the real model)', () => {
  it('names the planted best levels as clear winners, with effects above ×1 across their 80 % range', async () => {
    const view = await service().recommendations(ctx('viewer'));
    const card = (factor: string) => view.cards.find((c) => c.factor === factor);
    expect(card('duration')).toMatchObject({ bestLevelLabel: '10–20 s', verdict: 'winner' });
    expect(card('postingHour')).toMatchObject({ bestLevelLabel: '18:00–21:00', verdict: 'winner' });
    expect(card('hookStyle')?.verdict).not.toBe('winner');
    // Winners come first.
    expect(
      view.cards
        .slice(0, 2)
        .map((c) => c.factor)
        .sort(),
    ).toEqual(['duration', 'postingHour']);
    for (const factor of ['duration', 'postingHour']) {
      const { multiplier, probabilityBest, videos } = card(factor)!;
      expect(multiplier.low80).toBeGreaterThan(1);
      expect(multiplier.low80).toBeLessThan(multiplier.high80);
      expect(probabilityBest).toBeGreaterThan(0.9);
      expect(videos).toBeGreaterThan(20);
    }
    expect(view.observations).toBe(450);
    expect(view.emptyReason).toBeNull();
  });

  it("draws the next video's likely views as 20 rising dots around the predicted median", async () => {
    const { nextVideo } = await service().recommendations(ctx());
    expect(nextVideo?.dots).toHaveLength(20);
    const dots = nextVideo!.dots;
    expect(dots).toEqual([...dots].sort((a, b) => a - b));
    expect(dots[0]!).toBeLessThan(nextVideo!.low80);
    expect(dots[19]!).toBeGreaterThan(nextVideo!.high80);
    // The busiest account is any of the three (equal counts); its typical video with both planted levels.
    expect(nextVideo!.median).toBeGreaterThan(800);
  });

  it('fills most next briefs with the planted levels, keeps pins, and marks the ones that explore', async () => {
    const { briefs } = await service().nextBriefs(ctx(), { count: 40, pinned: { hookStyle: 'story' } });
    expect(briefs).toHaveLength(40);
    expect(briefs.every((b) => b.factors.hookStyle === 'story')).toBe(true);
    const share = (factor: string, level: string) =>
      briefs.filter((b) => b.factors[factor] === level).length / briefs.length;
    expect(share('duration', '10-20s')).toBeGreaterThan(0.5);
    expect(share('postingHour', '18-21')).toBeGreaterThan(0.5);
    for (const brief of briefs) {
      const offBest = brief.factors.duration !== '10-20s' || brief.factors.postingHour !== '18-21';
      if (offBest) expect(brief.exploring).toBe(true);
    }
    expect(briefs.some((b) => b.exploring)).toBe(true);
  });
});
