import { CAPTION_STYLES, STYLE_PRESETS } from '../../src/domain/content.js';
import {
  DURATION_LEVELS,
  HOOK_STYLES,
  POSTING_HOUR_LEVELS,
  WEEKDAY_LEVELS,
} from '../../src/domain/analytics/factors.js';

/** Levels of each factor in the simulated worlds: the product's own where it has a fixed list. */
export const SPACE: Record<string, string[]> = {
  hookStyle: [...HOOK_STYLES],
  duration: [...DURATION_LEVELS],
  postingHour: [...POSTING_HOUR_LEVELS],
  weekday: [...WEEKDAY_LEVELS],
  voice: ['default', 'alto', 'tenor', 'bass'],
  captionStyle: [...CAPTION_STYLES],
  stylePreset: [...STYLE_PRESETS],
  music: ['none', 'builtin:calm', 'builtin:bright'],
  topic: ['cooking', 'fitness', 'money', 'travel', 'tech'],
};

/**
 * Planted effects (log scale; unlisted levels 0): one clear best level on two factors, none on the other seven.
 * Sized so that random choice earns about half of the oracle (0.52) and a perfect best-time slot with the other
 * factors random 0.85, which a heatmap learning from noisy slots gets near (the reference figures for random choice
 * and heatmaps are about 0.52 and 0.70).
 */
export const PLANTED: Record<string, Record<string, number>> = {
  hookStyle: { question: 0.2 },
  postingHour: { '18-21': 0.6 },
};

/** The factors with a planted effect, and those without. */
export const WITH_EFFECT = Object.keys(PLANTED);
export const WITHOUT_EFFECT = Object.keys(SPACE).filter((f) => !(f in PLANTED));

/** Views with random levels ÷ views with the best levels, in expectation (the random baseline's exact ratio). */
export function randomChoiceRatio(effects: Record<string, Record<string, number>>): number {
  let ratio = 1;
  for (const [factor, levels] of Object.entries(SPACE)) {
    const values = levels.map((level) => Math.exp(effects[factor]?.[level] ?? 0));
    ratio *= values.reduce((s, v) => s + v, 0) / values.length / Math.max(...values);
  }
  return ratio;
}
