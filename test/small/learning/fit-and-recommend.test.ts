import { describe, expect, it } from 'vitest';
import { fitModel, recommend, type Observation } from '../../../src/domain/learning/index.js';
import { syntheticObservations } from './synthetic.js';

function card(observations: Observation[], factor: string) {
  const found = recommend(fitModel(observations)).find((r) => r.factor === factor);
  if (!found) throw new Error(`no recommendation for ${factor}`);
  return found;
}

describe('fitModel and recommend', () => {
  it('finds the planted best levels as clear winners, with the effect inside its 80 % range', () => {
    const observations = syntheticObservations({ videos: 300, seed: 1 });
    const recommendations = recommend(fitModel(observations));
    const hook = recommendations.find((r) => r.factor === 'hookStyle')!;
    const duration = recommendations.find((r) => r.factor === 'duration')!;
    expect(hook).toMatchObject({ bestLevel: 'question', verdict: 'winner', videos: 900 });
    expect(duration).toMatchObject({ bestLevel: '10-20s', verdict: 'winner' });
    // question = 0.5 against the level average 0.08: ×1.52.
    expect(hook.multiplier.low80).toBeLessThan(Math.exp(0.42));
    expect(hook.multiplier.high80).toBeGreaterThan(Math.exp(0.42));
    expect(hook.probabilityBest).toBeGreaterThan(0.95);
  });

  it('never calls a factor without an effect a winner, mostly says "unknown", with a multiplier near 1', () => {
    const cards = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11].flatMap((seed) => {
      const model = fitModel(syntheticObservations({ videos: 200, seed }));
      return recommend(model).filter((r) => r.factor === 'voice' || r.factor === 'music');
    });
    expect(cards.filter((r) => r.verdict === 'winner')).toEqual([]);
    expect(cards.filter((r) => r.verdict === 'unknown').length).toBeGreaterThanOrEqual(0.7 * cards.length);
    for (const r of cards) {
      expect(r.multiplier.median).toBeGreaterThan(0.9);
      expect(r.multiplier.median).toBeLessThan(1.12);
    }
  });

  it('says "unknown" or "leaning" while there are only a few videos', () => {
    const r = card(syntheticObservations({ videos: 6, seed: 7 }), 'hookStyle');
    expect(r.verdict).not.toBe('winner');
    expect(r.probabilityBest).toBeLessThan(0.9);
  });

  it('ignores readings without numbers instead of reading them as 0', () => {
    const observations = syntheticObservations({ videos: 80, seed: 8 });
    const withNulls = observations.map((o) => ({
      ...o,
      snapshots: [...o.snapshots, { ageHours: 48, views: null }, { ageHours: 672, views: null }],
    }));
    const plain = fitModel(observations);
    const nulls = fitModel(withNulls);
    expect(nulls.observationCount).toBe(plain.observationCount);
    expect(Array.from(nulls.mean)).toEqual(Array.from(plain.mean));
  });

  it('skips observations with no usable reading, so their levels are not even seen', () => {
    const observations = syntheticObservations({ videos: 40, seed: 9 });
    const silent: Observation = {
      ...observations[0]!,
      videoId: 'silent',
      factors: { hookStyle: 'never-measured' },
      snapshots: [
        { ageHours: 24, views: null },
        { ageHours: 168, views: null },
      ],
    };
    const unpublished: Observation = { ...silent, videoId: 'unpublished', snapshots: [] };
    const model = fitModel([...observations, silent, unpublished]);
    expect(model.observationCount).toBe(observations.length);
    expect(model.levels.hookStyle).not.toContain('never-measured');
  });

  it('uses a video known only by its 24 h reading, placed at 7 days with the learned growth', () => {
    // Half the videos have only a 24 h reading; the 24 h views are half the 7-day views.
    const observations = syntheticObservations({ videos: 300, seed: 10, earlyShare: 0.5 });
    const model = fitModel(observations);
    expect(model.observationCount).toBe(observations.length);
    expect(model.growth.cells['tiktok:24']!.pairs).toBeGreaterThan(100);
    expect(card(observations, 'hookStyle').bestLevel).toBe('question');
  });

  it('is deterministic and does not depend on the order of the observations', () => {
    const observations = syntheticObservations({ videos: 120, seed: 11 });
    const first = recommend(fitModel(observations));
    expect(recommend(fitModel(observations))).toEqual(first);
    const shuffled = [...observations].reverse();
    const again = recommend(fitModel(shuffled));
    again.forEach((r, i) => {
      expect(r.bestLevel).toBe(first[i]!.bestLevel);
      expect(r.multiplier.median).toBeCloseTo(first[i]!.multiplier.median, 6);
    });
  });

  it('fits a single account without account deviations, and an empty history to nothing', () => {
    const single = syntheticObservations({ videos: 100, seed: 12 }).filter((o) => o.accountId === 'tt');
    const model = fitModel(single);
    expect(model.deviationSd).toBe(0);
    expect(model.accounts).toHaveLength(1);
    const empty = fitModel([]);
    expect(empty.observationCount).toBe(0);
    expect(recommend(empty)).toEqual([]);
  });
});
