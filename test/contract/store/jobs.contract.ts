import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Job } from '../../../src/domain/content-item.js';
import { newId } from '../../../src/domain/ids.js';
import type { JobWorkerId, Store } from '../../../src/ports/store.js';
import type { OpenStore } from './harness.js';

const T0 = '2026-01-15T12:00:00.000Z';
const T1 = '2026-01-15T12:00:01.000Z';
const T2 = '2026-01-15T12:00:02.000Z';
const T5 = '2026-01-15T12:00:05.000Z';
const T9 = '2026-01-15T12:00:09.000Z';

function job(over: Partial<Job> = {}): Job {
  return {
    id: newId(),
    workspaceId: 'w1',
    type: 'generate',
    payload: { itemId: 'i1' },
    status: 'queued',
    attempts: 0,
    progress: null,
    error: null,
    runAfter: T0,
    leaseUntil: null,
    leaseOwner: null,
    leaseNode: null,
    idempotencyKey: null,
    createdAt: T0,
    updatedAt: T0,
    ...over,
  };
}

const workerA: JobWorkerId = { node: 'host-1', id: 'worker-a' };
const workerB: JobWorkerId = { node: 'host-1', id: 'worker-b' };
const elsewhere: JobWorkerId = { node: 'host-2', id: 'worker-c' };

/** The jobs aggregate: every JobRepository method, as every store adapter must behave. */
export function jobsStoreContract(adapter: string, open: OpenStore): void {
  describe(`Store contract (jobs): ${adapter}`, () => {
    let h: Awaited<ReturnType<OpenStore>>;
    let store: Store;
    beforeEach(async () => {
      h = await open();
      store = h.store;
    });
    afterEach(async () => h.cleanup());

    it('enqueue stores a job that find returns, only in its own workspace', async () => {
      const queued = job({ payload: { itemId: 'i9', edits: { captionText: { 0: 'x' } } } });
      expect(await store.jobs.enqueue(queued)).toEqual(queued);
      expect(await store.jobs.find('w1', queued.id)).toEqual(queued);
      expect(await store.jobs.find('w2', queued.id)).toBeNull();
      expect(await store.jobs.find('w1', 'missing')).toBeNull();
    });

    it('enqueue with a known idempotency key adds nothing and returns the first job', async () => {
      const first = await store.jobs.enqueue(job({ idempotencyKey: 'refresh:c1:T5' }));
      const second = await store.jobs.enqueue(
        job({ idempotencyKey: 'refresh:c1:T5', payload: { other: 1 } }),
      );
      expect(second).toEqual(first);
      const third = await store.jobs.enqueue(job({ idempotencyKey: 'refresh:c1:T9' }));
      expect(third.id).not.toBe(first.id);
      expect(await store.jobs.countByStatus()).toEqual({ queued: 2 });
    });

    it('claimNext takes due jobs in due-time order, leases them and counts the attempt', async () => {
      const late = await store.jobs.enqueue(job({ runAfter: T2 }));
      const early = await store.jobs.enqueue(job({ runAfter: T1 }));
      await store.jobs.enqueue(job({ runAfter: T9 }));
      expect(await store.jobs.claimNext(T0, T5, workerA)).toBeNull();
      const claimed = await store.jobs.claimNext(T5, T9, workerA);
      expect(claimed).toMatchObject({
        id: early.id,
        status: 'running',
        attempts: 1,
        leaseUntil: T9,
        leaseOwner: 'worker-a',
        leaseNode: 'host-1',
      });
      expect((await store.jobs.claimNext(T5, T9, workerB))?.id).toBe(late.id);
      expect(await store.jobs.claimNext(T5, T9, workerB)).toBeNull();
    });

    it('claimNext takes a running job back once its lease ran out', async () => {
      const queued = await store.jobs.enqueue(job());
      await store.jobs.claimNext(T0, T2, workerA);
      expect(await store.jobs.claimNext(T1, T5, workerB)).toBeNull();
      expect(await store.jobs.claimNext(T2, T9, workerB)).toMatchObject({
        id: queued.id,
        attempts: 2,
        leaseOwner: 'worker-b',
      });
    });

    it('heartbeat saves progress and extends the lease only for the worker holding it', async () => {
      const queued = await store.jobs.enqueue(job());
      await store.jobs.claimNext(T0, T2, workerA);
      const progress = { stage: 'render', fraction: 0.5 };
      expect(await store.jobs.heartbeat(queued.id, 'worker-b', progress, T9)).toBe(false);
      expect(await store.jobs.heartbeat(queued.id, 'worker-a', progress, T9)).toBe(true);
      expect(await store.jobs.find('w1', queued.id)).toMatchObject({ progress, leaseUntil: T9 });
      expect(await store.jobs.claimNext(T5, T9, workerB)).toBeNull();
    });

    it('finish ends a job held by the worker, with its outcome', async () => {
      const ok = await store.jobs.enqueue(job());
      const bad = await store.jobs.enqueue(job({ runAfter: T1 }));
      await store.jobs.claimNext(T1, T5, workerA);
      await store.jobs.claimNext(T1, T5, workerA);
      expect(await store.jobs.finish(ok.id, 'worker-b', 'succeeded', null, T2)).toBe(false);
      expect(await store.jobs.finish(ok.id, 'worker-a', 'succeeded', null, T2)).toBe(true);
      expect(await store.jobs.finish(bad.id, 'worker-a', 'failed', 'render failed', T2)).toBe(true);
      expect(await store.jobs.find('w1', ok.id)).toMatchObject({
        status: 'succeeded',
        leaseUntil: null,
        leaseOwner: null,
        updatedAt: T2,
      });
      expect(await store.jobs.find('w1', bad.id)).toMatchObject({ status: 'failed', error: 'render failed' });
      expect(await store.jobs.finish(ok.id, 'worker-a', 'failed', 'late', T5)).toBe(false);
      expect(await store.jobs.countByStatus()).toEqual({ succeeded: 1, failed: 1 });
    });

    it('requeue puts a held job back for a retry at a later time, keeping its attempts', async () => {
      const queued = await store.jobs.enqueue(job());
      await store.jobs.claimNext(T0, T2, workerA);
      expect(await store.jobs.requeue(queued.id, 'worker-b', T5, 'busy', T1)).toBe(false);
      expect(await store.jobs.requeue(queued.id, 'worker-a', T5, 'busy', T1)).toBe(true);
      expect(await store.jobs.find('w1', queued.id)).toMatchObject({
        status: 'queued',
        attempts: 1,
        runAfter: T5,
        error: 'busy',
        leaseOwner: null,
      });
      expect(await store.jobs.claimNext(T2, T9, workerA)).toBeNull();
      expect(await store.jobs.claimNext(T5, T9, workerA)).toMatchObject({ attempts: 2 });
    });

    it('release hands a held job back, due now, without counting the interrupted attempt', async () => {
      const queued = await store.jobs.enqueue(job());
      await store.jobs.claimNext(T0, T9, workerA);
      expect(await store.jobs.release(queued.id, 'worker-b', T1)).toBe(false);
      expect(await store.jobs.release(queued.id, 'worker-a', T1)).toBe(true);
      expect(await store.jobs.find('w1', queued.id)).toMatchObject({
        status: 'queued',
        attempts: 0,
        runAfter: T1,
        leaseUntil: null,
      });
      expect(await store.jobs.claimNext(T1, T9, workerB)).toMatchObject({ id: queued.id, attempts: 1 });
    });

    it('cancel stops a queued job from ever running, and leaves running ones alone', async () => {
      const waiting = await store.jobs.enqueue(job({ runAfter: T5 }));
      const running = await store.jobs.enqueue(job());
      await store.jobs.claimNext(T0, T9, workerA);
      expect(await store.jobs.cancel(waiting.id, T1)).toBe(true);
      expect(await store.jobs.cancel(waiting.id, T1)).toBe(false);
      expect(await store.jobs.cancel(running.id, T1)).toBe(false);
      expect(await store.jobs.cancel('missing', T1)).toBe(false);
      expect(await store.jobs.find('w1', waiting.id)).toMatchObject({ status: 'cancelled' });
      expect(await store.jobs.claimNext(T5, T9, workerB)).toBeNull();
    });

    it('requeueInterrupted takes back the running jobs of earlier processes of the same node only', async () => {
      const mine = await store.jobs.enqueue(job());
      const current = await store.jobs.enqueue(job({ runAfter: T1 }));
      const other = await store.jobs.enqueue(job({ runAfter: T2 }));
      await store.jobs.claimNext(T2, T9, workerA); // a crashed process of host-1
      await store.jobs.claimNext(T2, T9, workerB); // the restarted one, already at work
      await store.jobs.claimNext(T2, T9, elsewhere);
      expect(await store.jobs.requeueInterrupted(workerB, T5)).toBe(1);
      expect(await store.jobs.find('w1', mine.id)).toMatchObject({
        status: 'queued',
        runAfter: T5,
        attempts: 1,
        leaseOwner: null,
      });
      expect(await store.jobs.find('w1', current.id)).toMatchObject({
        status: 'running',
        leaseOwner: 'worker-b',
      });
      expect(await store.jobs.find('w1', other.id)).toMatchObject({
        status: 'running',
        leaseOwner: 'worker-c',
      });
      expect((await store.jobs.claimNext(T5, T9, workerB))?.id).toBe(mine.id);
    });

    it('nextDueAt is the earliest due time of a queued job or lease end of a running one', async () => {
      expect(await store.jobs.nextDueAt()).toBeNull();
      await store.jobs.enqueue(job({ runAfter: T9 }));
      expect(await store.jobs.nextDueAt()).toBe(T9);
      await store.jobs.enqueue(job({ runAfter: T0 }));
      await store.jobs.claimNext(T0, T5, workerA);
      expect(await store.jobs.nextDueAt()).toBe(T5);
      const cancelled = await store.jobs.enqueue(job({ runAfter: T1 }));
      await store.jobs.cancel(cancelled.id, T1);
      expect(await store.jobs.nextDueAt()).toBe(T5);
    });

    it('claimNext with a type filter takes only jobs of those types, still in due-time order', async () => {
      const render = await store.jobs.enqueue(job({ type: 'generate', runAfter: T0 }));
      const publishLate = await store.jobs.enqueue(job({ type: 'publish', runAfter: T2 }));
      const refresh = await store.jobs.enqueue(job({ type: 'refresh-token', runAfter: T1 }));
      const io = ['publish', 'refresh-token'];
      expect((await store.jobs.claimNext(T5, T9, workerA, io))?.id).toBe(refresh.id);
      expect((await store.jobs.claimNext(T5, T9, workerA, io))?.id).toBe(publishLate.id);
      expect(await store.jobs.claimNext(T5, T9, workerA, io)).toBeNull();
      expect(await store.jobs.claimNext(T5, T9, workerA, [])).toBeNull();
      expect((await store.jobs.claimNext(T5, T9, workerA, ['generate']))?.id).toBe(render.id);
    });

    it('claimNext with a type filter takes back an expired lease of those types only', async () => {
      const render = await store.jobs.enqueue(job({ type: 'generate' }));
      await store.jobs.claimNext(T0, T2, workerA);
      expect(await store.jobs.claimNext(T5, T9, workerB, ['publish'])).toBeNull();
      expect(await store.jobs.claimNext(T5, T9, workerB, ['generate'])).toMatchObject({
        id: render.id,
        leaseOwner: 'worker-b',
        attempts: 2,
      });
    });

    it('nextDueAt with a type filter looks only at jobs of those types', async () => {
      await store.jobs.enqueue(job({ type: 'generate', runAfter: T0 }));
      await store.jobs.enqueue(job({ type: 'publish', runAfter: T9 }));
      expect(await store.jobs.nextDueAt(['publish'])).toBe(T9);
      expect(await store.jobs.nextDueAt(['generate', 'publish'])).toBe(T0);
      expect(await store.jobs.nextDueAt(['housekeeping'])).toBeNull();
      expect(await store.jobs.nextDueAt([])).toBeNull();
      await store.jobs.claimNext(T0, T5, workerA, ['generate']);
      expect(await store.jobs.nextDueAt(['generate'])).toBe(T5);
      expect(await store.jobs.nextDueAt()).toBe(T5);
    });

    it('countByStatus counts jobs per status', async () => {
      expect(await store.jobs.countByStatus()).toEqual({});
      await store.jobs.enqueue(job());
      await store.jobs.enqueue(job());
      await store.jobs.claimNext(T0, T5, workerA);
      expect(await store.jobs.countByStatus()).toEqual({ queued: 1, running: 1 });
    });
  });
}
