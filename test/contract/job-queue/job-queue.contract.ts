import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobEngine, LaneConcurrency } from '../../../src/ports/job-queue.js';
import { openEngine, type EngineKind } from './engines.js';
import {
  BLOCKING_JOB,
  FLAKY_JOB,
  RECORD_JOB,
  SLOW_JOB,
  TIMEOUT_JOB,
  testHandlers,
  type RunRecord,
} from './test-jobs.js';

/** Where one test's engines keep their jobs: a SQLite file or a Redis URL, and a scope of its own. */
export interface QueueBacking {
  target: string;
  /** A name unique to this test: the BullMQ key prefix, or the in-process install's node prefix. */
  scope: string;
  cleanup(): Promise<void>;
}

export const LEASE_MS = 1_500;

/** Resolves once `check` holds, polling; fails with `what` after `withinMs`. */
export async function waitFor(what: string, check: () => boolean, withinMs = 15_000): Promise<void> {
  const until = Date.now() + withinMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The behaviour every job-queue engine must have; run on the in-process queue and on BullMQ. */
export function jobQueueContract(kind: EngineKind, newBacking: () => Promise<QueueBacking>): void {
  describe(`JobQueue contract: ${kind}`, () => {
    let backing: QueueBacking;
    let log: RunRecord[];
    const opened: { close(): Promise<void> }[] = [];
    const children: ChildProcess[] = [];

    beforeEach(async () => {
      backing = await newBacking();
      log = [];
    });
    afterEach(async () => {
      for (const child of children.splice(0)) child.kill('SIGKILL');
      for (const engine of opened.splice(0).reverse()) await engine.close();
      await backing.cleanup();
    });

    // Engines of one test share the backing; `worker` tells two workers apart (two nodes, for the in-process queue).
    async function engine(
      worker = 'a',
      concurrency: LaneConcurrency = { render: 1, io: 1 },
    ): Promise<JobEngine> {
      const opening = await openEngine(kind, backing.target, `${backing.scope}${scopeOf(worker)}`, {
        concurrency,
        leaseMs: LEASE_MS,
      });
      opened.push(opening);
      return opening.engine;
    }
    // BullMQ workers share a queue by its prefix; in-process workers share the file and differ by node.
    const scopeOf = (worker: string) => (kind === 'bullmq' ? '' : `-${worker}`);
    const runs = (label: string, event: RunRecord['event'] = 'ran') =>
      log.filter((r) => r.label === label && r.event === event);

    it('runs jobs in due-time order, each delayed one not before its time', async () => {
      const queue = await engine();
      const at = (ms: number) => new Date(Date.now() + ms).toISOString();
      const due = new Map<string, number>();
      for (const [label, ms] of [
        ['third', 900],
        ['first', 300],
        ['second', 600],
      ] as const) {
        const runAt = at(ms);
        due.set(label, Date.parse(runAt));
        await queue.enqueue(RECORD_JOB, 'w1', { label }, { runAt });
      }
      await queue.enqueue(RECORD_JOB, 'w1', { label: 'now' });
      await queue.start(testHandlers(log));
      await waitFor('four runs', () => log.length === 4);
      expect(log.map((r) => r.label)).toEqual(['now', 'first', 'second', 'third']);
      for (const run of log.slice(1)) expect(run.at).toBeGreaterThanOrEqual(due.get(run.label)! - 5);
    });

    it('wakes for a job enqueued while it sleeps until a later one', async () => {
      const queue = await engine();
      await queue.start(testHandlers(log));
      await queue.enqueue(
        RECORD_JOB,
        'w1',
        { label: 'later' },
        { runAt: new Date(Date.now() + 60_000).toISOString() },
      );
      await queue.enqueue(RECORD_JOB, 'w1', { label: 'soon' });
      await waitFor('the sooner job', () => runs('soon').length === 1);
      expect(runs('later')).toEqual([]);
    });

    it('retries a transient failure after the backoff, and never retries a permanent one', async () => {
      const queue = await engine();
      await queue.start(testHandlers(log));
      await queue.enqueue(FLAKY_JOB, 'w1', { label: 'flaky', transientFailures: 2, fatal: false });
      await queue.enqueue(FLAKY_JOB, 'w1', { label: 'fatal', transientFailures: 0, fatal: true });
      await queue.enqueue(FLAKY_JOB, 'w1', { label: 'hopeless', transientFailures: 9, fatal: false });
      await waitFor(
        'three attempts of each',
        () => runs('flaky').length === 3 && runs('hopeless').length === 3,
      );
      await waitFor(
        'the final failures',
        () => log.filter((r) => r.event === 'failed-for-good').length === 2,
      );
      const flaky = runs('flaky');
      expect(flaky.map((r) => r.attempt)).toEqual([1, 2, 3]);
      // Exponential backoff from 300 ms: 300 ms, then 600 ms.
      expect(flaky[1]!.at - flaky[0]!.at).toBeGreaterThanOrEqual(290);
      expect(flaky[2]!.at - flaky[1]!.at).toBeGreaterThanOrEqual(590);
      expect(runs('flaky', 'failed-for-good')).toEqual([]);
      expect(runs('fatal').map((r) => r.attempt)).toEqual([1]);
      expect(runs('fatal', 'failed-for-good')).toHaveLength(1);
      expect(runs('hopeless', 'failed-for-good')).toMatchObject([{ attempt: 3 }]);
    });

    it('aborts a run at its timeout and counts it as a transient failure', async () => {
      const queue = await engine();
      await queue.start(testHandlers(log));
      await queue.enqueue(TIMEOUT_JOB, 'w1', { label: 'stuck' });
      await waitFor('the final failure', () => runs('stuck', 'failed-for-good').length === 1);
      expect(runs('stuck').map((r) => r.attempt)).toEqual([1, 2]);
    });

    it('adds nothing for a known idempotency key, returning the first job id', async () => {
      const queue = await engine();
      const runAt = new Date(Date.now() + 300).toISOString();
      const first = await queue.enqueue(
        RECORD_JOB,
        'w1',
        { label: 'once' },
        { runAt, idempotencyKey: 'refresh:c1:t' },
      );
      const again = await queue.enqueue(
        RECORD_JOB,
        'w1',
        { label: 'twice' },
        { idempotencyKey: 'refresh:c1:t' },
      );
      const other = await queue.enqueue(
        RECORD_JOB,
        'w1',
        { label: 'other' },
        { idempotencyKey: 'refresh:c2:t' },
      );
      expect(again).toBe(first);
      expect(other).not.toBe(first);
      await queue.start(testHandlers(log));
      await waitFor('both jobs', () => log.length === 2);
      await new Promise((r) => setTimeout(r, 300));
      expect(log.map((r) => r.label).sort()).toEqual(['once', 'other']);
    });

    it('refuses a payload that does not match the schema, and queues nothing', async () => {
      const queue = await engine();
      await expect(
        queue.enqueue(RECORD_JOB, 'w1', { label: 42 } as unknown as { label: string }),
      ).rejects.toMatchObject({ code: 'invalid_job_payload' });
      await queue.start(testHandlers(log));
      await queue.enqueue(RECORD_JOB, 'w1', { label: 'valid' });
      await waitFor('the valid job', () => log.length === 1);
      expect(log.map((r) => r.label)).toEqual(['valid']);
    });

    it('cancels a job that has not started; a running or unknown job is not cancelled', async () => {
      const queue = await engine();
      const later = await queue.enqueue(
        RECORD_JOB,
        'w1',
        { label: 'cancelled' },
        { runAt: new Date(Date.now() + 400).toISOString() },
      );
      const running = await queue.enqueue(BLOCKING_JOB, 'w1', { label: 'running' });
      await queue.start(testHandlers(log));
      await waitFor('the blocking job', () => runs('running').length === 1);
      expect(await queue.cancel(later)).toBe(true);
      expect(await queue.cancel(running)).toBe(false);
      expect(await queue.cancel('no-such-job')).toBe(false);
      await queue.enqueue(
        RECORD_JOB,
        'w1',
        { label: 'after' },
        { runAt: new Date(Date.now() + 600).toISOString() },
      );
      const other = await engine('b');
      await other.start(testHandlers(log));
      await waitFor('the job after it', () => runs('after').length === 1);
      expect(runs('cancelled')).toEqual([]);
    });

    it('lets a running job finish when stopped within the grace period', async () => {
      const queue = await engine();
      await queue.start(testHandlers(log));
      await queue.enqueue(SLOW_JOB, 'w1', { label: 'slow', ms: 300 });
      await waitFor('the slow job', () => runs('slow').length === 1);
      await queue.stop(5_000);
      expect(runs('slow', 'finished')).toHaveLength(1);
      const other = await engine('b');
      await other.start(testHandlers(log));
      await new Promise((r) => setTimeout(r, LEASE_MS + 500));
      expect(runs('slow')).toHaveLength(1);
    });

    it('hands back a job still running after the grace period; another worker runs it at once, same attempt', async () => {
      const queue = await engine();
      await queue.start(testHandlers(log));
      await queue.enqueue(BLOCKING_JOB, 'w1', { label: 'long' });
      await waitFor('the long job', () => runs('long').length === 1);
      await queue.stop(100);
      expect(runs('long', 'aborted')).toHaveLength(1);
      const other = await engine('b');
      const restartedAt = Date.now();
      await other.start(testHandlers(log));
      await waitFor('the job again', () => runs('long').length === 2, LEASE_MS - 200);
      expect(runs('long').map((r) => r.attempt)).toEqual([1, 1]);
      expect(runs('long')[1]!.at - restartedAt).toBeLessThan(LEASE_MS);
    });

    it('gives the job of a killed worker to another worker once its lease runs out', async () => {
      const queue = await engine('b');
      await queue.enqueue(BLOCKING_JOB, 'w1', { label: 'orphan' });
      await spawnWorker(`${backing.scope}${scopeOf('a')}`);
      children.at(-1)!.kill('SIGKILL');
      await queue.start(testHandlers(log));
      await waitFor('the orphan again', () => runs('orphan').length === 1, 15_000);
    });

    /** A worker in another process; resolves when it has started the blocking job. */
    function spawnWorker(scope: string): Promise<void> {
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          'test/contract/job-queue/worker-child.ts',
          kind,
          backing.target,
          scope,
          String(LEASE_MS),
        ],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      children.push(child);
      return new Promise((resolve, reject) => {
        child.once('exit', (code) => reject(new Error(`worker exited early (${code})`)));
        createInterface({ input: child.stdout }).on('line', (line) => {
          if (line.startsWith('started orphan')) resolve();
        });
      });
    }
  });
}
