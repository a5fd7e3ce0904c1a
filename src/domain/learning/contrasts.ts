import type { FactorTerm, LearningModel } from './model.js';

export interface Contrast {
  mean: number;
  sd: number;
}

/**
 * Each level's shared effect relative to the average of the factor's levels (the "typical" level), log scale,
 * with its posterior spread: the baseline absorbs any common shift, so only these differences are meaningful.
 */
export function contrasts(model: LearningModel, factor: FactorTerm): Contrast[] {
  const n = model.size;
  const k = factor.levels.length;
  const indices = factor.levels.map((level) => level.index);
  const average = indices.reduce((sum, i) => sum + model.mean[i]!, 0) / k;
  const rowSums = indices.map((i) => indices.reduce((sum, j) => sum + model.covariance[i * n + j]!, 0));
  const blockSum = rowSums.reduce((sum, r) => sum + r, 0);
  return indices.map((i, a) => {
    const variance = model.covariance[i * n + i]! - (2 * rowSums[a]!) / k + blockSum / (k * k);
    return { mean: model.mean[i]! - average, sd: Math.sqrt(Math.max(variance, 0)) };
  });
}
