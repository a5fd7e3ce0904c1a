import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/domain/errors.js';
import { PublishFailure } from '../../../src/domain/publishing/publish-failure.js';
import {
  INSTAGRAM_PUBLISH_ERRORS,
  clockTime,
  dailyCapFailure,
  findPublishErrorRow,
  instagramPublishError,
} from '../../../src/adapters/platforms/instagram/instagram-publish-errors.js';
import type { MetaError } from '../../../src/adapters/platforms/instagram/meta-errors.js';

const NOW = Date.UTC(2026, 11, 7, 10, 0);

function meta(code: number | null, subcode: number | null = null, isTransient = false): MetaError {
  return { code, subcode, message: `(#${code}) from Meta`, isTransient };
}

function failure(
  error: MetaError | null,
  extra: { retryAt?: number; httpStatus?: number } = {},
): PublishFailure {
  const mapped = instagramPublishError(error, { now: NOW, ...extra });
  expect(mapped).toBeInstanceOf(PublishFailure);
  return mapped as PublishFailure;
}

// PLATFORMS.md §2.3, row by row: [code, subcode, action, failure code, recreate a container].
const TABLE: [number | null, number | null, PublishFailure['action'], string, boolean][] = [
  [10, null, 'reconnect', 'instagram.10', false],
  [200, null, 'reconnect', 'instagram.200', false],
  [299, null, 'reconnect', 'instagram.299', false],
  [100, null, 'fail', 'instagram.100', false],
  [100, 33, 'retry', 'instagram.100.33', false],
  [4, null, 'defer', 'instagram.4', false],
  [17, null, 'defer', 'instagram.17', false],
  [32, null, 'defer', 'instagram.32', false],
  [613, null, 'defer', 'instagram.613', false],
  [80002, null, 'defer', 'instagram.80002', false],
  [1, null, 'retry', 'instagram.1', false],
  [2, null, 'retry', 'instagram.2', false],
  [9, 2207042, 'defer', 'instagram.9.2207042', false],
  [9004, 2207052, 'fail', 'instagram.9004.2207052', false],
  [9007, 2207027, 'retry', 'instagram.9007.2207027', false],
  [24, 2207008, 'retry', 'instagram.24.2207008', true],
  [25, 2207050, 'fail', 'instagram.25.2207050', false],
  [4, 2207051, 'fail', 'instagram.4.2207051', false],
  [-2, 2207003, 'retry', 'instagram.-2.2207003', true],
  [-2, 2207020, 'retry', 'instagram.-2.2207020', true],
  [-1, 2207001, 'retry', 'instagram.-1.2207001', true],
  [-1, 2207032, 'retry', 'instagram.-1.2207032', true],
  [-1, 2207053, 'retry', 'instagram.-1.2207053', true],
  [1, 2207057, 'fail', 'instagram.1.2207057', false],
  [352, 2207026, 'fail', 'instagram.352.2207026', false],
  [100, 2207010, 'fail', 'instagram.100.2207010', false],
  [null, 2207082, 'fail', 'instagram.2207082', false],
  [null, 2207085, 'fail', 'instagram.2207085', false],
  [100, 2207089, 'fail', 'instagram.100.2207089', false],
];

const DEAD_TOKENS: [number, number | null][] = [
  [190, null],
  [190, 458],
  [190, 460],
  [190, 463],
  [190, 464],
  [190, 467],
  [102, null],
];

describe('Instagram publish error table (PLATFORMS.md §2.3)', () => {
  it.each(TABLE)('code %s / subcode %s → %s as %s', (code, subcode, action, failureCode, recreate) => {
    const mapped = failure(meta(code, subcode));
    expect(mapped.action).toBe(action);
    expect(mapped.code).toBe(failureCode);
    expect(mapped.platform).toBe('instagram');
    expect(mapped.message).not.toMatch(/#\d|OAuthException/);
    expect(mapped.message.length).toBeGreaterThan(20);
    expect(Boolean(findPublishErrorRow(code, subcode)?.recreate)).toBe(recreate);
    if (action === 'defer') expect(mapped.retryAt).toBeGreaterThan(NOW);
    else expect(mapped.retryAt).toBeNull();
  });

  it('has a case above, or a dead-token case below, for every row of the table', () => {
    const cases = [...TABLE, ...DEAD_TOKENS].map(([code, subcode]) => findPublishErrorRow(code, subcode));
    for (const row of INSTAGRAM_PUBLISH_ERRORS) {
      expect(cases.includes(row), `row ${row.code}/${row.subcodes.join(',')}`).toBe(true);
    }
  });

  it.each(DEAD_TOKENS)(
    'a dead token (%s/%s) is needs_reconnect, so the service refreshes once and then asks',
    (code, subcode) => {
      const mapped = instagramPublishError(meta(code, subcode), { now: NOW });
      expect(mapped).toBeInstanceOf(UserError);
      expect(mapped).toMatchObject({ kind: 'needs_reconnect', code: 'needs_reconnect' });
      expect(mapped.message).toMatch(/Reconnect Instagram/);
    },
  );

  it('dates a rate limit from the usage headers when known, else from the row default', () => {
    const known = failure(meta(80002), { retryAt: NOW + 7 * 60_000 });
    expect(known.retryAt).toBe(NOW + 7 * 60_000);
    expect(known.message).toBe(
      "Instagram's request limit for this account is reached; it will go at 10:07 UTC",
    );
    expect(failure(meta(4)).retryAt).toBe(NOW + 15 * 60_000);
    expect(failure(meta(80002)).retryAt).toBe(NOW + 60 * 60_000);
  });

  it('says when the daily cap frees, in the reason', () => {
    const cap = dailyCapFailure(Date.UTC(2026, 11, 8, 0, 5));
    expect(cap.message).toBe(
      "Instagram's daily publishing limit for this account is reached; it will go at 00:05 UTC",
    );
    expect(cap).toMatchObject({ action: 'defer', code: 'instagram.9.2207042', retriable: true });
  });

  it('treats answers without a known code by their HTTP status and is_transient flag', () => {
    expect(failure(null, { httpStatus: 503 })).toMatchObject({ action: 'retry', code: 'instagram.http_503' });
    expect(failure(null, { httpStatus: 429 })).toMatchObject({ action: 'defer', code: 'instagram.http_429' });
    expect(failure(meta(12345, null, true), { httpStatus: 400 })).toMatchObject({ action: 'retry' });
    const unknown = failure(meta(12345), { httpStatus: 400 });
    expect(unknown).toMatchObject({ action: 'fail', code: 'instagram.12345' });
    expect(unknown.message).toMatch(/^Instagram refused the post/);
  });

  it('prefers the subcode row: 4/2207051 is spam, not a rate limit; 1/2207057 is the cover, not an outage', () => {
    expect(failure(meta(4, 2207051)).action).toBe('fail');
    expect(failure(meta(1, 2207057)).message).toMatch(/cover/);
  });

  it('formats times as HH:MM UTC', () => {
    expect(clockTime(Date.UTC(2026, 0, 1, 7, 3))).toBe('07:03 UTC');
  });
});
