import { rm } from 'node:fs/promises';
import { DATA_DIR } from './env.js';

/** The run's database and outbox hold password hashes and live tokens: do not leave them in /tmp. */
export default async function globalTeardown(): Promise<void> {
  await rm(DATA_DIR, { recursive: true, force: true });
}
