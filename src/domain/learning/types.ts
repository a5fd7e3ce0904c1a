import type { Platform } from '../connection.js';

/** One video as the learning loop sees it. `views: null` means no data at that age (never 0). */
export interface Observation {
  videoId: string;
  accountId: string;
  platform: Platform;
  factors: Record<string, string>;
  publishedAt: string;
  snapshots: { ageHours: number; views: number | null }[];
}

/** A multiplier on views relative to the account's typical video, with its 80 % range. */
export interface MultiplierRange {
  median: number;
  low80: number;
  high80: number;
}

export type Verdict = 'winner' | 'leaning' | 'unknown';

export interface FactorRecommendation {
  factor: string;
  bestLevel: string;
  /** Views with the best level ÷ views with the typical level. */
  multiplier: MultiplierRange;
  /** Posterior probability that bestLevel is the best level of this factor. */
  probabilityBest: number;
  /** Videos behind the estimate (with this factor recorded). */
  videos: number;
  verdict: Verdict;
}

/** What other accounts taught: where a new account's effects and baseline start. */
export interface PriorFromOtherAccounts {
  /** Mean log-views at the fixed age across accounts, and its spread between accounts. */
  baselineMean: number;
  baselineSd: number;
  /** Effect of each level (log scale) learned across accounts, with its uncertainty. */
  effects: Record<string, Record<string, { mean: number; sd: number }>>;
  /** Residual spread of log views around the model. */
  noiseSd: number;
}
