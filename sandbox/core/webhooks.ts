export interface WebhookDelivery {
  id: number;
  platform: string;
  url: string;
  body: string;
  headers: Record<string, string>;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  delivered: boolean;
}

export interface WebhookSenderOptions {
  maxAttempts?: number;
  /** Delay before retry n (1-based); exponential by default. */
  backoffMs?: (attempt: number) => number;
  timeoutMs?: number;
}

/** Delivers platform-side events to the product, retrying with backoff while the receiver fails. */
export class WebhookSender {
  private deliveries: WebhookDelivery[] = [];
  private nextId = 1;
  private timers = new Set<NodeJS.Timeout>();
  private readonly maxAttempts: number;
  private readonly backoffMs: (attempt: number) => number;
  private readonly timeoutMs: number;

  constructor(options: WebhookSenderOptions = {}) {
    this.maxAttempts = options.maxAttempts ?? 8;
    this.backoffMs = options.backoffMs ?? ((n) => Math.min(500 * 2 ** (n - 1), 60_000));
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  /** Queues a POST; `duplicate` sends it once more after success, as real platforms sometimes do. */
  send(input: {
    platform: string;
    url: string;
    body: string;
    headers: Record<string, string>;
    duplicate?: boolean;
  }): WebhookDelivery {
    const delivery: WebhookDelivery = {
      id: this.nextId++,
      platform: input.platform,
      url: input.url,
      body: input.body,
      headers: input.headers,
      attempts: 0,
      lastStatus: null,
      lastError: null,
      delivered: false,
    };
    this.deliveries.push(delivery);
    void this.attempt(delivery, input.duplicate ?? false);
    return delivery;
  }

  list(platform?: string): WebhookDelivery[] {
    return this.deliveries.filter((d) => !platform || d.platform === platform);
  }

  /** Resolves when no delivery is pending (delivered or out of attempts); for tests. */
  async settled(pollMs = 20, maxMs = 30_000): Promise<void> {
    const until = Date.now() + maxMs;
    while (this.timers.size > 0 || this.inFlight > 0) {
      if (Date.now() > until) throw new Error('webhook deliveries did not settle');
      await new Promise((r) => setTimeout(r, pollMs));
    }
  }

  /** Stops pending retries (on shutdown). */
  close(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private inFlight = 0;

  private async attempt(delivery: WebhookDelivery, duplicate: boolean): Promise<void> {
    this.inFlight += 1;
    delivery.attempts += 1;
    try {
      const res = await fetch(delivery.url, {
        method: 'POST',
        headers: delivery.headers,
        body: delivery.body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      delivery.lastStatus = res.status;
      delivery.lastError = null;
      await res.arrayBuffer();
      delivery.delivered = res.status >= 200 && res.status < 300;
    } catch (err) {
      delivery.lastError = err instanceof Error ? err.message : String(err);
    } finally {
      this.inFlight -= 1;
    }
    if (delivery.delivered) {
      if (duplicate)
        this.schedule(() => this.attempt({ ...delivery, id: this.nextId++, attempts: 0 }, false), 50);
      return;
    }
    if (delivery.attempts < this.maxAttempts) {
      this.schedule(() => this.attempt(delivery, false), this.backoffMs(delivery.attempts));
    }
  }

  private schedule(fn: () => Promise<void>, ms: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void fn();
    }, ms);
    this.timers.add(timer);
  }
}
