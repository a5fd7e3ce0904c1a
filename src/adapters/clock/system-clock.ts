import type { Clock } from '../../ports/clock.js';

/** The real time. */
export const systemClock: Clock = { now: () => Date.now() };
