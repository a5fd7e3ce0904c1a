import { BugError, TransientError } from '../../domain/errors.js';
import type { JobContext, JobHandler, JobRun, JobType, RetryPolicy } from '../../ports/job-queue.js';
import type { Logger } from '../../ports/logger.js';

/** Checks a payload against its job type's schema; a mismatch is the caller's bug, never queued. */
export function parsePayload<P>(type: JobType<P>, payload: unknown): P {
  const parsed = type.payload.safeParse(payload);
  if (!parsed.success)
    throw new BugError(
      'invalid_job_payload',
      `Invalid payload for job ${type.name}: ${parsed.error.message}`,
    );
  return parsed.data;
}

/** The wait before the next attempt after `attempt` failed; a Retry-After from the error wins. */
export function backoffDelay(policy: RetryPolicy, attempt: number, error?: unknown): number {
  if (error instanceof TransientError && error.retryAfterMs !== undefined) return error.retryAfterMs;
  const { type, delayMs } = policy.backoff;
  return type === 'fixed' ? delayMs : delayMs * 2 ** (attempt - 1);
}

/** What became of one run, for the engine to record. */
export type RunOutcome =
  | { kind: 'succeeded' }
  | { kind: 'retry'; delayMs: number; error: string }
  | { kind: 'failed'; error: string }
  | { kind: 'handed-back' };

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Runs one job with its handler, the same way on every engine: the payload is checked again (it may predate a
 * schema change), the run is aborted at the type's timeout, transient failures are retried per the policy,
 * anything else fails for good (and the handler records the failure). A stop hands the job back instead.
 */
export async function runJob(
  handler: JobHandler<unknown>,
  stored: Omit<JobRun<unknown>, 'payload'> & { payload: unknown },
  ctx: { heartbeat: JobContext['heartbeat']; stopSignal: AbortSignal; logger: Logger },
): Promise<RunOutcome> {
  const { type } = handler;
  const timeout = new AbortController();
  const timer = setTimeout(
    () => timeout.abort(new TransientError('job_timeout', `Job ${type.name} timed out`)),
    type.timeoutMs,
  );
  const signal = AbortSignal.any([ctx.stopSignal, timeout.signal]);
  let run: JobRun<unknown> = { ...stored, payload: stored.payload };
  try {
    run = { ...stored, payload: parsePayload(type, stored.payload) };
    // A handler that ignores its signal is not waited for: the abort reason settles the run.
    const aborted = new Promise<never>((_, reject) =>
      signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true }),
    );
    aborted.catch(() => undefined);
    await Promise.race([handler.handle(run, { heartbeat: ctx.heartbeat, signal }), aborted]);
    return { kind: 'succeeded' };
  } catch (caught) {
    if (ctx.stopSignal.aborted) return { kind: 'handed-back' };
    const error = timeout.signal.aborted ? (timeout.signal.reason as Error) : caught;
    const log = { jobId: run.id, type: type.name, attempt: run.attempt };
    if (error instanceof TransientError && run.attempt < type.attempts) {
      ctx.logger.warn({ ...log, code: error.code }, 'job failed, retrying');
      return { kind: 'retry', delayMs: backoffDelay(type, run.attempt, error), error: messageOf(error) };
    }
    ctx.logger.warn({ ...log, err: error }, 'job failed');
    await handler
      .onFinalFailure?.(run, error)
      .catch((err: unknown) => ctx.logger.error({ ...log, err }, 'could not record the failure'));
    return { kind: 'failed', error: messageOf(error) };
  } finally {
    clearTimeout(timer);
  }
}
