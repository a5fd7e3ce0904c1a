import { contrasts } from './contrasts.js';
import { cholesky } from './linear-algebra.js';
import type { FactorTerm, LearningModel } from './model.js';
import { normalDraw, seededRandom, Z80 } from './random.js';
import type { FactorRecommendation, Verdict } from './types.js';

/**
 * Verdict thresholds, tuned with the learning-loop benchmark: a "winner" must be the best level with high
 * probability and its 80 % range must exclude "no effect"; "leaning" needs a clear lead, so that a factor without
 * an effect and only a few levels rarely leans by chance.
 */
export const WINNER_PROBABILITY = 0.9;
export const LEANING_PROBABILITY = 0.75;
/** Draws for P(best): the Monte Carlo error stays under one percentage point. */
const DRAWS = 4000;
const SEED = 0x1ea2;

/** P(level is the best of its factor) by seeded Monte Carlo over the factor's joint posterior. */
function probabilitiesBest(model: LearningModel, factor: FactorTerm): number[] {
  const n = model.size;
  const k = factor.levels.length;
  if (k === 1) return [1];
  const indices = factor.levels.map((level) => level.index);
  const block = new Float64Array(k * k);
  indices.forEach((i, a) => indices.forEach((j, b) => (block[a * k + b] = model.covariance[i * n + j]!)));
  const root = cholesky(block, k, new Int32Array(k));
  const random = seededRandom(SEED);
  const wins = new Array<number>(k).fill(0);
  const z = new Float64Array(k);
  for (let draw = 0; draw < DRAWS; draw++) {
    for (let a = 0; a < k; a++) z[a] = normalDraw(random);
    let best = 0;
    let bestValue = -Infinity;
    for (let a = 0; a < k; a++) {
      let value = model.mean[indices[a]!]!;
      for (let b = 0; b <= a; b++) value += root[a * k + b]! * z[b]!;
      if (value > bestValue) {
        bestValue = value;
        best = a;
      }
    }
    wins[best]! += 1;
  }
  return wins.map((w) => w / DRAWS);
}

function verdictOf(probabilityBest: number, low80: number, median: number): Verdict {
  if (probabilityBest >= WINNER_PROBABILITY && low80 > 1) return 'winner';
  if (probabilityBest >= LEANING_PROBABILITY && median > 1) return 'leaning';
  return 'unknown';
}

export function recommendations(model: LearningModel): FactorRecommendation[] {
  return model.factors.map((factor) => {
    const probabilities = probabilitiesBest(model, factor);
    const effects = contrasts(model, factor);
    // The most probably best level; the larger effect breaks a tie.
    let best = 0;
    probabilities.forEach((p, a) => {
      const leader = probabilities[best]!;
      if (p > leader || (p === leader && effects[a]!.mean > effects[best]!.mean)) best = a;
    });
    const effect = effects[best]!;
    const multiplier = {
      median: Math.exp(effect.mean),
      low80: Math.exp(effect.mean - Z80 * effect.sd),
      high80: Math.exp(effect.mean + Z80 * effect.sd),
    };
    const probabilityBest = probabilities[best]!;
    return {
      factor: factor.name,
      bestLevel: factor.levels[best]!.level,
      multiplier,
      probabilityBest,
      videos: factor.videos,
      verdict: verdictOf(probabilityBest, multiplier.low80, multiplier.median),
    };
  });
}
