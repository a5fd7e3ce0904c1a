import type {
  MultiplierRange,
  Observation,
  PriorFromOtherAccounts,
} from '../../src/domain/learning/index.js';
import { chooseNext, fitModel, predictViews, type LearningModel } from '../../src/domain/learning/index.js';
import { SPACE } from './space.js';
import type { Post, SimAccount } from './world.js';

/** What a strategy decided on one day: how it picks a video's levels, and (the product) what it predicts. */
export interface Chooser {
  next(random: () => number): Record<string, string>;
  predict?(account: SimAccount, factors: Record<string, string>): MultiplierRange;
}

/** Called before each day's videos with what is known by then. */
export type Strategy = (today: number, known: Post[], observations: Observation[]) => Chooser;

function randomLevels(random: () => number): Record<string, string> {
  return Object.fromEntries(
    Object.entries(SPACE).map(([factor, levels]) => [factor, levels[Math.floor(random() * levels.length)]!]),
  );
}

export const randomChoice: Strategy = () => ({ next: randomLevels });

/** The product: refit, then tempered Thompson sampling; its 80 % range for every post is checked (L3). */
export function productChoice(prior?: PriorFromOtherAccounts): Strategy {
  return (_today, _known, observations) => {
    const model: LearningModel = fitModel(observations, prior ? { prior } : undefined);
    return {
      next: (random) => chooseNext(model, SPACE, {}, random),
      predict: (account, factors) => predictViews(model, account.id, account.platform, factors, 168),
    };
  };
}

/**
 * What "best time" heatmaps do: average each account's 7-day views per weekday × hour slot (relative to the
 * account's average, so accounts of different sizes count alike), post at the best slot so far; the other factors
 * are not advised on (random). Random slots until the first 7-day numbers are in.
 */
export const bestTimeHeatmap: Strategy = (today, known) => {
  const measured = known.filter((post) => today - post.day >= 7);
  const accountMean = new Map<string, { sum: number; count: number }>();
  for (const post of measured) {
    const cell = accountMean.get(post.account.id) ?? { sum: 0, count: 0 };
    cell.sum += post.views7d;
    cell.count += 1;
    accountMean.set(post.account.id, cell);
  }
  const slots = new Map<string, { sum: number; count: number }>();
  for (const post of measured) {
    const mean = accountMean.get(post.account.id)!;
    const slot = `${post.factors.weekday}|${post.factors.postingHour}`;
    const cell = slots.get(slot) ?? { sum: 0, count: 0 };
    cell.sum += post.views7d / Math.max(mean.sum / mean.count, 1);
    cell.count += 1;
    slots.set(slot, cell);
  }
  let best: string | null = null;
  let bestScore = -Infinity;
  for (const [slot, { sum, count }] of slots) {
    if (sum / count > bestScore) {
      bestScore = sum / count;
      best = slot;
    }
  }
  return {
    next: (random) => {
      const levels = randomLevels(random);
      if (!best) return levels;
      const [weekday, postingHour] = best.split('|') as [string, string];
      return { ...levels, weekday, postingHour };
    },
  };
};
