import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { buildProbeApp } from '../../../src/http/probe-app.js';
import type { ReadinessCheck } from '../../../src/http/routes/health.routes.js';
import { createLogger } from '../../../src/observability/logger.js';

const quietLogger = () =>
  createLogger({ level: 'silent', pretty: false }, new Writable({ write: (_chunk, _enc, done) => done() }));

const answers = (name: string): ReadinessCheck => ({ name, check: async () => undefined });
const refuses = (name: string): ReadinessCheck => ({
  name,
  check: async () => {
    throw new Error('ECONNREFUSED');
  },
});

describe('probes', () => {
  it('a process without the api role serves /healthz and /readyz and nothing else', async () => {
    const app = await buildProbeApp([answers('store'), answers('redis')], quietLogger());
    expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await app.inject('/readyz')).json()).toEqual({ status: 'ready' });
    for (const url of ['/api/auth/me', '/metrics', '/', '/privacy'])
      expect((await app.inject(url)).statusCode, url).toBe(404);
    await app.close();
  });

  it('readiness names every dependency that does not answer; liveness stays ok', async () => {
    const app = await buildProbeApp([refuses('store'), answers('queue'), refuses('redis')], quietLogger());
    const res = await app.inject('/readyz');
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({
      error: { code: 'not_ready', message: 'Not answering: redis, store' },
    });
    expect((await app.inject('/healthz')).statusCode).toBe(200);
    await app.close();
  });

  it('a dependency that hangs counts as not ready, within the probe timeout', async () => {
    const hangs: ReadinessCheck = { name: 'redis', check: () => new Promise<void>(() => undefined) };
    const app = await buildProbeApp([answers('store'), hangs], quietLogger());
    const startedAt = Date.now();
    const res = await app.inject('/readyz');
    expect(res.statusCode).toBe(503);
    expect(Date.now() - startedAt).toBeLessThan(5_000);
    await app.close();
  });
});
