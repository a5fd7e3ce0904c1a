/**
 * The learning loop's fixed interface (driven by checks outside the product; keep names and shapes).
 * Placeholder signatures until the model lands; every function is replaced by the real one.
 */
import type { Platform } from '../connection.js';
import type { FactorRecommendation, MultiplierRange, Observation, PriorFromOtherAccounts } from './types.js';

export type * from './types.js';

/** A fitted model; fields beyond these are the model's own. */
export interface LearningModel {
  /** Observations the fit used. */
  readonly observationCount: number;
  /** Levels seen per factor. */
  readonly levels: Record<string, string[]>;
}

const pending = (): never => {
  throw new Error('learning model not built yet');
};

export function fitModel(
  _observations: Observation[],
  _options?: { prior?: PriorFromOtherAccounts },
): LearningModel {
  return pending();
}

export function recommend(_model: LearningModel): FactorRecommendation[] {
  return pending();
}

export function chooseNext(
  _model: LearningModel,
  _space: Record<string, string[]>,
  _pinned: Record<string, string>,
  _random: () => number,
): Record<string, string> {
  return pending();
}

export function predictViews(
  _model: LearningModel,
  _accountId: string,
  _platform: Platform,
  _factors: Record<string, string>,
  _ageHours: number,
): MultiplierRange {
  return pending();
}

export function priorFrom(_models: LearningModel[]): PriorFromOtherAccounts {
  return pending();
}
