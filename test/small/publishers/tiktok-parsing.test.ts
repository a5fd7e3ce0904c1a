import { describe, expect, it } from 'vitest';
import type { PlatformResponse } from '../../../src/adapters/platforms/http.js';
import { parseTiktokJson, quoteLongIntegers } from '../../../src/adapters/platforms/tiktok/tiktok-json.js';
import {
  parseCreatorInfo,
  parsePublishStatus,
  readTiktokAnswer,
} from '../../../src/adapters/platforms/tiktok/tiktok-publish-api.js';
import { readTiktokRemote } from '../../../src/adapters/platforms/tiktok/tiktok-publish-state.js';
import { postUrl } from '../../../src/adapters/platforms/tiktok/tiktok-publish-results.js';

function response(status: number, text: string, headers: Record<string, string> = {}): PlatformResponse {
  return { status, headers: new Headers(headers), json: null, text };
}

describe('parseTiktokJson keeps int64 ids exact', () => {
  it('reads 19-digit ids as the exact digits (JSON.parse would round them)', () => {
    const text = '{"data":{"publicaly_available_post_id":[7345123456789012345,7345123456789012399]}}';
    const plain = JSON.parse(text) as { data: { publicaly_available_post_id: number[] } };
    expect(String(plain.data.publicaly_available_post_id[0])).not.toBe('7345123456789012345');
    expect(parseTiktokJson(text)).toEqual({
      data: { publicaly_available_post_id: ['7345123456789012345', '7345123456789012399'] },
    });
  });

  it.each([
    [
      'short numbers, decimals and exponents stay numbers',
      '[1,-2,3.5,1e21,123456789012345]',
      '[1,-2,3.5,1e21,123456789012345]',
    ],
    ['a 16-digit integer becomes a string', '[1234567890123456]', '["1234567890123456"]'],
    ['negative long integers too', '[-1234567890123456]', '["-1234567890123456"]'],
    [
      'digits inside strings are untouched',
      '{"a":"7345123456789012345","b":"x\\"9999999999999999"}',
      '{"a":"7345123456789012345","b":"x\\"9999999999999999"}',
    ],
    ['whitespace around values is kept', '{ "a" : 7345123456789012345 }', '{ "a" : "7345123456789012345" }'],
  ])('%s', (_name, input, output) => {
    expect(quoteLongIntegers(input)).toBe(output);
  });

  it('answers null for empty or broken text', () => {
    expect(parseTiktokJson('')).toBeNull();
    expect(parseTiktokJson('<html>')).toBeNull();
  });
});

describe('readTiktokAnswer', () => {
  it('is ok only when error.code is "ok"', () => {
    const ok = readTiktokAnswer(
      response(200, '{"data":{"a":1},"error":{"code":"ok","message":"","log_id":"L"}}'),
    );
    expect(ok).toEqual({ ok: true, data: { a: 1 } });
  });

  it.each([
    [
      'an error code with HTTP 200',
      200,
      '{"data":{},"error":{"code":"spam_risk_too_many_posts","log_id":"L1"}}',
      'spam_risk_too_many_posts',
    ],
    [
      'a 403 envelope',
      403,
      '{"data":{},"error":{"code":"privacy_level_option_mismatch","log_id":"L1"}}',
      'privacy_level_option_mismatch',
    ],
    ['a 429 without a body', 429, '', 'rate_limit_exceeded'],
    ['a 502 HTML page', 502, '<html>bad gateway</html>', 'internal_error'],
    ['a 400 without an envelope', 400, '{}', 'unexpected_answer'],
    ['"ok" with HTTP 500', 500, '{"data":{},"error":{"code":"ok"}}', 'internal_error'],
  ])('reads %s', (_name, status, text, code) => {
    const answer = readTiktokAnswer(response(status, text, { 'retry-after': '7' }));
    expect(answer).toMatchObject({ ok: false, code, httpStatus: status, retryAfter: '7' });
  });

  it('passes the log id on, never the message', () => {
    const answer = readTiktokAnswer(
      response(
        400,
        '{"data":{},"error":{"code":"invalid_param","message":"secret detail","log_id":"2024LOG"}}',
      ),
    );
    expect(answer).toMatchObject({ ok: false, detail: 'log id 2024LOG' });
  });
});

describe('parseCreatorInfo', () => {
  const data = {
    creator_avatar_url: 'https://cdn.example/a.png',
    creator_username: 'ai.factory',
    creator_nickname: 'AI Factory',
    privacy_level_options: ['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY', 'SOMETHING_NEW'],
    comment_disabled: false,
    duet_disabled: false,
    stitch_disabled: true,
    max_video_post_duration_sec: 600,
  };

  it('reads §1.3’s example, leaving out privacy values it does not know', () => {
    expect(parseCreatorInfo(data)).toEqual({
      nickname: 'AI Factory',
      username: 'ai.factory',
      avatarUrl: 'https://cdn.example/a.png',
      privacyLevelOptions: ['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY'],
      commentDisabled: false,
      duetDisabled: false,
      stitchDisabled: true,
      maxVideoPostDurationSec: 600,
    });
  });

  it('answers null without privacy options or a maximum duration', () => {
    expect(parseCreatorInfo({ ...data, privacy_level_options: undefined })).toBeNull();
    expect(parseCreatorInfo({ ...data, max_video_post_duration_sec: '600' })).toBeNull();
  });
});

describe('parsePublishStatus', () => {
  it('reads a FAILED status with its reason and uploaded bytes (§1.3 example)', () => {
    const data = {
      status: 'FAILED',
      fail_reason: 'picture_size_check_failed',
      publicaly_available_post_id: [],
      uploaded_bytes: 10000,
    };
    expect(parsePublishStatus(data)).toEqual({
      status: 'FAILED',
      failReason: 'picture_size_check_failed',
      postIds: [],
      uploadedBytes: 10000,
    });
  });

  it('keeps post ids as digit strings, whatever JSON type carried them', () => {
    const data = {
      status: 'PUBLISH_COMPLETE',
      publicaly_available_post_id: ['7345123456789012345', 42, null, 'x'],
    };
    expect(parsePublishStatus(data)?.postIds).toEqual(['7345123456789012345', '42']);
  });

  it('answers null without a status', () => {
    expect(parsePublishStatus({ uploaded_bytes: 5 })).toBeNull();
  });
});

describe('the saved state and the post URL', () => {
  it('reads what was saved and ignores what has the wrong type', () => {
    const state = readTiktokRemote({
      initState: 'answered',
      publishId: 'v_pub_file~v2-1.1',
      videoSize: 12,
      chunkSize: 12,
      totalChunkCount: 1,
      uploadedBytes: 'x',
      outcome: 'nonsense',
    });
    expect(state).toMatchObject({
      initState: 'answered',
      publishId: 'v_pub_file~v2-1.1',
      plan: { videoSize: 12, chunkSize: 12, totalChunkCount: 1 },
      uploadedBytes: 0,
      outcome: null,
      failedPublishes: 0,
    });
  });

  it('builds https://www.tiktok.com/@{username}/video/{id}, and nothing without a username', () => {
    expect(postUrl('ai.factory', '7345123456789012345')).toBe(
      'https://www.tiktok.com/@ai.factory/video/7345123456789012345',
    );
    expect(postUrl(null, '7345123456789012345')).toBeNull();
  });
});
