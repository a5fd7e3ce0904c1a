import { z } from 'zod';
import { TransientError, UserError } from '../../../src/domain/errors.js';
import { defineJob } from '../../../src/jobs/catalog.js';
import type { JobHandler, JobHandlers, JobType } from '../../../src/ports/job-queue.js';

/** Job types of the contract suite only: each does one observable thing. */
export const RECORD_JOB = defineJob('test-record', z.object({ label: z.string() }), {
  attempts: 1,
  backoff: { type: 'fixed', delayMs: 0 },
  timeoutMs: 10_000,
  lane: 'render',
});
export const FLAKY_JOB = defineJob(
  'test-flaky',
  z.object({ label: z.string(), transientFailures: z.number(), fatal: z.boolean() }),
  { attempts: 3, backoff: { type: 'exponential', delayMs: 300 }, timeoutMs: 10_000, lane: 'render' },
);
export const BLOCKING_JOB = defineJob('test-blocking', z.object({ label: z.string() }), {
  attempts: 3,
  backoff: { type: 'fixed', delayMs: 0 },
  timeoutMs: 60_000,
  lane: 'render',
});
export const SLOW_JOB = defineJob('test-slow', z.object({ label: z.string(), ms: z.number() }), {
  attempts: 1,
  backoff: { type: 'fixed', delayMs: 0 },
  timeoutMs: 10_000,
  lane: 'render',
});
export const TIMEOUT_JOB = defineJob('test-timeout', z.object({ label: z.string() }), {
  attempts: 2,
  backoff: { type: 'fixed', delayMs: 0 },
  timeoutMs: 200,
  lane: 'render',
});
/** The io lane's twins of the record, blocking and slow jobs (the others run in the render lane). */
export const IO_RECORD_JOB = defineJob('test-io-record', z.object({ label: z.string() }), {
  attempts: 1,
  backoff: { type: 'fixed', delayMs: 0 },
  timeoutMs: 10_000,
  lane: 'io',
});
export const IO_BLOCKING_JOB = defineJob('test-io-blocking', z.object({ label: z.string() }), {
  attempts: 3,
  backoff: { type: 'fixed', delayMs: 0 },
  timeoutMs: 60_000,
  lane: 'io',
});
export const IO_SLOW_JOB = defineJob('test-io-slow', z.object({ label: z.string(), ms: z.number() }), {
  attempts: 1,
  backoff: { type: 'fixed', delayMs: 0 },
  timeoutMs: 10_000,
  lane: 'io',
});

/** One run of a test job, as the handlers saw it. */
export interface RunRecord {
  type: string;
  label: string;
  attempt: number;
  at: number;
  event: 'ran' | 'failed-for-good' | 'finished' | 'aborted';
}

/** The test handlers, recording every run in `log`; `onStart` hears when a blocking job starts. */
export function testHandlers(
  log: RunRecord[],
  onStart?: (label: string, attempt: number) => void,
): JobHandlers {
  const note = (type: string, label: string, attempt: number, event: RunRecord['event']) =>
    log.push({ type, label, attempt, at: Date.now(), event });
  const record = (type: JobType<{ label: string }>): JobHandler<{ label: string }> => ({
    type,
    handle: async ({ payload, attempt }) => void note(type.name, payload.label, attempt, 'ran'),
  });
  const flaky: JobHandler<z.infer<typeof FLAKY_JOB.payload>> = {
    type: FLAKY_JOB,
    handle: async ({ payload, attempt }) => {
      note(FLAKY_JOB.name, payload.label, attempt, 'ran');
      if (payload.fatal) throw new UserError('validation', 'bad_input', 'This can never work');
      if (attempt <= payload.transientFailures) throw new TransientError('busy', 'Try again later');
    },
    onFinalFailure: async ({ payload, attempt }) =>
      void note(FLAKY_JOB.name, payload.label, attempt, 'failed-for-good'),
  };
  const blocking = (type: JobType<{ label: string }>): JobHandler<{ label: string }> => ({
    type,
    handle: ({ payload, attempt }, ctx) => {
      note(type.name, payload.label, attempt, 'ran');
      onStart?.(payload.label, attempt);
      // Runs until the worker aborts it (stop) or dies.
      return new Promise<void>((_, reject) =>
        ctx.signal.addEventListener('abort', () => {
          note(type.name, payload.label, attempt, 'aborted');
          reject(new Error('aborted'));
        }),
      );
    },
  });
  const slow = (type: JobType<{ label: string; ms: number }>): JobHandler<{ label: string; ms: number }> => ({
    type,
    handle: async ({ payload, attempt }) => {
      note(type.name, payload.label, attempt, 'ran');
      await new Promise((r) => setTimeout(r, payload.ms));
      note(type.name, payload.label, attempt, 'finished');
    },
  });
  const timeout: JobHandler<z.infer<typeof TIMEOUT_JOB.payload>> = {
    type: TIMEOUT_JOB,
    handle: ({ payload, attempt }, ctx) => {
      note(TIMEOUT_JOB.name, payload.label, attempt, 'ran');
      return new Promise<void>((_, reject) =>
        ctx.signal.addEventListener('abort', () => reject(new Error('aborted'))),
      );
    },
    onFinalFailure: async ({ payload, attempt }) =>
      void note(TIMEOUT_JOB.name, payload.label, attempt, 'failed-for-good'),
  };
  return [
    record(RECORD_JOB),
    record(IO_RECORD_JOB),
    flaky,
    blocking(BLOCKING_JOB),
    blocking(IO_BLOCKING_JOB),
    slow(SLOW_JOB),
    slow(IO_SLOW_JOB),
    timeout,
  ] as JobHandlers;
}
