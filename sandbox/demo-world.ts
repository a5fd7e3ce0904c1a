import type { WorldSettings } from './core/world.js';

/** ln of a multiplier: the world's effects are natural-log multipliers. */
const times = (multiplier: number): number => Math.log(multiplier);

/**
 * The world of the learning-loop demo and its browser test: three planted effects the recommendation cards
 * should name, nothing on weekdays, and enough earlier posts per account (150 on each of three platforms) for
 * clear verdicts. The per-video noise is milder than the default world's 0.5: which earlier posts fall in which
 * posting-time block depends on when the sandbox started, and with 0.5, of 60 simulated start times 3 left the ×1.5
 * of 18:00–21:00 (about 50 of ~400 imported videos) at "not enough evidence" and 7 more only leaning; with 0.35
 * all 60 found it a clear winner.
 */
export const DEMO_WORLD: Omit<WorldSettings, 'timeZone'> = {
  duration: { '10-20s': times(1.6) },
  postingHour: { '18-21': times(1.5) },
  weekday: {},
  caption: { question: times(1.3) },
  noiseSd: 0.35,
  historyVideos: 150,
  historyWeeks: 12,
};

/** What the cards should say of the planted effects (factor label → best level label). */
export const DEMO_PLANTED = { Length: '10–20 s', 'Posting time': '18:00–21:00' } as const;
