import type { Clock } from '../ports/clock.js';

const HOUR_MS = 3_600_000;
// Forgetting finished windows only when the map is big keeps the common path to one lookup.
const PRUNE_ABOVE = 10_000;

/**
 * Counts uses per key in fixed one-hour windows, in this process's memory (as the HTTP rate limits do): enough to
 * stop one person or workspace from mailing hundreds of strangers, without a store round trip per use.
 */
export class HourlyQuota {
  private readonly windows = new Map<string, { startedAt: number; used: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly perHour: number,
  ) {}

  /** Seconds until `key` may be used again, or 0 when it may be used now. */
  waitSeconds(key: string): number {
    const window = this.current(key);
    if (!window || window.used < this.perHour) return 0;
    return Math.max(1, Math.ceil((window.startedAt + HOUR_MS - this.clock.now()) / 1000));
  }

  /** Counts one use of `key`. */
  use(key: string): void {
    const now = this.clock.now();
    const window = this.current(key) ?? { startedAt: now, used: 0 };
    window.used += 1;
    this.windows.set(key, window);
    if (this.windows.size > PRUNE_ABOVE) this.prune(now);
  }

  private current(key: string) {
    const window = this.windows.get(key);
    return window && this.clock.now() - window.startedAt < HOUR_MS ? window : undefined;
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) {
      if (now - window.startedAt >= HOUR_MS) this.windows.delete(key);
    }
  }
}
