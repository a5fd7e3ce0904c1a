import type { Connection } from '../domain/connection.js';
import { REFRESH_TOKEN_JOB } from '../jobs/catalog.js';
import type { JobQueue } from '../ports/job-queue.js';
import type { Store } from '../ports/store.js';

// Far enough to cover every planned refresh at boot; refreshes are at most weeks ahead.
const END_OF_TIME = '9999-12-31T23:59:59.999Z';
const BOOT_PLAN_LIMIT = 10_000;

/**
 * Plans each connection's next token refresh as a delayed job at its `nextRefreshAt`. The idempotency key
 * names the connection and the due time, so planning twice adds one job, and a re-planned refresh
 * (after a reconnect or a failure) is a new job while the stale one finds nothing due and does nothing.
 */
export class RefreshPlanner {
  constructor(private readonly deps: { store: Store; queue: JobQueue }) {}

  /** Queues the connection's next refresh, if it has one. */
  async plan(connection: Connection): Promise<void> {
    if (!connection.nextRefreshAt || connection.status !== 'active') return;
    await this.deps.queue.enqueue(
      REFRESH_TOKEN_JOB,
      connection.workspaceId,
      { connectionId: connection.id },
      {
        runAt: connection.nextRefreshAt,
        idempotencyKey: `refresh:${connection.id}:${connection.nextRefreshAt}`,
      },
    );
  }

  /** At boot: plans every connection's refresh (a no-op for those already planned). */
  async planAll(): Promise<number> {
    const planned = await this.deps.store.connections.listDueRefreshes(END_OF_TIME, BOOT_PLAN_LIMIT);
    for (const connection of planned) await this.plan(connection);
    return planned.length;
  }
}
