import { describe, expect, it } from 'vitest';
import type { SchedulerLease } from '../../../src/ports/scheduler-lease.js';
import { Scheduler } from '../../../src/services/scheduler.service.js';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** One lease shared by several schedulers in memory, with a hand-turned clock for its expiry. */
class SharedLease {
  holder: string | null = null;
  until = 0;
  now = 0;
  readonly ttlMs = 30_000;

  for(name: string): SchedulerLease {
    return {
      ttlMs: this.ttlMs,
      acquire: async () => {
        if (this.holder !== name && this.holder !== null && this.now < this.until) return false;
        this.holder = name;
        this.until = this.now + this.ttlMs;
        return true;
      },
      release: async () => {
        if (this.holder === name) this.holder = null;
      },
      close: async () => undefined,
    };
  }
}

function scheduler(shared: SharedLease, name: string, plans: string[], replanMs = 3_600_000): Scheduler {
  return new Scheduler({
    lease: shared.for(name),
    plan: async () => void plans.push(name),
    logger: silent,
    replanMs,
    now: () => shared.now,
  });
}

describe('scheduler', () => {
  it('plans only while it holds the lease: the second scheduler stands by and plans nothing', async () => {
    const shared = new SharedLease();
    const plans: string[] = [];
    const a = scheduler(shared, 'a', plans);
    const b = scheduler(shared, 'b', plans);
    expect(await a.tick()).toBe(true);
    expect(await b.tick()).toBe(false);
    shared.now += 10_000;
    await a.tick();
    await b.tick();
    expect(plans).toEqual(['a']);
    expect([a.isActive, b.isActive]).toEqual([true, false]);
  });

  it('takes over once the holder stops renewing and the lease lapses, and plans at once', async () => {
    const shared = new SharedLease();
    const plans: string[] = [];
    const a = scheduler(shared, 'a', plans);
    const b = scheduler(shared, 'b', plans);
    await a.tick();
    shared.now += 29_999;
    expect(await b.tick()).toBe(false);
    shared.now += 2;
    expect(await b.tick()).toBe(true);
    expect(await a.tick()).toBe(false);
    expect(plans).toEqual(['a', 'b']);
  });

  it('hands over at once when the active one stops (it releases the lease)', async () => {
    const shared = new SharedLease();
    const plans: string[] = [];
    const a = scheduler(shared, 'a', plans);
    const b = scheduler(shared, 'b', plans);
    await a.start();
    await a.stop();
    expect(shared.holder).toBeNull();
    expect(await b.tick()).toBe(true);
    expect(plans).toEqual(['a', 'b']);
    await b.stop();
  });

  it('plans again only when the re-plan interval has passed', async () => {
    const shared = new SharedLease();
    const plans: string[] = [];
    const a = scheduler(shared, 'a', plans, 60_000);
    await a.tick();
    shared.now += 20_000;
    await a.tick();
    shared.now += 40_000;
    await a.tick();
    expect(plans).toEqual(['a', 'a']);
  });

  it('stands by when the lease cannot be reached, and a failed plan does not stop it', async () => {
    let reachable = false;
    let planned = 0;
    const s = new Scheduler({
      lease: {
        ttlMs: 1000,
        acquire: async () => {
          if (!reachable) throw new Error('ECONNREFUSED');
          return true;
        },
        release: async () => undefined,
        close: async () => undefined,
      },
      plan: async () => {
        planned += 1;
        throw new Error('store down');
      },
      logger: silent,
      replanMs: 0,
    });
    expect(await s.tick()).toBe(false);
    reachable = true;
    expect(await s.tick()).toBe(true);
    expect(planned).toBe(1);
    await expect(s.tick({ throwPlanErrors: true })).rejects.toThrow('store down');
  });
});
