import type { Platform } from '../connection.js';
import { learnGrowth, logViewsAt7d } from './growth.js';
import { cholesky, choleskySolve, envelopeInverse } from './linear-algebra.js';
import { levelKey, sharedIndices, type AccountTerm, type FactorTerm, type LearningModel } from './model.js';
import type { Observation, PriorFromOtherAccounts } from './types.js';

/**
 * The fit: log views at 7 days = baseline(account) + Σ shared effect(factor, level) + the account's own deviation
 * from each shared effect + noise. Gaussian priors make the posterior one exact linear solve; the prior spreads
 * (one per factor, one for the deviations, the noise per platform) are set by empirical Bayes, iterating the
 * fixed-point updates of the evidence (MacKay) for the spreads and EM for the noise.
 */
const START_EFFECT_SD = 0.3;
const START_DEVIATION_SD = 0.1;
/** Views of short videos scatter about ×e around an account's typical video; it weighs as a few observations. */
const DEFAULT_NOISE_SD = 1;
const NOISE_PSEUDO_OBSERVATIONS = 4;
const BASELINE_PRIOR_SD = 3;
const MIN_BASELINE_PRIOR_SD = 0.5;
const MIN_SPREAD = 0.005;
/**
 * A weak prior on each factor's spread of effects: worth one level at this spread. Without it a handful of videos
 * can drive a spread to 0 (the model then claims certainty it does not have) or far above any plausible effect.
 */
const SPREAD_PRIOR_SD = 0.1;
const SPREAD_PRIOR_WEIGHT = 1;
const MAX_SPREAD = 3;
const MAX_ITERATIONS = 60;
/** Done when no estimate moves by more than this (log scale) and the noise variance by less than 1 %. */
const MEAN_TOLERANCE = 0.002;
const TOLERANCE = 0.01;

interface Point {
  account: number;
  platform: Platform;
  value: number;
  /** Extra variance of a value projected to 7 days from an earlier reading. */
  extraVariance: number;
  terms: Int32Array;
}

/** What sets a term's prior spread: fixed, one factor's spread, or the deviation spread. */
const FIXED = -1;
const DEVIATION = -2;

interface Layout {
  accounts: AccountTerm[];
  factors: FactorTerm[];
  size: number;
  /** First non-zero column of each row of the precision (block-arrow structure). */
  first: Int32Array;
  priorMean: Float64Array;
  governor: Int32Array;
  fixedSd: Float64Array;
  points: Point[];
}

function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

function layout(
  observations: Observation[],
  values: { value: number; variance: number }[],
  prior: PriorFromOtherAccounts | undefined,
): Layout {
  const accountIds = sortedUnique(observations.map((o) => o.accountId));
  const multi = accountIds.length > 1;
  const factorNames = sortedUnique(observations.flatMap((o) => Object.keys(o.factors)));
  const levelNames = factorNames.map((f) =>
    sortedUnique(observations.flatMap((o) => (o.factors[f] === undefined ? [] : [o.factors[f]]))),
  );

  // Per-account blocks (baseline, then the account's deviations) come first and the shared effects last, so the
  // precision is block-arrow shaped and its Cholesky factor has no fill between accounts.
  let size = 0;
  const first: number[] = [];
  const accounts: AccountTerm[] = accountIds.map((accountId) => {
    const own = observations.filter((o) => o.accountId === accountId);
    const start = size;
    const index = size++;
    const deviations: Record<string, number> = {};
    if (multi) {
      factorNames.forEach((factor, f) => {
        for (const level of levelNames[f]!) {
          if (own.some((o) => o.factors[factor] === level)) deviations[levelKey(factor, level)] = size++;
        }
      });
    }
    while (first.length < size) first.push(start);
    return { accountId, platform: own[0]!.platform, index, videos: own.length, deviations };
  });
  const factors: FactorTerm[] = factorNames.map((name, f) => ({
    name,
    effectSd: START_EFFECT_SD,
    videos: observations.filter((o) => o.factors[name] !== undefined).length,
    levels: levelNames[f]!.map((level) => ({
      level,
      index: size++,
      videos: observations.filter((o) => o.factors[name] === level).length,
    })),
  }));
  while (first.length < size) first.push(0);

  const priorMean = new Float64Array(size);
  const governor = new Int32Array(size).fill(DEVIATION);
  const fixedSd = new Float64Array(size);
  const meanValue = values.reduce((sum, v) => sum + v.value, 0) / values.length;
  for (const account of accounts) {
    governor[account.index] = FIXED;
    priorMean[account.index] = prior ? prior.baselineMean : meanValue;
    fixedSd[account.index] = prior ? Math.max(prior.baselineSd, MIN_BASELINE_PRIOR_SD) : BASELINE_PRIOR_SD;
  }
  factors.forEach((factor, f) => {
    const learned = prior?.effects[factor.name];
    for (const level of factor.levels) {
      const fromOthers = learned?.[level.level];
      governor[level.index] = fromOthers ? FIXED : f;
      priorMean[level.index] = fromOthers?.mean ?? 0;
      fixedSd[level.index] = fromOthers?.sd ?? 0;
    }
    // Levels other accounts never tried start with the spread of the effects they did try.
    if (learned) factor.effectSd = spreadOf(Object.values(learned));
  });

  const points = observations.map((observation, i): Point => {
    const account = accountIds.indexOf(observation.accountId);
    const terms = [accounts[account]!.index];
    factors.forEach((factor) => {
      const level = observation.factors[factor.name];
      if (level === undefined) return;
      terms.push(factor.levels.find((l) => l.level === level)!.index);
      const deviation = accounts[account]!.deviations[levelKey(factor.name, level)];
      if (deviation !== undefined) terms.push(deviation);
    });
    return {
      account,
      platform: observation.platform,
      value: values[i]!.value,
      extraVariance: values[i]!.variance,
      terms: Int32Array.from(terms),
    };
  });
  return { accounts, factors, size, first: Int32Array.from(first), priorMean, governor, fixedSd, points };
}

function spreadOf(effects: { mean: number; sd: number }[]): number {
  const meanSquare = effects.reduce((sum, e) => sum + e.mean * e.mean + e.sd * e.sd, 0) / effects.length;
  return clampSpread(Math.sqrt(meanSquare));
}

function clampSpread(sd: number): number {
  return Math.min(MAX_SPREAD, Math.max(MIN_SPREAD, sd));
}

interface Posterior {
  mean: Float64Array;
  covariance: Float64Array;
}

interface Spreads {
  effectSd: Float64Array;
  deviationSd: number;
  noiseVariance: Map<Platform, number>;
}

function posterior(l: Layout, spreads: Spreads): Posterior {
  const n = l.size;
  const precision = new Float64Array(n * n);
  const rhs = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const g = l.governor[i]!;
    const sd = g === FIXED ? l.fixedSd[i]! : g === DEVIATION ? spreads.deviationSd : spreads.effectSd[g]!;
    const p = 1 / (sd * sd);
    precision[i * n + i] = p;
    rhs[i] = p * l.priorMean[i]!;
  }
  // Only the lower triangle is read by the factorisation.
  for (const point of l.points) {
    const w = 1 / (spreads.noiseVariance.get(point.platform)! + point.extraVariance);
    const terms = point.terms;
    for (let a = 0; a < terms.length; a++) {
      const i = terms[a]!;
      rhs[i]! += w * point.value;
      for (let b = 0; b < terms.length; b++) {
        const j = terms[b]!;
        if (j <= i) precision[i * n + j]! += w;
      }
    }
  }
  const factor = cholesky(precision, n, l.first);
  return { mean: choleskySolve(factor, n, rhs), covariance: envelopeInverse(factor, n, l.first) };
}

/** One round of the evidence fixed point (spreads) and EM (noise); returns the noise's largest log change. */
function updateSpreads(l: Layout, post: Posterior, spreads: Spreads, noisePrior: number): number {
  const n = l.size;
  const sums = l.factors.map(() => ({ squares: 0, determined: 0 }));
  const deviations = { squares: 0, determined: 0 };
  for (let i = 0; i < n; i++) {
    const g = l.governor[i]!;
    if (g === FIXED) continue;
    const variance = g === DEVIATION ? spreads.deviationSd ** 2 : spreads.effectSd[g]! ** 2;
    const target = g === DEVIATION ? deviations : sums[g]!;
    const centred = post.mean[i]! - l.priorMean[i]!;
    target.squares += centred * centred;
    // How well the data determine this term (1: fully, 0: only the prior speaks).
    target.determined += 1 - post.covariance[i * n + i]! / variance;
  }
  sums.forEach((sum, f) => {
    if (l.factors[f]!.levels.every((level) => l.governor[level.index] === FIXED)) return;
    const squares = SPREAD_PRIOR_WEIGHT * SPREAD_PRIOR_SD ** 2 + sum.squares;
    spreads.effectSd[f] = clampSpread(Math.sqrt(squares / (SPREAD_PRIOR_WEIGHT + sum.determined)));
  });
  if (deviations.determined > 0) {
    spreads.deviationSd = clampSpread(Math.sqrt(deviations.squares / Math.max(deviations.determined, 1e-9)));
  }

  let change = 0;

  const noise = new Map<Platform, { sum: number; count: number }>();
  for (const point of l.points) {
    let fitted = 0;
    let spread = 0;
    for (const i of point.terms) {
      fitted += post.mean[i]!;
      for (const j of point.terms) spread += post.covariance[i * n + j]!;
    }
    const residual = point.value - fitted;
    const expectedSquare = residual * residual + spread;
    const s2 = spreads.noiseVariance.get(point.platform)!;
    const g2 = point.extraVariance;
    // EM for the noise when the value itself carries projection error of known variance g2.
    const share = s2 / (s2 + g2);
    const noiseSquare = (s2 * g2) / (s2 + g2) + share * share * expectedSquare;
    const cell = noise.get(point.platform) ?? { sum: 0, count: 0 };
    cell.sum += noiseSquare;
    cell.count += 1;
    noise.set(point.platform, cell);
  }
  for (const [platform, { sum, count }] of noise) {
    const next = (NOISE_PSEUDO_OBSERVATIONS * noisePrior + sum) / (NOISE_PSEUDO_OBSERVATIONS + count);
    const before = spreads.noiseVariance.get(platform)!;
    change = Math.max(change, Math.abs(Math.log(next / before)));
    spreads.noiseVariance.set(platform, next);
  }
  return change;
}

/** Cholesky factor of the shared effects' covariance block, for joint draws. */
function sharedDrawFactor(indices: number[], covariance: Float64Array, n: number): Float64Array {
  const k = indices.length;
  const block = new Float64Array(k * k);
  indices.forEach((i, a) => indices.forEach((j, b) => (block[a * k + b] = covariance[i * n + j]!)));
  return cholesky(block, k, new Int32Array(k));
}

export function fit(observations: Observation[], prior: PriorFromOtherAccounts | undefined): LearningModel {
  const growth = learnGrowth(observations);
  const used: Observation[] = [];
  const values: { value: number; variance: number }[] = [];
  for (const observation of observations) {
    const value = logViewsAt7d(growth, observation);
    if (!value) continue;
    used.push(observation);
    values.push(value);
  }
  const l = layout(used, values, prior);
  const noisePrior = (prior?.noiseSd ?? DEFAULT_NOISE_SD) ** 2;
  const spreads: Spreads = {
    effectSd: Float64Array.from(l.factors.map((f) => f.effectSd)),
    deviationSd: START_DEVIATION_SD,
    noiseVariance: new Map(l.accounts.map((a) => [a.platform, noisePrior])),
  };
  let post = posterior(l, spreads);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const noiseChange = updateSpreads(l, post, spreads, noisePrior);
    const next = posterior(l, spreads);
    const moved = next.mean.reduce((most, m, i) => Math.max(most, Math.abs(m - post.mean[i]!)), 0);
    post = next;
    // Spreads of factors without an effect shrink toward 0 for many rounds while no estimate moves: the
    // estimates and the noise decide when the fit is done.
    if (moved < MEAN_TOLERANCE && noiseChange < TOLERANCE) break;
  }

  const noiseSd: Partial<Record<Platform, number>> = {};
  let pooled = 0;
  for (const [platform, variance] of spreads.noiseVariance) {
    noiseSd[platform] = Math.sqrt(variance);
    pooled += variance * l.points.filter((p) => p.platform === platform).length;
  }
  const factors = l.factors.map((factor, f) => ({ ...factor, effectSd: spreads.effectSd[f]! }));
  return {
    observationCount: used.length,
    levels: Object.fromEntries(factors.map((f) => [f.name, f.levels.map((level) => level.level)])),
    accounts: l.accounts,
    factors,
    deviationSd: l.accounts.length > 1 ? spreads.deviationSd : 0,
    noiseSd,
    pooledNoiseSd: l.points.length > 0 ? Math.sqrt(pooled / l.points.length) : Math.sqrt(noisePrior),
    size: l.size,
    mean: post.mean,
    covariance: post.covariance,
    sharedDrawFactor: sharedDrawFactor(sharedIndices({ factors }), post.covariance, l.size),
    growth,
    prior: prior ?? null,
  };
}
