import type { Logger } from '../ports/logger.js';
import type { SchedulerLease } from '../ports/scheduler-lease.js';

export interface SchedulerDeps {
  lease: SchedulerLease;
  /** Plans every recurring job; idempotent, so a second scheduler or a second run adds nothing. */
  plan(): Promise<void>;
  logger: Logger;
  /** While active, plan again this often (mends a chain broken by a job that failed for good). */
  replanMs: number;
  /** Milliseconds now (tests pass their own). */
  now?: () => number;
}

/**
 * The scheduler role: plans the recurring work (token refreshes, housekeeping, stats sweeps, retention) while it
 * holds the lease, so of several schedulers one is active and the rest stand by. Every plan is also idempotent
 * (keyed jobs), so a moment with two active ones (a lapsed lease, a paused process) still plans each job once.
 * The due work itself (scheduled publications, refreshes, sweeps) is delayed jobs the workers run at their time.
 */
export class Scheduler {
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<boolean> | null = null;
  private active = false;
  private lastPlanAt = -Infinity;
  private readonly now: () => number;

  constructor(private readonly deps: SchedulerDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Whether this scheduler held the lease at its last tick. */
  get isActive(): boolean {
    return this.active;
  }

  /** Takes the lease if it is free and plans (a failed first plan throws), then keeps renewing or waiting for it. */
  async start(): Promise<void> {
    if (this.timer) return;
    await this.tick({ throwPlanErrors: true });
    // Renew at a third of the lease, so two missed renewals still leave it held.
    this.timer = setInterval(() => void this.tick(), Math.max(1, Math.floor(this.deps.lease.ttlMs / 3)));
    this.timer.unref();
  }

  /** One round: take or renew the lease; plan when just taken or when a re-plan is due. True when active. */
  tick(options: { throwPlanErrors?: boolean } = {}): Promise<boolean> {
    this.ticking ??= this.round(options.throwPlanErrors ?? false).finally(() => {
      this.ticking = null;
    });
    return this.ticking;
  }

  /** Stops ticking and lets go of the lease, so a standby takes over at once. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.ticking?.catch(() => undefined);
    if (!this.active) return;
    this.active = false;
    await this.deps.lease
      .release()
      .catch((err: unknown) => this.deps.logger.warn({ err }, 'could not release the scheduler lease'));
  }

  private async round(throwPlanErrors: boolean): Promise<boolean> {
    const wasActive = this.active;
    try {
      this.active = await this.deps.lease.acquire();
    } catch (err) {
      // Unsure whether we still hold it: stand by; the lease lapses by itself if we did.
      this.active = false;
      this.deps.logger.warn({ err }, 'scheduler lease unreachable; standing by');
      return false;
    }
    if (this.active !== wasActive)
      this.deps.logger.info({}, this.active ? 'scheduler active (lease taken)' : 'scheduler standing by');
    if (!this.active) return false;
    if (wasActive && this.now() - this.lastPlanAt < this.deps.replanMs) return true;
    this.lastPlanAt = this.now();
    try {
      await this.deps.plan();
    } catch (err) {
      if (throwPlanErrors) throw err;
      this.deps.logger.error({ err }, 'planning the recurring jobs failed; trying again at the next re-plan');
    }
    return true;
  }
}
