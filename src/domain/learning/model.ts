import type { Platform } from '../connection.js';
import type { GrowthRelation } from './growth.js';
import type { PriorFromOtherAccounts } from './types.js';

/** One level of a factor: its shared effect (log scale) is `mean[index]`. */
export interface LevelTerm {
  level: string;
  index: number;
  /** Observations with this level. */
  videos: number;
}

export interface FactorTerm {
  name: string;
  /** Prior spread of this factor's level effects (empirical Bayes, or from other accounts). */
  effectSd: number;
  /** Observations with this factor recorded. */
  videos: number;
  levels: LevelTerm[];
}

export interface AccountTerm {
  accountId: string;
  platform: Platform;
  /** The account's baseline (log views at 7 days of a typical video) is `mean[index]`. */
  index: number;
  videos: number;
  /** Index of the account's own deviation from a level's shared effect, by `levelKey(factor, level)`. */
  deviations: Record<string, number>;
}

/** A fitted model; `observationCount` and `levels` are the fixed part, the rest is the model's own. */
export interface LearningModel {
  /** Observations the fit used. */
  readonly observationCount: number;
  /** Levels seen per factor. */
  readonly levels: Record<string, string[]>;
  readonly accounts: AccountTerm[];
  readonly factors: FactorTerm[];
  /** Spread of an account's deviation from a shared effect (0 with a single account). */
  readonly deviationSd: number;
  /** Residual spread of log views by platform, and pooled. */
  readonly noiseSd: Partial<Record<Platform, number>>;
  readonly pooledNoiseSd: number;
  /**
   * Posterior mean of every term, and covariance (row-major size × size) within each account's terms, between them
   * and the shared effects, and among the shared effects (between two accounts' own terms it is not computed: 0).
   */
  readonly size: number;
  readonly mean: Float64Array;
  readonly covariance: Float64Array;
  /** Lower Cholesky factor of the shared effects' covariance, in `factors`/`levels` order (Thompson draws). */
  readonly sharedDrawFactor: Float64Array;
  readonly growth: GrowthRelation;
  readonly prior: PriorFromOtherAccounts | null;
}

/** A key naming one level of one factor. */
export function levelKey(factor: string, level: string): string {
  return `${factor}\u0000${level}`;
}

/** Shared-effect indices in `factors`/`levels` order. */
export function sharedIndices(model: Pick<LearningModel, 'factors'>): number[] {
  return model.factors.flatMap((factor) => factor.levels.map((level) => level.index));
}
