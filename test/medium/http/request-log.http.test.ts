import { afterEach, describe, expect, it, vi } from 'vitest';
import { startTestApp, type TestApp } from '../../fakes/test-app.js';

/** The log lines written between two marker lines, once the logger has flushed the closing marker. */
async function linesOf(t: TestApp, act: () => Promise<unknown>): Promise<string[]> {
  const before = `marker-before-${Math.random()}`;
  const after = `marker-after-${Math.random()}`;
  t.app.log.info(before);
  await vi.waitFor(() => expect(t.logs.join('')).toContain(before));
  await act();
  t.app.log.info(after);
  await vi.waitFor(() => expect(t.logs.join('')).toContain(after));
  const text = t.logs.join('');
  const from = text.indexOf('\n', text.indexOf(before)) + 1;
  const to = text.lastIndexOf('\n', text.indexOf(after));
  return text
    .slice(from, to)
    .split('\n')
    .filter((line) => line.trim() !== '');
}

describe('request logs', () => {
  let t: TestApp;
  afterEach(async () => t.close());

  it('development: one short line per request with method, path, status and time', async () => {
    t = await startTestApp({}, { prettyLogs: true });
    const lines = await linesOf(t, () => t.app.inject('/healthz?code=secret-code-1'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/GET \/healthz 200 \d+ ms$/);
    expect(lines[0]).not.toContain('secret-code-1');
  });

  it('development: a rejected request is one line too, naming its stable error code', async () => {
    t = await startTestApp({}, { prettyLogs: true });
    const lines = await linesOf(t, () =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/signin',
        headers: { origin: t.origin },
        payload: { email: 'nobody@example.com', password: 'not the password at all' },
      }),
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/POST \/api\/auth\/signin 401 \d+ ms invalid_credentials$/);
  });

  it('production: one JSON line per request with request id, method, url, status and duration', async () => {
    t = await startTestApp();
    const lines = await linesOf(t, () => t.app.inject('/healthz?code=secret-code-2'));
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0] ?? '{}') as {
      reqId?: unknown;
      req?: { method?: string; url?: string };
      res?: { statusCode?: number };
      responseTime?: unknown;
    };
    expect(entry.reqId).toMatch(/^[0-9a-f-]{36}$/);
    expect(entry.req).toMatchObject({ method: 'GET', url: '/healthz?code=%5Bredacted%5D' });
    expect(entry.res).toEqual({ statusCode: 200 });
    expect(typeof entry.responseTime).toBe('number');
    expect(lines[0]).not.toContain('secret-code-2');
  });
});
