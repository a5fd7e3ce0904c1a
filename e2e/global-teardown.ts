import { rm } from 'node:fs/promises';
import { DATA_DIR } from './env.js';

/**
 * The run's database and outbox hold password hashes and live tokens: do not leave them in /tmp. A background job
 * of the app server may still be writing media while this runs: a folder that fills up again while it is removed
 * (ENOTEMPTY) is removed again after a pause, as Node's `rm` does with retries.
 */
export default async function globalTeardown(): Promise<void> {
  await rm(DATA_DIR, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
}
