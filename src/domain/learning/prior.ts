import { contrasts } from './contrasts.js';
import type { LearningModel } from './model.js';
import type { PriorFromOtherAccounts } from './types.js';

/**
 * What a new account starts from: the other accounts' effects (relative to their typical level) and baselines,
 * averaged, with a spread that covers both how unsure each estimate is and how much accounts differ. With few
 * other accounts the difference between accounts is taken partly from their own spreads (one pseudo-account).
 */
const PSEUDO_ACCOUNTS = 1;
const MIN_SD = 0.02;
const DEFAULT_NOISE_SD = 1;
const DEFAULT_BASELINE = { mean: Math.log1p(100), sd: 3 };

interface Estimate {
  mean: number;
  variance: number;
  /** How much this quantity varies between accounts when there is nothing else to go by. */
  fallbackSpread: number;
}

function combine(estimates: Estimate[]): { mean: number; sd: number } {
  const count = estimates.length;
  const mean = estimates.reduce((s, e) => s + e.mean, 0) / count;
  const uncertainty = estimates.reduce((s, e) => s + e.variance, 0) / count;
  const fallback = estimates.reduce((s, e) => s + e.fallbackSpread ** 2, 0) / count;
  const squares = estimates.reduce((s, e) => s + (e.mean - mean) ** 2, 0);
  const between = (squares + PSEUDO_ACCOUNTS * (fallback + uncertainty)) / (count - 1 + PSEUDO_ACCOUNTS);
  return { mean, sd: Math.max(MIN_SD, Math.sqrt(between + uncertainty / count)) };
}

export function priorFromModels(models: LearningModel[]): PriorFromOtherAccounts {
  const fitted = models.filter((m) => m.observationCount > 0);
  const baselines: Estimate[] = fitted.flatMap((model) =>
    model.accounts.map((account) => ({
      mean: model.mean[account.index]!,
      variance: model.covariance[account.index * model.size + account.index]!,
      fallbackSpread: DEFAULT_BASELINE.sd,
    })),
  );
  const byLevel = new Map<string, Map<string, Estimate[]>>();
  for (const model of fitted) {
    for (const factor of model.factors) {
      const levels = byLevel.get(factor.name) ?? new Map<string, Estimate[]>();
      byLevel.set(factor.name, levels);
      // An account differs from others by its deviation spread when the model measured one, else by the
      // factor's own spread of effects.
      const fallbackSpread = model.deviationSd > 0 ? model.deviationSd : factor.effectSd;
      contrasts(model, factor).forEach((contrast, a) => {
        const level = factor.levels[a]!.level;
        const list = levels.get(level) ?? [];
        list.push({ mean: contrast.mean, variance: contrast.sd ** 2, fallbackSpread });
        levels.set(level, list);
      });
    }
  }
  const effects: PriorFromOtherAccounts['effects'] = {};
  for (const [factor, levels] of byLevel) {
    effects[factor] = Object.fromEntries(
      [...levels].map(([level, estimates]) => [level, combine(estimates)]),
    );
  }
  const baseline = baselines.length > 0 ? combine(baselines) : DEFAULT_BASELINE;
  const noiseSd =
    fitted.length > 0 ? fitted.reduce((s, m) => s + m.pooledNoiseSd, 0) / fitted.length : DEFAULT_NOISE_SD;
  return { baselineMean: baseline.mean, baselineSd: baseline.sd, effects, noiseSd };
}
