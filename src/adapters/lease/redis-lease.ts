import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Redis } from 'ioredis';
import type { SchedulerLease } from '../../ports/scheduler-lease.js';

// Both steps in one script, so a lease that lapses between a read and a write is never renewed by its old holder.
const ACQUIRE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
return 0`;

// Deletes only our own lease: after a lapse another scheduler may hold the key, and it must keep it.
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

export interface RedisLeaseOptions {
  redisUrl: string;
  /** The key names the lease; every scheduler of one install must use the same. */
  key: string;
  ttlMs: number;
  /** Who holds it, for logs and `redis-cli GET`; unique per process unless given. */
  holder?: string;
}

/** A lease in Redis: one key whose value names the holder, with an expiry the holder keeps pushing back. */
export class RedisLease implements SchedulerLease {
  readonly ttlMs: number;
  readonly holder: string;
  private readonly redis: Redis;

  constructor(private readonly options: RedisLeaseOptions) {
    this.ttlMs = options.ttlMs;
    this.holder = options.holder ?? `${hostname()}:${process.pid}:${randomUUID()}`;
    // A bounded retry: a scheduler that cannot reach Redis should hear so and count itself as standby.
    this.redis = new Redis(options.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  }

  async acquire(): Promise<boolean> {
    const held = await this.redis.eval(ACQUIRE, 1, this.options.key, this.holder, String(this.ttlMs));
    return held === 1;
  }

  async release(): Promise<void> {
    await this.redis.eval(RELEASE, 1, this.options.key, this.holder);
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}
