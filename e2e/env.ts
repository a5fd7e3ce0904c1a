import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// AIF_E2E_PORT lets two checkouts run their browser tests side by side.
export const E2E_PORT = Number(process.env.AIF_E2E_PORT ?? 8181);
export const BASE_URL = `http://127.0.0.1:${E2E_PORT}`;

// Playwright evaluates the config in the runner and again in each worker. The runner picks the directory and
// hands it down through the environment, so the server and the tests read the same outbox. Only the name is
// chosen here (unguessable, fresh per run): the server creates it, and the global teardown removes it, so merely
// loading the config (e.g. `playwright test --list`) leaves nothing behind.
const dataDir = process.env.AIF_E2E_DATA_DIR ?? join(tmpdir(), `aif-e2e-${randomUUID()}`);
process.env.AIF_E2E_DATA_DIR = dataDir;

/** The server's DATA_DIR for this run; mail lands in `${DATA_DIR}/outbox`. */
export const DATA_DIR = dataDir;
