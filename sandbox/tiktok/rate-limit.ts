const WINDOW_MS = 60_000;

/** Per-token one-minute sliding windows (§1.4): the call that would exceed the limit is refused, not counted. */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();

  /** Records a call under `key` when it fits in the window; false means answer 429. */
  allow(key: string, limit: number, nowMs: number): boolean {
    const recent = (this.hits.get(key) ?? []).filter((at) => at > nowMs - WINDOW_MS);
    const allowed = recent.length < limit;
    if (allowed) recent.push(nowMs);
    this.hits.set(key, recent);
    return allowed;
  }
}
