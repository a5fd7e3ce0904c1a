import type { Platform } from '../connection.js';
import { shiftTo7d } from './growth.js';
import { levelKey, type AccountTerm, type LearningModel } from './model.js';
import { Z80 } from './random.js';
import type { MultiplierRange } from './types.js';

/** Spread of a new account's baseline around the others' when there is a single other account to go by. */
const NEW_ACCOUNT_BASELINE_SD = 1;
/** A model with no data and no prior knows nothing: a wide range around a hundred views. */
const NOTHING_KNOWN = { mean: Math.log1p(100), sd: 3 };
const UNSEEN_FACTOR_SD = 0.3;

interface Normal {
  mean: number;
  variance: number;
}

/** Baseline of an account the model has not seen: like the others on its platform (or all), with their spread. */
function newAccountBaseline(model: LearningModel, platform: Platform): Normal {
  const samePlatform = model.accounts.filter((a) => a.platform === platform);
  const peers: AccountTerm[] = samePlatform.length > 0 ? samePlatform : model.accounts;
  if (peers.length === 0) {
    const prior = model.prior;
    return prior
      ? { mean: prior.baselineMean, variance: prior.baselineSd ** 2 }
      : { mean: NOTHING_KNOWN.mean, variance: NOTHING_KNOWN.sd ** 2 };
  }
  const n = model.size;
  const means = peers.map((a) => model.mean[a.index]!);
  const mean = means.reduce((s, m) => s + m, 0) / means.length;
  const uncertainty = peers.reduce((s, a) => s + model.covariance[a.index * n + a.index]!, 0) / peers.length;
  const spread =
    means.length > 1
      ? means.reduce((s, m) => s + (m - mean) ** 2, 0) / (means.length - 1)
      : (model.prior?.baselineSd ?? NEW_ACCOUNT_BASELINE_SD) ** 2;
  return { mean, variance: uncertainty + spread };
}

/** Predictive log views at 7 days: the posterior of the video's terms plus the noise of one video. */
function logViewsAt7d(
  model: LearningModel,
  accountId: string,
  platform: Platform,
  factors: Record<string, string>,
): Normal {
  const weights = new Map<number, number>();
  const add = (index: number, weight: number): void => {
    weights.set(index, (weights.get(index) ?? 0) + weight);
  };
  const account = model.accounts.find((a) => a.accountId === accountId);
  const extra: Normal = account ? { mean: 0, variance: 0 } : newAccountBaseline(model, platform);
  if (account) add(account.index, 1);
  const ownDeviationSd = model.deviationSd;

  for (const factor of model.factors) {
    const level = factors[factor.name];
    // A factor left out is a typical video: the average of its levels.
    const chosen = level === undefined ? factor.levels : factor.levels.filter((l) => l.level === level);
    if (chosen.length === 0) {
      const fromOthers = model.prior?.effects[factor.name]?.[level!];
      extra.mean += fromOthers?.mean ?? 0;
      extra.variance += (fromOthers?.sd ?? factor.effectSd) ** 2 + ownDeviationSd ** 2;
      continue;
    }
    for (const term of chosen) {
      const weight = 1 / chosen.length;
      add(term.index, weight);
      const deviation = account?.deviations[levelKey(factor.name, term.level)];
      if (deviation !== undefined) add(deviation, weight);
      else extra.variance += (weight * ownDeviationSd) ** 2;
    }
  }
  for (const [name, level] of Object.entries(factors)) {
    if (model.factors.some((f) => f.name === name)) continue;
    const fromOthers = model.prior?.effects[name]?.[level];
    extra.mean += fromOthers?.mean ?? 0;
    extra.variance += (fromOthers?.sd ?? UNSEEN_FACTOR_SD) ** 2;
  }

  const n = model.size;
  let mean = extra.mean;
  let variance = extra.variance;
  for (const [i, wi] of weights) {
    mean += wi * model.mean[i]!;
    for (const [j, wj] of weights) variance += wi * wj * model.covariance[i * n + j]!;
  }
  const noiseSd = model.noiseSd[platform] ?? model.pooledNoiseSd;
  return { mean, variance: variance + noiseSd * noiseSd };
}

export function predict(
  model: LearningModel,
  accountId: string,
  platform: Platform,
  factors: Record<string, string>,
  ageHours: number,
): MultiplierRange {
  const at7d = logViewsAt7d(model, accountId, platform, factors);
  const shift = shiftTo7d(model.growth, platform, ageHours);
  const mean = at7d.mean - shift.mean;
  const sd = Math.sqrt(at7d.variance + shift.variance);
  const views = (log: number): number => Math.max(0, Math.expm1(log));
  return { median: views(mean), low80: views(mean - Z80 * sd), high80: views(mean + Z80 * sd) };
}
