import { TransientError } from '../../domain/errors.js';
import type { PasswordHasher } from '../../ports/password-hasher.js';

const RETRY_AFTER_MS = 2_000;

/**
 * Runs at most `concurrency` hashes at once, with at most `queue` more waiting; past that it refuses at once with
 * a `busy` TransientError (503, Retry-After). Each scrypt hash holds about 128 MiB and a thread-pool slot, so an
 * unbounded flood of sign-ins would exhaust memory and stall every other file and crypto call of the server.
 */
export class BoundedPasswordHasher implements PasswordHasher {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly inner: PasswordHasher,
    private readonly limits: { concurrency: number; queue: number },
  ) {}

  hash(password: string): Promise<string> {
    return this.gated(() => this.inner.hash(password));
  }

  verify(password: string, stored: string): Promise<boolean> {
    return this.gated(() => this.inner.verify(password, stored));
  }

  private async gated<T>(work: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.running < this.limits.concurrency) {
      this.running += 1;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.limits.queue) {
      return Promise.reject(
        new TransientError('busy', 'The server is busy; try again in a moment', RETRY_AFTER_MS),
      );
    }
    // The slot passes straight from the releasing hash to the waiter, so `running` never overshoots.
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running -= 1;
  }
}
