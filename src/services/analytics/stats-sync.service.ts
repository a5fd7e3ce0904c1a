import type { Connection, Platform } from '../../domain/connection.js';
import type { Publication } from '../../domain/publishing/publication.js';
import { STATS_IMPORT_JOB, STATS_SYNC_JOB, SYSTEM_WORKSPACE } from '../../jobs/catalog.js';
import type { PlatformStatsReader } from '../../ports/platform-stats.js';
import { importEarlierPosts } from './import-posts.js';
import { startTracking } from './start-tracking.js';
import type { StatsSyncDeps } from './stats-sync-deps.js';
import { sweepDueVideos, type SweepResult } from './stats-sweep.js';

/** Following published videos' public numbers: tracking, the periodic sweep, and the import of earlier posts. */
export class StatsSyncService {
  private running: Promise<SweepResult> | null = null;

  constructor(private readonly deps: StatsSyncDeps) {}

  /** The platform's stats reader, when this server has one. */
  readerFor(platform: Platform): PlatformStatsReader | undefined {
    return this.deps.readers[platform];
  }

  /** Queues the next sweep at the next interval boundary; the key makes every process plan the same single job. */
  async planNext(): Promise<void> {
    const every = this.deps.settings.intervalMs;
    const runAt = new Date(Math.floor(this.deps.clock.now() / every) * every + every).toISOString();
    await this.deps.queue.enqueue(
      STATS_SYNC_JOB,
      SYSTEM_WORKSPACE,
      {},
      { runAt, idempotencyKey: `stats-sync:${runAt}` },
    );
  }

  /**
   * Reads every video due now (see docs/analytics.md for the batching rule and the budgets). A sweep still running
   * when the next is due is joined, not doubled, so no reading is asked for twice in this process.
   */
  sweep(): Promise<SweepResult> {
    this.running ??= sweepDueVideos(this.deps).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Called when a publication is out with its post id: its numbers start being followed. */
  startTracking(p: Publication): Promise<void> {
    return startTracking(this.deps, p);
  }

  /** Queues the import of a connected (or reconnected) account's earlier posts. */
  async planImport(connection: Connection): Promise<void> {
    const at = new Date(this.deps.clock.now()).toISOString();
    await this.deps.queue.enqueue(
      STATS_IMPORT_JOB,
      connection.workspaceId,
      { connectionId: connection.id },
      { idempotencyKey: `stats-import:${connection.id}:${at}` },
    );
  }

  /** The import job's step. */
  importEarlierPosts(workspaceId: string, connectionId: string): Promise<number> {
    return importEarlierPosts(this.deps, workspaceId, connectionId);
  }
}
