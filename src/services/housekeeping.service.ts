import { HOUSEKEEPING_JOB, SYSTEM_WORKSPACE } from '../jobs/catalog.js';
import { isoNow, type Clock } from '../ports/clock.js';
import type { JobQueue } from '../ports/job-queue.js';
import type { Store } from '../ports/store.js';

const EVERY_MS = 3_600_000;

/** Removes what has expired (sessions, OAuth states), once an hour, as a delayed job that plans the next one. */
export class HousekeepingService {
  constructor(
    private readonly deps: {
      store: Store;
      clock: Clock;
      queue: JobQueue;
      /** Deletes the files of data exports whose link expired. */
      dataExports?: { deleteExpired(): Promise<number> };
    },
  ) {}

  /** Queues the next run at the next full hour; the key makes every process plan the same single job. */
  async planNext(): Promise<void> {
    const next = Math.floor(this.deps.clock.now() / EVERY_MS) * EVERY_MS + EVERY_MS;
    const runAt = new Date(next).toISOString();
    await this.deps.queue.enqueue(
      HOUSEKEEPING_JOB,
      SYSTEM_WORKSPACE,
      {},
      { runAt, idempotencyKey: `housekeeping:${runAt}` },
    );
  }

  /** Deletes expired sessions, OAuth states and data export files. */
  async deleteExpired(): Promise<void> {
    const now = isoNow(this.deps.clock);
    await this.deps.store.sessions.deleteExpired(now);
    await this.deps.store.oauthStates.deleteExpired(now);
    await this.deps.dataExports?.deleteExpired();
  }
}
