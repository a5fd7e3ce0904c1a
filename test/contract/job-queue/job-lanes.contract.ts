import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobEngine, LaneConcurrency } from '../../../src/ports/job-queue.js';
import { openEngine, type EngineKind } from './engines.js';
import { LEASE_MS, waitFor, type QueueBacking } from './job-queue.contract.js';
import {
  BLOCKING_JOB,
  IO_BLOCKING_JOB,
  IO_RECORD_JOB,
  IO_SLOW_JOB,
  SLOW_JOB,
  testHandlers,
  type RunRecord,
} from './test-jobs.js';

/** Lanes, on every engine: each lane has its own slots, so a full render lane never holds up an io job. */
export function jobLanesContract(kind: EngineKind, newBacking: () => Promise<QueueBacking>): void {
  describe(`JobQueue lanes contract: ${kind}`, () => {
    let backing: QueueBacking;
    let log: RunRecord[];
    const opened: { close(): Promise<void> }[] = [];

    beforeEach(async () => {
      backing = await newBacking();
      log = [];
    });
    afterEach(async () => {
      for (const engine of opened.splice(0).reverse()) await engine.close();
      await backing.cleanup();
    });

    // Two workers share the backing: one BullMQ prefix, or two nodes of one in-process install.
    async function engine(worker: string, concurrency: LaneConcurrency): Promise<JobEngine> {
      const scope = kind === 'bullmq' ? backing.scope : `${backing.scope}-${worker}`;
      const opening = await openEngine(kind, backing.target, scope, { concurrency, leaseMs: LEASE_MS });
      opened.push(opening);
      return opening.engine;
    }
    const runs = (label: string, event: RunRecord['event'] = 'ran') =>
      log.filter((r) => r.label === label && r.event === event);

    it('an io job due now starts while every render slot is busy', async () => {
      const queue = await engine('a', { render: 2, io: 1 });
      await queue.start(testHandlers(log));
      for (const label of ['render-1', 'render-2', 'render-3'])
        await queue.enqueue(BLOCKING_JOB, 'w1', { label });
      await waitFor(
        'both render slots busy',
        () => log.filter((r) => r.type === BLOCKING_JOB.name).length === 2,
      );
      const dueAt = Date.now();
      await queue.enqueue(IO_RECORD_JOB, 'w1', { label: 'publish' });
      await waitFor('the io job', () => runs('publish').length === 1, 2_000);
      expect(runs('publish')[0]!.at - dueAt).toBeLessThan(1_000);
      // The render lane stays full: its third job still waits.
      expect(runs('render-3')).toEqual([]);
    });

    it('an io job due later starts on time while every render slot is busy', async () => {
      const queue = await engine('a', { render: 1, io: 1 });
      await queue.start(testHandlers(log));
      await queue.enqueue(BLOCKING_JOB, 'w1', { label: 'render-1' });
      await queue.enqueue(BLOCKING_JOB, 'w1', { label: 'render-2' });
      await waitFor('the render slot busy', () => runs('render-1').length === 1);
      const runAt = new Date(Date.now() + 500).toISOString();
      await queue.enqueue(IO_RECORD_JOB, 'w1', { label: 'scheduled' }, { runAt });
      await waitFor('the scheduled io job', () => runs('scheduled').length === 1, 3_000);
      const lateness = runs('scheduled')[0]!.at - Date.parse(runAt);
      expect(lateness).toBeGreaterThanOrEqual(-5);
      expect(lateness).toBeLessThan(1_000);
      expect(runs('render-2')).toEqual([]);
    });

    it('each lane runs at most its concurrency', async () => {
      const queue = await engine('a', { render: 2, io: 3 });
      for (let i = 0; i < 5; i++) await queue.enqueue(SLOW_JOB, 'w1', { label: `render-${i}`, ms: 300 });
      for (let i = 0; i < 7; i++) await queue.enqueue(IO_SLOW_JOB, 'w1', { label: `io-${i}`, ms: 300 });
      await queue.start(testHandlers(log));
      await waitFor('every job', () => log.filter((r) => r.event === 'finished').length === 12);
      // The most runs of a type in flight at once, replaying the log's starts and ends in order.
      const mostAtOnce = (type: string) => {
        let now = 0;
        let most = 0;
        for (const r of log.filter((e) => e.type === type)) {
          now += r.event === 'ran' ? 1 : -1;
          most = Math.max(most, now);
        }
        return most;
      };
      expect(mostAtOnce(SLOW_JOB.name)).toBe(2);
      expect(mostAtOnce(IO_SLOW_JOB.name)).toBe(3);
    });

    it('stops and hands back the running jobs of every lane', async () => {
      const queue = await engine('a', { render: 1, io: 1 });
      await queue.start(testHandlers(log));
      await queue.enqueue(BLOCKING_JOB, 'w1', { label: 'render' });
      await queue.enqueue(IO_BLOCKING_JOB, 'w1', { label: 'io' });
      await waitFor('both jobs', () => runs('render').length === 1 && runs('io').length === 1);
      await queue.stop(100);
      expect(runs('render', 'aborted')).toHaveLength(1);
      expect(runs('io', 'aborted')).toHaveLength(1);
      const other = await engine('b', { render: 1, io: 1 });
      await other.start(testHandlers(log));
      await waitFor(
        'both again',
        () => runs('render').length === 2 && runs('io').length === 2,
        LEASE_MS - 200,
      );
    });
  });
}
