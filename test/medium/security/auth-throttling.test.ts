import type { LightMyRequestResponse } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load.js';
import type { PasswordHasher } from '../../../src/ports/password-hasher.js';
import { ORIGIN, startTestApp, type TestApp } from '../../fakes/test-app.js';

/** A hasher that counts how many hashes run at once; each takes a few turns of the event loop. */
class CountingHasher implements PasswordHasher {
  inFlight = 0;
  maxInFlight = 0;
  calls = 0;
  async hash(password: string): Promise<string> {
    await this.work();
    return `fake$${password}`;
  }
  async verify(password: string, stored: string): Promise<boolean> {
    await this.work();
    return stored === `fake$${password}`;
  }
  private async work(): Promise<void> {
    this.calls += 1;
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
    this.inFlight -= 1;
  }
}

const post = (
  t: TestApp,
  url: string,
  body: object,
  from: { remoteAddress?: string; forwardedFor?: string } = {},
): Promise<LightMyRequestResponse> =>
  t.app.inject({
    method: 'POST',
    url,
    headers: {
      origin: ORIGIN,
      'content-type': 'application/json',
      ...(from.forwardedFor ? { 'x-forwarded-for': from.forwardedFor } : {}),
    },
    payload: JSON.stringify(body),
    ...(from.remoteAddress ? { remoteAddress: from.remoteAddress } : {}),
  });

const signIn = (t: TestApp, email: string, from: Parameters<typeof post>[3] = {}) =>
  post(t, '/api/auth/signin', { email, password: 'wrong password' }, from);

describe('auth throttling', () => {
  const apps: TestApp[] = [];
  const start = async (...args: Parameters<typeof startTestApp>) => {
    const t = await startTestApp(...args);
    apps.push(t);
    return t;
  };
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((t) => t.close()));
  });

  it('limits sign-ins from one address across many emails', async () => {
    const t = await start({ SIGNIN_RATE_LIMIT_PER_MINUTE: '3' });
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await signIn(t, `person${i}@example.com`)).statusCode);
    expect(codes).toEqual([401, 401, 401, 429, 429]);
    // Another address is not affected.
    expect((await signIn(t, 'fresh@example.com', { remoteAddress: '198.51.100.20' })).statusCode).toBe(401);
  });

  it('limits sign-ins to one email from many addresses', async () => {
    const t = await start({ SIGNIN_RATE_LIMIT_PER_MINUTE: '3' });
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      codes.push(
        (await signIn(t, 'Target@Example.com', { remoteAddress: `198.51.100.${i + 1}` })).statusCode,
      );
    }
    expect(codes).toEqual([401, 401, 401, 429, 429]);
    const last = await signIn(t, 'target@example.com', { remoteAddress: '198.51.100.99' });
    expect(last.json()).toMatchObject({ error: { code: 'rate_limited' } });
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('limits password reset requests per email across addresses and per address across emails', async () => {
    const t = await start({ SIGNIN_RATE_LIMIT_PER_MINUTE: '2' });
    const url = '/api/auth/password-reset/request';
    const sameEmail = [];
    for (let i = 0; i < 3; i++) {
      sameEmail.push(
        (await post(t, url, { email: 'victim@example.com' }, { remoteAddress: `203.0.113.${i + 1}` }))
          .statusCode,
      );
    }
    expect(sameEmail).toEqual([202, 202, 429]);
    const sameAddress = [];
    for (let i = 0; i < 3; i++) {
      sameAddress.push(
        (await post(t, url, { email: `p${i}@example.com` }, { remoteAddress: '203.0.113.50' })).statusCode,
      );
    }
    expect(sameAddress).toEqual([202, 202, 429]);
  });

  it('limits sign-ups per address across emails', async () => {
    const t = await start({ SIGNIN_RATE_LIMIT_PER_MINUTE: '2' });
    const codes = [];
    for (let i = 0; i < 3; i++) {
      codes.push(
        (
          await post(t, '/api/auth/signup', {
            email: `new${i}@example.com`,
            password: 'a long enough passphrase',
          })
        ).statusCode,
      );
    }
    expect(codes).toEqual([201, 201, 429]);
  });

  it('never runs more than PASSWORD_HASH_CONCURRENCY hashes at once, and answers 503 busy past the queue', async () => {
    const hasher = new CountingHasher();
    const t = await start(
      { SIGNIN_RATE_LIMIT_PER_MINUTE: '10000', PASSWORD_HASH_CONCURRENCY: '2', PASSWORD_HASH_QUEUE: '4' },
      { hasher },
    );
    const flood = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        signIn(t, `flood${i}@example.com`, { remoteAddress: `10.1.0.${i}` }),
      ),
    );
    expect(hasher.maxInFlight).toBe(2);
    const busy = flood.filter((r) => r.statusCode === 503);
    expect(busy.length).toBeGreaterThan(0);
    expect(busy[0]?.json()).toMatchObject({ error: { code: 'busy' } });
    expect(Number(busy[0]?.headers['retry-after'])).toBeGreaterThan(0);
    expect(flood.filter((r) => r.statusCode === 401).length + busy.length).toBe(40);
    // Once the flood has passed, sign-ins work again.
    expect((await signIn(t, 'after@example.com')).statusCode).toBe(401);
  });
});

describe('TRUST_PROXY', () => {
  it('takes a list of addresses and CIDRs and refuses a blanket true', () => {
    const load = (value: string) => loadConfig({ TRUST_PROXY: value }, '/nonexistent/.env');
    expect(load('10.0.0.1, 192.168.0.0/16,::1,fd00::/8,loopback').TRUST_PROXY).toEqual([
      '10.0.0.1',
      '192.168.0.0/16',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
    expect(loadConfig({}, '/nonexistent/.env').TRUST_PROXY).toEqual([]);
    expect(() => load('true')).toThrow(/TRUST_PROXY: trusting every proxy would let anyone forge/);
    expect(() => load('10.0.0.0/33')).toThrow(/not an address or CIDR: 10\.0\.0\.0\/33/);
    expect(() => load('proxy.internal')).toThrow(/not an address or CIDR/);
  });

  it('ignores X-Forwarded-For from an unlisted peer and honours it from a listed proxy', async () => {
    const t = await startTestApp({ SIGNIN_RATE_LIMIT_PER_MINUTE: '2', TRUST_PROXY: '10.0.0.1' });
    try {
      // A client that forges a new X-Forwarded-For each time is still counted by its own address.
      const forged = [];
      for (let i = 0; i < 3; i++) {
        const from = { remoteAddress: '203.0.113.7', forwardedFor: `198.51.100.${i + 1}` };
        forged.push((await signIn(t, `forged${i}@example.com`, from)).statusCode);
      }
      expect(forged).toEqual([401, 401, 429]);
      // Through the listed proxy, each real client has its own allowance.
      const proxied = [];
      for (let i = 0; i < 3; i++) {
        const from = { remoteAddress: '10.0.0.1', forwardedFor: `198.51.100.${i + 1}` };
        proxied.push((await signIn(t, `proxied${i}@example.com`, from)).statusCode);
      }
      expect(proxied).toEqual([401, 401, 401]);
    } finally {
      await t.close();
    }
  });
});
