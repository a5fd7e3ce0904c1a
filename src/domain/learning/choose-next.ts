import { levelKey, type LearningModel } from './model.js';
import { normalDraw } from './random.js';

/**
 * Tempered Thompson sampling: one joint draw of the shared effects from the posterior with its spread scaled by
 * `EXPLORATION`, then the best drawn level of each factor. Below 1 the draws stay nearer the posterior mean; 0.8
 * balances views earned against planted levels found in the learning-loop benchmark (see decision 0031). Levels the
 * model never saw are drawn from their prior (other accounts' effect when known, else the factor's spread around the
 * typical level), so they get tried.
 */
export const EXPLORATION = 0.8;
/** Spread of a factor the model has never seen (log scale). */
const UNSEEN_FACTOR_SD = 0.3;

export function chooseLevels(
  model: LearningModel,
  space: Record<string, string[]>,
  pinned: Record<string, string>,
  random: () => number,
): Record<string, string> {
  const k = model.factors.reduce((sum, f) => sum + f.levels.length, 0);
  const z = new Float64Array(k);
  for (let a = 0; a < k; a++) z[a] = normalDraw(random);
  const drawn = new Map<string, number>();
  let a = 0;
  for (const factor of model.factors) {
    for (const level of factor.levels) {
      let value = model.mean[level.index]!;
      for (let b = 0; b <= a; b++) value += EXPLORATION * model.sharedDrawFactor[a * k + b]! * z[b]!;
      drawn.set(levelKey(factor.name, level.level), value);
      a++;
    }
  }

  const chosen: Record<string, string> = { ...pinned };
  for (const [name, levels] of Object.entries(space)) {
    if (name in pinned || levels.length === 0) continue;
    const factor = model.factors.find((f) => f.name === name);
    let best = levels[0]!;
    let bestValue = -Infinity;
    for (const level of levels) {
      let value = drawn.get(levelKey(name, level));
      if (value === undefined) {
        const fromOthers = model.prior?.effects[name]?.[level];
        const sd = fromOthers?.sd ?? factor?.effectSd ?? UNSEEN_FACTOR_SD;
        value = (fromOthers?.mean ?? 0) + EXPLORATION * sd * normalDraw(random);
      }
      if (value > bestValue) {
        bestValue = value;
        best = level;
      }
    }
    chosen[name] = best;
  }
  return chosen;
}
