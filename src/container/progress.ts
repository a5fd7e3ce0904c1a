import type { Config } from '../config/schema.js';
import type { ProgressBus } from '../ports/progress-bus.js';

/**
 * The progress bus: over Redis when REDIS_URL is set (workers and API servers may be different processes), else
 * within this process. Redis is imported only then.
 */
export async function buildProgressBus(
  config: Config,
): Promise<{ bus: ProgressBus; close(): Promise<void> }> {
  if (config.REDIS_URL) {
    const { RedisProgressBus } = await import('../adapters/events/redis-progress-bus.js');
    const bus = new RedisProgressBus(config.REDIS_URL);
    await bus.ready();
    return { bus, close: () => bus.close() };
  }
  const { InProcessProgressBus } = await import('../adapters/events/in-process-progress-bus.js');
  return { bus: new InProcessProgressBus(), close: async () => undefined };
}
