import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/domain/errors.js';
import { PublishFailure } from '../../../src/domain/publishing/publish-failure.js';
import {
  nextDayAt0005Utc,
  retryAfterAt,
  TIKTOK_ERROR_CODES,
  TIKTOK_FAIL_REASONS,
  TIKTOK_OWN_CODES,
  tiktokErrorFailure,
  tiktokFailReasonFailure,
  tiktokOwnFailure,
} from '../../../src/adapters/platforms/tiktok/tiktok-publish-errors.js';
import { FakeClock } from '../../fakes/fake-clock.js';

const NOW = Date.UTC(2026, 2, 14, 18, 30, 0);
const clock = new FakeClock(NOW);
const TOMORROW_0005 = Date.UTC(2026, 2, 15, 0, 5, 0);
const IN_A_MINUTE = NOW + 60_000;

type Expected = [action: string, retryAt: number | null];

/** Every `error.code` of PLATFORMS.md §1.2 and §1.3, with what it must become. */
const ERROR_CODES: Record<string, Expected> = {
  access_token_invalid: ['needs_reconnect', null],
  scope_not_authorized: ['reconnect', null],
  scope_permission_missed: ['reconnect', null],
  invalid_params: ['fail', null],
  invalid_param: ['fail', null],
  invalid_file_upload: ['fail', null],
  rate_limit_exceeded: ['defer', IN_A_MINUTE],
  internal_error: ['retry', null],
  privacy_level_option_mismatch: ['fail', null],
  spam_risk_too_many_posts: ['defer', TOMORROW_0005],
  spam_risk_user_banned_from_posting: ['fail', null],
  spam_risk_too_many_pending_share: ['defer', TOMORROW_0005],
  reached_active_user_cap: ['defer', TOMORROW_0005],
  unaudited_client_can_only_post_to_private_accounts: ['fail', null],
  url_ownership_unverified: ['fail', null],
  app_version_check_failed: ['fail', null],
  invalid_publish_id: ['fail', null],
  token_not_authorized_for_specified_publish_id: ['fail', null],
};

/** Every `fail_reason` of §1.3. */
const FAIL_REASONS: Record<string, Expected> = {
  file_format_check_failed: ['fail', null],
  duration_check_failed: ['fail', null],
  frame_rate_check_failed: ['fail', null],
  picture_size_check_failed: ['fail', null],
  internal: ['retry', null],
  video_pull_failed: ['retry', null],
  photo_pull_failed: ['fail', null],
  publish_cancelled: ['fail', null],
  auth_removed: ['needs_reconnect', null],
  spam_risk_too_many_posts: ['defer', TOMORROW_0005],
  spam_risk_user_banned_from_posting: ['fail', null],
  spam_risk_text: ['fail', null],
  spam_risk: ['fail', null],
};

const OWN_CODES: Record<string, Expected> = {
  init_unanswered: ['retry', null],
  upload_rejected: ['fail', null],
  upload_unavailable: ['retry', null],
  upload_out_of_sync: ['retry', null],
  upload_not_found: ['retry', null],
  video_too_long: ['fail', null],
  video_too_large: ['fail', null],
  unexpected_answer: ['retry', null],
};

/** What a failure says to do, in one comparable shape. */
function shape(error: PublishFailure | UserError, code: string) {
  if (error instanceof UserError) {
    expect(error.kind).toBe('needs_reconnect');
    expect(error.code).toBe('needs_reconnect');
    return { action: 'needs_reconnect', retryAt: null };
  }
  expect(error).toBeInstanceOf(PublishFailure);
  expect(error.platform).toBe('tiktok');
  expect(error.code).toBe(`tiktok.${code}`);
  expect(error.retriable).toBe(error.action === 'retry' || error.action === 'defer');
  return { action: error.action, retryAt: error.retryAt };
}

describe('TikTok error table', () => {
  it('has a row for every code and reason of PLATFORMS.md, and no other', () => {
    expect(Object.keys(TIKTOK_ERROR_CODES).sort()).toEqual(Object.keys(ERROR_CODES).sort());
    expect(Object.keys(TIKTOK_FAIL_REASONS).sort()).toEqual(Object.keys(FAIL_REASONS).sort());
    expect(Object.keys(TIKTOK_OWN_CODES).sort()).toEqual(Object.keys(OWN_CODES).sort());
  });

  it.each(Object.entries(ERROR_CODES))('error.code %s → %j', (code, [action, retryAt]) => {
    const failure = tiktokErrorFailure(code, { clock });
    expect(shape(failure, code)).toEqual({ action, retryAt });
    expect(failure.message.length).toBeGreaterThan(20);
  });

  it.each(Object.entries(FAIL_REASONS))('fail_reason %s → %j', (reason, [action, retryAt]) => {
    const failure = tiktokFailReasonFailure(reason, { clock });
    expect(shape(failure, reason)).toEqual({ action, retryAt });
  });

  it.each(Object.entries(OWN_CODES))('own code %s → %j', (code, [action, retryAt]) => {
    const failure = tiktokOwnFailure(code, { clock });
    expect(shape(failure, code)).toEqual({ action, retryAt });
  });

  it('dates a 429 from Retry-After when TikTok sends one', () => {
    const failure = tiktokErrorFailure('rate_limit_exceeded', { clock, retryAfter: '17' });
    expect(failure).toMatchObject({ action: 'defer', retryAt: NOW + 17_000 });
  });

  it('fails unknown codes, but retries unknown codes that came with a 5xx', () => {
    expect(tiktokErrorFailure('brand_new_code', { clock, httpStatus: 403 })).toMatchObject({
      code: 'tiktok.brand_new_code',
      action: 'fail',
    });
    expect(tiktokErrorFailure('brand_new_code', { clock, httpStatus: 503 })).toMatchObject({
      action: 'retry',
    });
    expect(tiktokFailReasonFailure('brand_new_reason', { clock })).toMatchObject({
      code: 'tiktok.brand_new_reason',
      action: 'fail',
    });
  });

  it('adds TikTok’s log id after the plain words', () => {
    const failure = tiktokErrorFailure('invalid_param', { clock, platformDetail: 'log id 2024ABC' });
    expect(failure.message).toMatch(/invalid \(log id 2024ABC\)$/);
  });
});

describe('dates', () => {
  it.each([
    [Date.UTC(2026, 2, 14, 0, 0), Date.UTC(2026, 2, 15, 0, 5)],
    [Date.UTC(2026, 2, 14, 0, 4), Date.UTC(2026, 2, 15, 0, 5)],
    [Date.UTC(2026, 2, 14, 23, 59), Date.UTC(2026, 2, 15, 0, 5)],
    [Date.UTC(2026, 11, 31, 12, 0), Date.UTC(2027, 0, 1, 0, 5)],
  ])('the day after %s starts again at %s', (now, expected) => {
    expect(nextDayAt0005Utc(now)).toBe(expected);
  });

  it.each([
    [null, NOW + 60_000],
    ['0', NOW],
    ['2.5', NOW + 2500],
    ['nonsense', NOW + 60_000],
    [new Date(NOW + 90_000).toUTCString(), NOW + 90_000],
    [new Date(NOW - 90_000).toUTCString(), NOW + 60_000],
  ])('Retry-After %s → %s', (header, expected) => {
    expect(retryAfterAt(NOW, header)).toBe(expected);
  });
});
