import { describe, expect, it } from 'vitest';
import { errorDetail, retryAfterMs, throwForStatus } from '../../../src/adapters/ai/http.js';
import { TransientError, UserError } from '../../../src/domain/errors.js';

// The HTTP helper every AI adapter (script writers and voice engines) shares.

const response = (status: number, headers: Record<string, string> = {}) => ({
  status,
  headers: new Headers(headers),
});

function caught(status: number, headers: Record<string, string> = {}, detail = 'it said no.'): unknown {
  try {
    throwForStatus(response(status, headers), 'Provider', detail, 'PROVIDER_KEY');
  } catch (error) {
    return error;
  }
  return null;
}

describe('throwForStatus', () => {
  it.each<[number, typeof UserError | typeof TransientError, string]>([
    [400, UserError, 'provider_rejected'],
    [401, UserError, 'provider_auth'],
    [403, UserError, 'provider_auth'],
    [404, UserError, 'provider_rejected'],
    [408, TransientError, 'ai_unavailable'],
    [409, TransientError, 'ai_unavailable'],
    [422, UserError, 'provider_rejected'],
    [429, TransientError, 'ai_rate_limited'],
    [500, TransientError, 'ai_unavailable'],
    [503, TransientError, 'ai_unavailable'],
    [529, TransientError, 'ai_unavailable'],
  ])('HTTP %i → %o %s, with the provider’s words', (status, kind, code) => {
    const error = caught(status, { 'retry-after': '2' });
    expect(error).toBeInstanceOf(kind);
    expect(error).toMatchObject({ code });
    expect((error as Error).message).toContain('it said no');
    if (kind === TransientError) expect(error).toMatchObject({ retryAfterMs: 2000 });
    if (status === 401 || status === 403) expect((error as Error).message).toContain('Check PROVIDER_KEY');
  });

  it('says which setting to check when the key is refused, ending the provider’s sentence once', () => {
    expect((caught(401) as Error).message).toBe(
      'Provider refused the credentials (HTTP 401): it said no. Check PROVIDER_KEY.',
    );
    expect(() => throwForStatus(response(401), 'Provider', '', 'OPENAI_API_KEY')).toThrow(/OPENAI_API_KEY/);
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
  const now = Date.parse('2026-01-01T00:00:00Z');
  it.each<[Record<string, string>, number | undefined]>([
    [{}, undefined],
    [{ 'retry-after': '' }, undefined],
    [{ 'retry-after': '3' }, 3000],
    [{ 'retry-after': '0' }, 0],
    [{ 'retry-after': '-1' }, undefined],
    [{ 'retry-after': 'soon' }, undefined],
    [{ 'retry-after-ms': '250', 'retry-after': '3' }, 250],
    [{ 'retry-after': 'Thu, 01 Jan 2026 00:00:10 GMT' }, 10_000],
    [{ 'retry-after': 'Thu, 01 Jan 2026 00:00:00 GMT' }, 0],
  ])('%j → %s', (headers, expected) => {
    expect(retryAfterMs(new Headers(headers), now)).toBe(expected);
  });
});

describe('errorDetail', () => {
  const body = (text: string) => ({ body: Buffer.from(text) });
  it.each<[string, string]>([
    ['{"error":{"message":"Invalid   model:\\n gpt-x"}}', 'Invalid model: gpt-x'],
    ['{"error":"not an object"}', '{"error":"not an object"}'],
    ['<html> Bad Gateway </html>', '<html> Bad Gateway </html>'],
    ['', ''],
  ])('%j → %j', (text, detail) => {
    expect(errorDetail(body(text))).toBe(detail);
  });

  it('takes the message a provider-specific picker finds, and keeps it short', () => {
    const detail = errorDetail(body(JSON.stringify({ detail: { message: 'x'.repeat(300) } })), (json) =>
      typeof json === 'object' && json !== null && 'detail' in json
        ? (json.detail as { message: string }).message
        : undefined,
    );
    expect(detail).toBe('x'.repeat(200));
  });
});
