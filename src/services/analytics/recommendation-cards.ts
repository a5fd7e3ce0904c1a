import type { RecommendationsView } from '../../api/analytics.js';
import { factorLabel, levelLabel } from '../../domain/analytics/factor-labels.js';
import type { FactorRecommendation } from '../../domain/learning/index.js';

type Card = RecommendationsView['cards'][number];

const VERDICT_ORDER = { winner: 0, leaning: 1, unknown: 2 } as const;

/** The model's recommendations as cards people read: labelled, clear winners first, then by effect size. */
export function toCards(recommendations: readonly FactorRecommendation[]): Card[] {
  return recommendations
    .map((r) => ({
      factor: r.factor,
      factorLabel: factorLabel(r.factor),
      bestLevel: r.bestLevel,
      bestLevelLabel: levelLabel(r.factor, r.bestLevel),
      multiplier: { ...r.multiplier },
      probabilityBest: r.probabilityBest,
      videos: r.videos,
      verdict: r.verdict,
    }))
    .sort(
      (a, b) =>
        VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict] ||
        b.multiplier.median - a.multiplier.median ||
        a.factor.localeCompare(b.factor),
    );
}
