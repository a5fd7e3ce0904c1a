import type { Role } from '../config/deployment.schema.js';
import type { JobWorker } from '../ports/job-queue.js';
import type { Logger } from '../ports/logger.js';
import type { Container } from './index.js';

/** Starts the background roles of `roles` on a built container (the api role is the HTTP app, served apart). */
export async function startRoles(
  container: Pick<Container, 'startWorker' | 'startScheduler'>,
  roles: readonly Role[],
): Promise<void> {
  // The worker first, as the embedded default always did: jobs planned at boot find it ready.
  if (roles.includes('worker')) await container.startWorker();
  if (roles.includes('scheduler')) await container.startScheduler();
}

/** What a process lets go of when it stops. */
export interface RunningProcess {
  scheduler?: { stop(): Promise<void> };
  worker: Pick<JobWorker, 'stop'>;
  closeHttp?: () => Promise<void>;
  /** Closes the connections (store, queue, lease) once nothing runs. */
  close(): Promise<void>;
}

/**
 * Stops in the order that loses nothing: the scheduler lets go of its lease first (a standby takes over at once);
 * the worker stops taking jobs and gives running ones `graceMs` to finish, then hands them back to the queue
 * without counting an attempt; HTTP closes beside it (requests in flight finish); then the connections go.
 */
export async function stopGracefully(running: RunningProcess, graceMs: number): Promise<void> {
  await running.scheduler?.stop();
  await Promise.all([running.worker.stop(graceMs), running.closeHttp?.()]);
  await running.close();
}

/**
 * On the first SIGTERM or SIGINT, runs `stop` and exits 0 (1 if stopping failed). Each handler is installed once, so
 * a second Ctrl-C during the grace period ends the process at once, as people expect.
 */
export function stopOnSignals(stop: () => Promise<void>, logger: Logger): void {
  let stopping: Promise<void> | null = null;
  const onSignal = (signal: NodeJS.Signals): void => {
    logger.info({ signal }, 'shutting down');
    stopping ??= stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}
