import type { WorldSettings } from './core/world.js';

/** ln of a multiplier: the world's effects are natural-log multipliers. */
const times = (multiplier: number): number => Math.log(multiplier);

/**
 * The world of the learning-loop demo and its browser test: three planted effects the recommendation cards
 * should name, nothing on weekdays, and enough earlier posts per account (150 on each of three platforms) for
 * clear verdicts.
 */
export const DEMO_WORLD: Omit<WorldSettings, 'timeZone'> = {
  duration: { '10-20s': times(1.6) },
  postingHour: { '18-21': times(1.5) },
  weekday: {},
  caption: { question: times(1.3) },
  noiseSd: 0.5,
  historyVideos: 150,
  historyWeeks: 12,
};

/** What the cards should say of the planted effects (factor label → best level label). */
export const DEMO_PLANTED = { Length: '10–20 s', 'Posting time': '18:00–21:00' } as const;
