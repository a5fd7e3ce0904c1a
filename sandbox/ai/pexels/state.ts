/** One request the fake answered, for tests to assert on. */
export interface LoggedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  authorization: string | null;
  status: number;
}

/** A failure to serve instead of the next answers of the API: a status (500, 503…) or a hang. */
export type Fault = { type: 'status'; status: number } | { type: 'hang' };

/** Documented default: 200 requests an hour (and 20,000 a month). */
export const DEFAULT_HOURLY_LIMIT = 200;
const HOUR_MS = 3_600_000;

/** The fake's mutable state: keys, the rate-limit window, queued faults and the request log. */
export class PexelsFakeState {
  readonly requests: LoggedRequest[] = [];
  /** Paths of media files served (images and video files), in order. */
  readonly downloads: string[] = [];
  private readonly faults: Fault[] = [];
  remaining: number;
  resetAtMs: number;

  constructor(
    readonly apiKeys: readonly string[],
    readonly limit: number,
    private readonly now: () => number,
  ) {
    this.remaining = limit;
    this.resetAtMs = now() + HOUR_MS;
  }

  /** Serves `fault` instead of the next `times` API answers. */
  injectFault(fault: Fault, times = 1): void {
    for (let i = 0; i < times; i++) this.faults.push(fault);
  }

  /** The next queued fault, if any. */
  takeFault(): Fault | undefined {
    return this.faults.shift();
  }

  /** Counts one request against the window; false when the window is used up. */
  spend(): boolean {
    if (this.now() >= this.resetAtMs) {
      this.remaining = this.limit;
      this.resetAtMs = this.now() + HOUR_MS;
    }
    if (this.remaining <= 0) return false;
    this.remaining -= 1;
    return true;
  }

  /** The X-Ratelimit-* headers Pexels sends with successful answers. */
  rateLimitHeaders(): Record<string, string> {
    return {
      'x-ratelimit-limit': String(this.limit),
      'x-ratelimit-remaining': String(this.remaining),
      'x-ratelimit-reset': String(Math.floor(this.resetAtMs / 1000)),
    };
  }
}
