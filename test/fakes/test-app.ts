import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config/load.js';
import { buildContainer, type Container } from '../../src/container/index.js';
import { ScryptPasswordHasher } from '../../src/adapters/crypto/scrypt-password-hasher.js';
import { SqliteStore } from '../../src/adapters/store/sqlite/sqlite-store.js';
import { buildHttpApp } from '../../src/http/app.js';
import { createLogger } from '../../src/observability/logger.js';
import type { PasswordHasher } from '../../src/ports/password-hasher.js';
import type { PublisherSet } from '../../src/ports/platform-publisher.js';
import { CapturingMailer } from './capturing-mailer.js';
import { FakeClock } from './fake-clock.js';
import { freePort } from './free-port.js';
import { retryingStore } from './retrying-store.js';

export const ORIGIN = 'http://app.test';

export interface TestApp {
  app: FastifyInstance;
  /** The app's origin (PUBLIC_BASE_URL). */
  origin: string;
  container: Container;
  clock: FakeClock;
  mailer: CapturingMailer;
  /** Every log chunk the app wrote: one JSON line each, or readable text with `prettyLogs`. */
  logs: string[];
  dataDir: string;
  close(): Promise<void>;
}

/**
 * The real HTTP app on a fresh SQLite file, with a fake clock, captured mail and logs, and fast hashing.
 * With `listen`, it serves on a free loopback port (needed when the app calls itself, e.g. its own sandbox);
 * `hasher` replaces the fast scrypt (the container still wraps it in its concurrency gate).
 * With `prettyLogs`, logs are the development format (readable lines) instead of JSON.
 * With `retryTransactions`, every store transaction runs as a document store may run it (see retrying-store).
 */
export async function startTestApp(
  env: Record<string, string> = {},
  options: {
    listen?: boolean;
    prettyLogs?: boolean;
    retryTransactions?: boolean;
    hasher?: PasswordHasher;
    /** Publishers instead of the platforms' own (a scripted fake). */
    publishers?: PublisherSet;
    /** Serve on this port instead of a free one (a process started first already points at it). */
    port?: number;
    /** Another fake clock (e.g. one that also runs). */
    clock?: FakeClock;
  } = {},
): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'aif-test-'));
  const port = options.port ?? (options.listen ? await freePort() : null);
  const origin = port ? `http://127.0.0.1:${port}` : ORIGIN;
  const config = loadConfig(
    { DATA_DIR: dataDir, PUBLIC_BASE_URL: origin, NODE_ENV: 'test', LOG_LEVEL: 'info', ...env },
    '/nonexistent/.env',
  );
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs.push(chunk.toString());
      done();
    },
  });
  const logger = createLogger({ level: config.LOG_LEVEL, pretty: options.prettyLogs ?? false }, sink);
  const clock = options.clock ?? new FakeClock();
  const mailer = new CapturingMailer();
  // Low scrypt cost keeps the suite fast; production parameters are covered by the hasher's own test.
  const hasher = options.hasher ?? new ScryptPasswordHasher({ N: 1024, r: 8, p: 1, keylen: 32 });
  const store = options.retryTransactions
    ? retryingStore(SqliteStore.open(join(dataDir, 'ai-factory.sqlite')))
    : undefined;
  const container = await buildContainer(config, logger, {
    clock,
    mailer,
    hasher,
    ...(store ? { store } : {}),
    ...(options.publishers ? { publishers: options.publishers } : {}),
  });
  container.settings.webRoot = join(dataDir, 'no-web-build');
  const app = await buildHttpApp(container, logger);
  if (port) await app.listen({ port, host: '127.0.0.1' });
  return {
    app,
    origin,
    container,
    clock,
    mailer,
    logs,
    dataDir,
    close: async () => {
      await app.close();
      await container.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A browser-like client: keeps the session cookie and sends our Origin and JSON, as the web app does. */
export class Client {
  private cookie: string | null = null;
  /** Every response body and header block this client received, for leak checks. */
  readonly received: string[] = [];

  constructor(
    private readonly app: FastifyInstance,
    private readonly origin = ORIGIN,
  ) {}

  /** The session cookie header, for requests made outside this client. */
  get cookieHeader(): string | null {
    return this.cookie;
  }

  async request(method: string, url: string, body?: unknown): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { origin: this.origin };
    if (this.cookie) headers.cookie = this.cookie;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await this.app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
    this.received.push(JSON.stringify(response.headers), response.body);
    const setCookie = response.cookies.find((c) => c.name === 'aif_session');
    if (setCookie) this.cookie = setCookie.value ? `aif_session=${setCookie.value}` : null;
    return response;
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, body: unknown = {}) => this.request('POST', url, body);
  put = (url: string, body: unknown) => this.request('PUT', url, body);
  patch = (url: string, body: unknown) => this.request('PATCH', url, body);
  delete = (url: string) => this.request('DELETE', url);

  /** Signs up a fresh person and returns their user and first workspace. */
  async signUp(email: string, password = 'a long enough passphrase') {
    const res = await this.post('/api/auth/signup', { email, password });
    if (res.statusCode !== 201) throw new Error(`signup failed: ${res.statusCode} ${res.body}`);
    return res.json<{ user: { id: string; email: string }; workspace: { id: string; name: string } }>();
  }
}
