import type { Logger } from '../ports/logger.js';

/** One kind of due work: looked up in the store each tick, so a restart loses nothing. */
export interface ScheduledTask {
  name: string;
  run(): Promise<unknown>;
}

/**
 * Runs each task every `intervalMs`, never two runs of one task at once. Due work lives in the store
 * (next_refresh_at, expires_at…), so ticks are idempotent and several schedulers can run side by side.
 */
export class Scheduler {
  private timer: NodeJS.Timeout | null = null;
  private running = new Set<string>();

  constructor(
    private readonly tasks: ScheduledTask[],
    private readonly intervalMs: number,
    private readonly logger: Logger,
  ) {}

  start(): void {
    if (this.timer) return;
    void this.tick();
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    while (this.running.size > 0) await new Promise((r) => setTimeout(r, 20));
  }

  /** One pass over every task; a failing task is logged and tried again next tick. */
  async tick(): Promise<void> {
    await Promise.all(
      this.tasks.map(async (task) => {
        if (this.running.has(task.name)) return;
        this.running.add(task.name);
        try {
          await task.run();
        } catch (err) {
          this.logger.error({ err, task: task.name }, 'scheduled task failed');
        } finally {
          this.running.delete(task.name);
        }
      }),
    );
  }
}
