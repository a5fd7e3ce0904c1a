import type { SchedulerLease } from '../../ports/scheduler-lease.js';

/**
 * The lease of the embedded default, where one process runs every role and no other process shares its store:
 * always held, nothing to renew or release.
 */
export class SoloLease implements SchedulerLease {
  readonly ttlMs = 60_000;

  async acquire(): Promise<boolean> {
    return true;
  }

  async release(): Promise<void> {}

  async close(): Promise<void> {}
}
