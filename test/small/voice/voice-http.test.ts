import { describe, expect, it } from 'vitest';
import { retryAfterMs, throwForStatus } from '../../../src/adapters/ai/voice/voice-http.js';
import { TransientError, UserError } from '../../../src/domain/errors.js';

const response = (status: number, headers: Record<string, string> = {}) => ({
  status,
  headers: new Headers(headers),
  body: Buffer.alloc(0),
});

function caught(status: number, headers: Record<string, string> = {}): unknown {
  try {
    throwForStatus('Provider', response(status, headers), 'it said no.', 'PROVIDER_KEY');
  } catch (error) {
    return error;
  }
  return null;
}

describe('throwForStatus', () => {
  it.each([
    [401, UserError, 'provider_auth'],
    [403, UserError, 'provider_auth'],
    [400, UserError, 'provider_rejected'],
    [422, UserError, 'provider_rejected'],
    [429, TransientError, 'ai_rate_limited'],
    [500, TransientError, 'ai_unavailable'],
    [503, TransientError, 'ai_unavailable'],
  ])('%i → %o %s', (status, kind, code) => {
    const error = caught(status);
    expect(error).toBeInstanceOf(kind);
    expect(error).toMatchObject({ code });
    expect((error as Error).message).toContain('it said no');
    if (status === 401 || status === 403) expect((error as Error).message).toContain('Check PROVIDER_KEY');
  });

  it('passes 2xx and honours Retry-After', () => {
    expect(caught(200)).toBeNull();
    expect(caught(429, { 'retry-after': '7' })).toMatchObject({ retryAfterMs: 7000 });
    expect(caught(503, { 'retry-after': '1.5' })).toMatchObject({ retryAfterMs: 1500 });
    expect(caught(429, { 'retry-after-ms': '250', 'retry-after': '9' })).toMatchObject({ retryAfterMs: 250 });
    expect(caught(429)).toMatchObject({ retryAfterMs: undefined });
  });
});

describe('retryAfterMs', () => {
  it.each([
    [null, undefined],
    ['', undefined],
    ['3', 3000],
    ['soon', undefined],
    ['Thu, 01 Jan 2026 00:00:10 GMT', 10_000],
    ['Thu, 01 Jan 2026 00:00:00 GMT', 0],
  ])('%j → %j', (header, ms) => {
    const headers = new Headers(header === null ? {} : { 'retry-after': header });
    expect(retryAfterMs(headers, Date.parse('2026-01-01T00:00:00Z'))).toBe(ms);
  });
});
