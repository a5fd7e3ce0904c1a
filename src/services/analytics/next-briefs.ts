import { UserError } from '../../domain/errors.js';
import { chooseNext, type FactorRecommendation, type LearningModel } from '../../domain/learning/index.js';

export interface NextBrief {
  factors: Record<string, string>;
  exploring: boolean;
}

/** Refuses a pin on a factor a brief cannot set, or on a level outside its choices (400 invalid_pin). */
export function checkPins(pinned: Record<string, string>, space: Record<string, string[]>): void {
  for (const [factor, level] of Object.entries(pinned)) {
    const levels = space[factor];
    if (!levels) {
      throw new UserError('validation', 'invalid_pin', `“${factor}” is not something a brief can set`, {
        factor,
        settable: Object.keys(space),
      });
    }
    if (!levels.includes(level)) {
      throw new UserError('validation', 'invalid_pin', `“${level}” is not a choice for ${factor}`, {
        factor,
        levels,
      });
    }
  }
}

/**
 * The part of the space the model can choose in: factors it has seen levels of, and pinned ones. A factor no
 * video has recorded yet (a voice never used, say) is left to the brief's own default rather than drawn at random.
 */
export function learnedSpace(
  space: Record<string, string[]>,
  seen: Record<string, string[]>,
  pinned: Record<string, string>,
): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(space).filter(([factor]) => factor in pinned || (seen[factor]?.length ?? 0) > 0),
  );
}

/**
 * `count` briefs' levels, each drawn by the model's own choice rule (tempered Thompson sampling keeps a share of
 * briefs on levels it is unsure of) with the pins kept. A brief explores when a level it did not have pinned
 * differs from the current best level of that factor.
 */
export function chooseBriefs(
  model: LearningModel,
  recommendations: readonly FactorRecommendation[],
  space: Record<string, string[]>,
  pinned: Record<string, string>,
  count: number,
  random: () => number,
): NextBrief[] {
  const best = new Map(recommendations.map((r) => [r.factor, r.bestLevel]));
  return Array.from({ length: count }, () => {
    const factors = { ...chooseNext(model, space, pinned, random), ...pinned };
    const exploring = Object.entries(factors).some(
      ([factor, level]) => !(factor in pinned) && best.has(factor) && best.get(factor) !== level,
    );
    return { factors, exploring };
  });
}
