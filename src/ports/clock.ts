/** Time, injected so tests can control expiries. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

/** The current time as an ISO-8601 string. */
export function isoNow(clock: Clock, plusMs = 0): string {
  return new Date(clock.now() + plusMs).toISOString();
}
