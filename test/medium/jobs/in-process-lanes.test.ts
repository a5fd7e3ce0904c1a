import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../../src/adapters/clock/system-clock.js';
import { InProcessQueue } from '../../../src/adapters/queue/in-process/in-process.queue.js';
import { SqliteStore } from '../../../src/adapters/store/sqlite/sqlite-store.js';
import {
  BLOCKING_JOB,
  IO_RECORD_JOB,
  testHandlers,
  type RunRecord,
} from '../../contract/job-queue/test-jobs.js';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

async function waitFor(what: string, check: () => boolean, withinMs = 5_000): Promise<void> {
  const until = Date.now() + withinMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('in-process queue lanes', () => {
  let dir: string;
  let store: SqliteStore;
  let queue: InProcessQueue;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'aif-lanes-'));
    store = SqliteStore.open(join(dir, 'jobs.sqlite'));
    queue = new InProcessQueue({
      store,
      clock: systemClock,
      logger: silent,
      concurrency: { render: 1, io: 1 },
      node: 'install',
    });
  });
  afterEach(async () => {
    await queue.stop(0);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sleeps, instead of looking again and again, while a full lane has due jobs waiting', async () => {
    const log: RunRecord[] = [];
    await queue.start(testHandlers(log));
    for (const label of ['render-1', 'render-2', 'render-3'])
      await queue.enqueue(BLOCKING_JOB, 'w1', { label });
    await waitFor('the render slot busy', () => log.length === 1);
    let lookups = 0;
    const nextDueAt = store.jobs.nextDueAt.bind(store.jobs);
    store.jobs.nextDueAt = (types) => {
      lookups += 1;
      return nextDueAt(types);
    };
    await new Promise((r) => setTimeout(r, 500));
    // The two waiting renders are overdue, but the lane has no room: no timer fires for them.
    expect(lookups).toBeLessThan(5);
    await queue.enqueue(IO_RECORD_JOB, 'w1', { label: 'publish' });
    await waitFor('the io job', () => log.some((r) => r.label === 'publish'));
    expect(log.filter((r) => r.type === BLOCKING_JOB.name).map((r) => r.label)).toEqual(['render-1']);
  });
});
