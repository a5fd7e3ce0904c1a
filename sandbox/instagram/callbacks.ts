import { createHmac } from 'node:crypto';

/**
 * The §2.6 `signed_request`: base64url(HMAC-SHA256(app secret, payloadPart)) + "." + payloadPart, where
 * payloadPart = base64url(JSON payload) and the payload's `user_id` is the app-scoped id.
 */
export function signedRequest(appSecret: string, appScopedUserId: string, nowSeconds: number): string {
  const payload = {
    algorithm: 'HMAC-SHA256',
    issued_at: nowSeconds,
    expires: nowSeconds + 3600,
    user_id: appScopedUserId,
  };
  const payloadPart = Buffer.from(JSON.stringify(payload)).toString('base64url');
  const signature = createHmac('sha256', appSecret).update(payloadPart).digest('base64url');
  return `${signature}.${payloadPart}`;
}

export interface RetryOptions {
  maxAttempts: number;
  /** Delay before retry n (1-based). */
  backoffMs: (attempt: number) => number;
  timeoutMs: number;
}

export const DEFAULT_RETRY: RetryOptions = {
  maxAttempts: 8,
  backoffMs: (n) => Math.min(500 * 2 ** (n - 1), 60_000),
  timeoutMs: 10_000,
};

/** One data-deletion request and what the product answered to it. */
export interface DataDeletionRecord {
  id: number;
  url: string;
  userId: string;
  signedRequest: string;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  delivered: boolean;
  /** The `{url, confirmation_code}` reply, when the product sent a valid one. */
  reply: { url: string; confirmation_code: string } | null;
  /** Why the reply was refused (not JSON, a field missing, a relative status URL…). */
  replyError: string | null;
}

/** Checks the reply Meta expects from a data-deletion callback: `{"url": <absolute URL>, "confirmation_code": …}`. */
export function checkDeletionReply(text: string): {
  reply: DataDeletionRecord['reply'];
  error: string | null;
} {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { reply: null, error: 'reply is not JSON' };
  }
  const { url, confirmation_code: code } = (parsed ?? {}) as Record<string, unknown>;
  if (typeof code !== 'string' || code.length === 0)
    return { reply: null, error: 'confirmation_code missing' };
  if (typeof url !== 'string' || !/^https?:\/\/[^\s]+$/.test(url)) {
    return { reply: null, error: 'url missing or not an absolute http(s) URL' };
  }
  return { reply: { url, confirmation_code: code }, error: null };
}

/**
 * Sends data-deletion callbacks and keeps their replies (the core webhook sender drops response bodies).
 * Retries with backoff until the product answers 2xx; timers never keep the process alive.
 */
export class DataDeletionSender {
  private readonly records: DataDeletionRecord[] = [];
  private nextId = 1;
  private pending = 0;

  constructor(private readonly retry: RetryOptions = DEFAULT_RETRY) {}

  send(url: string, userId: string, signed: string): DataDeletionRecord {
    const record: DataDeletionRecord = {
      id: this.nextId++,
      url,
      userId,
      signedRequest: signed,
      attempts: 0,
      lastStatus: null,
      lastError: null,
      delivered: false,
      reply: null,
      replyError: null,
    };
    this.records.push(record);
    this.pending += 1;
    void this.attempt(record);
    return record;
  }

  list(): DataDeletionRecord[] {
    return [...this.records];
  }

  /** Deliveries in flight or waiting for a retry. */
  pendingCount(): number {
    return this.pending;
  }

  private async attempt(record: DataDeletionRecord): Promise<void> {
    record.attempts += 1;
    try {
      const response = await fetch(record.url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ signed_request: record.signedRequest }).toString(),
        signal: AbortSignal.timeout(this.retry.timeoutMs),
      });
      record.lastStatus = response.status;
      record.lastError = null;
      const text = await response.text();
      if (response.ok) {
        record.delivered = true;
        const checked = checkDeletionReply(text);
        record.reply = checked.reply;
        record.replyError = checked.error;
      }
    } catch (error) {
      record.lastError = error instanceof Error ? error.message : String(error);
    }
    if (record.delivered || record.attempts >= this.retry.maxAttempts) {
      this.pending -= 1;
      return;
    }
    setTimeout(() => void this.attempt(record), this.retry.backoffMs(record.attempts)).unref();
  }
}
