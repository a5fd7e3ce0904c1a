/**
 * The learning loop's fixed interface (driven by checks outside the product; keep names and shapes). Pure: no I/O,
 * and deterministic given its inputs (chooseNext draws only from the `random` it is given). See docs/learning.md.
 */
import type { Platform } from '../connection.js';
import { chooseLevels } from './choose-next.js';
import { fit } from './fit.js';
import type { LearningModel } from './model.js';
import { predict } from './predict.js';
import { priorFromModels } from './prior.js';
import { recommendations } from './recommend.js';
import type { FactorRecommendation, MultiplierRange, Observation, PriorFromOtherAccounts } from './types.js';

export type * from './types.js';
export type { LearningModel } from './model.js';

/** Fits the model of log views at 7 days to what is known of the videos (readings with `views: null` ignored). */
export function fitModel(
  observations: Observation[],
  options?: { prior?: PriorFromOtherAccounts },
): LearningModel {
  return fit(observations, options?.prior);
}

/** For each factor: its best level, that level's effect as a multiplier, P(best), the videos behind it, a verdict. */
export function recommend(model: LearningModel): FactorRecommendation[] {
  return recommendations(model);
}

/** Levels for the next video: tempered Thompson sampling over `space`, pinned factors kept as given. */
export function chooseNext(
  model: LearningModel,
  space: Record<string, string[]>,
  pinned: Record<string, string>,
  random: () => number,
): Record<string, string> {
  return chooseLevels(model, space, pinned, random);
}

/** Likely views (median and 80 % range, noise included) of a next video with `factors` at `ageHours`. */
export function predictViews(
  model: LearningModel,
  accountId: string,
  platform: Platform,
  factors: Record<string, string>,
  ageHours: number,
): MultiplierRange {
  return predict(model, accountId, platform, factors, ageHours);
}

/** Where a new account starts: what other accounts' models learned. */
export function priorFrom(models: LearningModel[]): PriorFromOtherAccounts {
  return priorFromModels(models);
}
