import { describe, expect, it } from 'vitest';
import { chooseNext, fitModel, recommend } from '../../../src/domain/learning/index.js';
import { seededRandom } from '../../../src/domain/learning/random.js';
import { SPACE, syntheticObservations } from './synthetic.js';

function shareOfBest(videos: number, draws: number): { share: number; distinct: number } {
  const model = fitModel(syntheticObservations({ videos, seed: 20 }));
  const counts = new Map<string, number>();
  for (let i = 0; i < draws; i++) {
    const level = chooseNext(model, SPACE, {}, seededRandom(1000 + i)).hookStyle!;
    counts.set(level, (counts.get(level) ?? 0) + 1);
  }
  return { share: (counts.get('question') ?? 0) / draws, distinct: counts.size };
}

describe('chooseNext', () => {
  it('keeps pinned levels and gives every factor of the space a level', () => {
    const model = fitModel(syntheticObservations({ videos: 50, seed: 21 }));
    const space = { ...SPACE, captionStyle: ['karaoke', 'pop', 'clean'] };
    const pinned = { hookStyle: 'story', weekday: 'sat' };
    for (let i = 0; i < 20; i++) {
      const chosen = chooseNext(model, space, pinned, seededRandom(i));
      expect(chosen.hookStyle).toBe('story');
      expect(chosen.weekday).toBe('sat');
      for (const [factor, levels] of Object.entries(space)) expect(levels).toContain(chosen[factor]);
    }
  });

  it('explores while unsure and exploits once sure', () => {
    const unsure = shareOfBest(6, 200);
    const sure = shareOfBest(400, 200);
    expect(unsure.distinct).toBeGreaterThanOrEqual(3);
    expect(unsure.share).toBeLessThan(0.6);
    expect(sure.share).toBeGreaterThan(0.9);
  });

  it('tries levels it has never seen, starting from the prior', () => {
    const model = fitModel(syntheticObservations({ videos: 30, seed: 22 }));
    const space = { ...SPACE, hookStyle: [...SPACE.hookStyle!, 'brand-new'] };
    let tried = 0;
    for (let i = 0; i < 300; i++)
      if (chooseNext(model, space, {}, seededRandom(i)).hookStyle === 'brand-new') tried++;
    expect(tried).toBeGreaterThan(5);
    expect(tried).toBeLessThan(150);
  });

  it('is deterministic given the random source', () => {
    const model = fitModel(syntheticObservations({ videos: 40, seed: 23 }));
    expect(chooseNext(model, SPACE, {}, seededRandom(5))).toEqual(
      chooseNext(model, SPACE, {}, seededRandom(5)),
    );
    // The model itself is untouched by choosing.
    const before = recommend(model);
    chooseNext(model, SPACE, {}, seededRandom(6));
    expect(recommend(model)).toEqual(before);
  });
});
