import { afterEach, describe, expect, it } from 'vitest';
import {
  apiCall,
  connect,
  type Envelope,
  fileSource,
  type Harness,
  startSandbox,
  type TokenBody,
} from './test-support.js';

let h: Harness;
afterEach(async () => h.close());

const DIRECT = '/v2/post/publish/video/init/';
const INBOX = '/v2/post/publish/inbox/video/init/';
type InitData = Envelope<{ publish_id: string; upload_url?: string }>;

const post = (privacy = 'PUBLIC_TO_EVERYONE', extra: Record<string, unknown> = {}) => ({
  title: 'A video #ai',
  privacy_level: privacy,
  disable_duet: false,
  disable_comment: false,
  disable_stitch: false,
  is_aigc: true,
  ...extra,
});

const init = (token: TokenBody, body: unknown) => apiCall(h, 'POST', DIRECT, token.access_token, body);
const code = (res: { json: <T>() => T }) => res.json<Envelope>().error.code;

describe('TikTok Direct Post init', () => {
  it('returns a publish_id and an absolute upload_url back to the sandbox, under any prefix', async () => {
    h = await startSandbox({ prefix: '/sbx' });
    const token = await connect(h);
    const res = await init(token, { post_info: post(), source_info: fileSource(50_000_123, 10_000_000) });
    expect(res.statusCode).toBe(200);
    const body = res.json<InitData>();
    expect(body.error.code).toBe('ok');
    expect(body.data.publish_id).toMatch(/^v_pub_file~v2-1\.\d{19}$/);
    expect(body.data.upload_url).toMatch(
      /^http:\/\/127\.0\.0\.1:4010\/sbx\/tiktok\/upload\/video\/\?upload_id=\d+&upload_token=[A-Za-z0-9]+$/,
    );
  });

  it('checks the privacy value against the creator: `public` and out-of-options values → 403 mismatch', async () => {
    h = await startSandbox();
    const pub = await connect(h, 'public');
    const src = fileSource(1_000_000);
    expect(code(await init(pub, { post_info: post('public'), source_info: src }))).toBe(
      'privacy_level_option_mismatch',
    );
    const res = await init(pub, { post_info: post('FOLLOWER_OF_CREATOR'), source_info: src });
    expect(res.statusCode).toBe(403);
    const priv = await connect(h, 'private');
    expect(code(await init(priv, { post_info: post('PUBLIC_TO_EVERYONE'), source_info: src }))).toBe(
      'privacy_level_option_mismatch',
    );
    expect((await init(priv, { post_info: post('FOLLOWER_OF_CREATOR'), source_info: src })).statusCode).toBe(
      200,
    );
  });

  it('validates post_info: privacy required, title ≤ 2200 UTF-16 units, boolean toggles, branded not private', async () => {
    h = await startSandbox({
      tiktok: { rateLimits: { creatorInfo: 20, init: 100, status: 30, display: 600 } },
    });
    const token = await connect(h);
    const src = fileSource(1_000_000);
    const emoji = '😀'.repeat(1100); // 2200 UTF-16 code units
    expect(
      (await init(token, { post_info: post('SELF_ONLY', { title: emoji }), source_info: src })).statusCode,
    ).toBe(200);
    const cases: unknown[] = [
      { post_info: { title: 'x' }, source_info: src },
      { post_info: post('SELF_ONLY', { title: `${emoji}a` }), source_info: src },
      { post_info: post('SELF_ONLY', { disable_duet: 'no' }), source_info: src },
      { post_info: post('SELF_ONLY', { video_cover_timestamp_ms: -1 }), source_info: src },
      { post_info: post('SELF_ONLY', { brand_content_toggle: true }), source_info: src },
      { source_info: src },
      { post_info: post(), source_info: { source: 'UPLOAD', video_size: 10 } },
    ];
    for (const body of cases) {
      const res = await init(token, body);
      expect(res.statusCode).toBe(400);
      expect(code(res)).toBe('invalid_param');
    }
  });

  it('enforces the chunk math: floor(size/chunk) chunks of 5–64 MB, 1–1000, small files whole', async () => {
    h = await startSandbox({
      tiktok: { rateLimits: { creatorInfo: 20, init: 100, status: 30, display: 600 } },
    });
    const token = await connect(h);
    const ok = [
      fileSource(50_000_123, 10_000_000),
      fileSource(4_000_000),
      fileSource(64_000_000, 64_000_000),
    ];
    for (const source_info of ok)
      expect((await init(token, { post_info: post(), source_info })).statusCode).toBe(200);
    const bad = [
      { source: 'FILE_UPLOAD', video_size: 50_000_123, chunk_size: 10_000_000, total_chunk_count: 6 },
      { source: 'FILE_UPLOAD', video_size: 20_000_000, chunk_size: 4_000_000, total_chunk_count: 5 },
      { source: 'FILE_UPLOAD', video_size: 100_000_000, chunk_size: 100_000_000, total_chunk_count: 1 },
      { source: 'FILE_UPLOAD', video_size: 4_000_000, chunk_size: 1_000_000, total_chunk_count: 4 },
      { source: 'FILE_UPLOAD', video_size: 10_000_000, chunk_size: 5_000_000.5, total_chunk_count: 2 },
      { source: 'FILE_UPLOAD', video_size: '10000000', chunk_size: 5_000_000, total_chunk_count: 2 },
    ];
    for (const source_info of bad) {
      const res = await init(token, { post_info: post(), source_info });
      expect(res.statusCode).toBe(400);
      expect(code(res)).toBe('invalid_param');
    }
    const huge = await init(token, { post_info: post(), source_info: fileSource(5 * 1024 ** 3, 64_000_000) });
    expect(code(huge)).toBe('invalid_file_upload');
  });

  it('requires a JSON body (a form body is invalid_param)', async () => {
    h = await startSandbox();
    const token = await connect(h);
    const res = await h.app.inject({
      method: 'POST',
      url: `/tiktok/open-api${DIRECT}`,
      headers: {
        authorization: `Bearer ${token.access_token}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: 'post_info=x',
    });
    expect(res.statusCode).toBe(400);
    expect(code(res)).toBe('invalid_param');
  });

  it('PULL_FROM_URL needs an https URL under a verified prefix or domain (else 403 url_ownership_unverified)', async () => {
    h = await startSandbox({
      tiktok: { verifiedUrlPrefixes: ['https://cdn.example.com/videos/', 'media.example.org'] },
    });
    const token = await connect(h);
    const pull = (video_url: string) =>
      init(token, { post_info: post(), source_info: { source: 'PULL_FROM_URL', video_url } });
    for (const url of [
      'https://localhost/v.mp4',
      'http://cdn.example.com/videos/v.mp4',
      'https://cdn.example.com/other/v.mp4',
    ]) {
      const res = await pull(url);
      expect(res.statusCode).toBe(403);
      expect(code(res)).toBe('url_ownership_unverified');
    }
    const ok = await pull('https://cdn.example.com/videos/v.mp4');
    expect(ok.json<InitData>().data).toEqual({
      publish_id: expect.stringMatching(/^v_pub_url~v2-1\./) as unknown,
    });
    expect((await pull('https://eu.media.example.org/v.mp4')).statusCode).toBe(200);
  });

  it('unaudited app: SELF_ONLY on a private account works; a public account is refused even for SELF_ONLY', async () => {
    h = await startSandbox();
    const token = await connect(h, 'unaudited');
    const src = fileSource(1_000_000);
    expect((await init(token, { post_info: post('SELF_ONLY'), source_info: src })).statusCode).toBe(200);
    expect(code(await init(token, { post_info: post('PUBLIC_TO_EVERYONE'), source_info: src }))).toBe(
      'privacy_level_option_mismatch',
    );
    await h.app.inject({
      method: 'PATCH',
      url: '/__sandbox/tiktok/accounts/unaudited',
      payload: { privateAccount: false },
    });
    const res = await init(token, { post_info: post('SELF_ONLY'), source_info: src });
    expect(res.statusCode).toBe(403);
    expect(code(res)).toBe('unaudited_client_can_only_post_to_private_accounts');
  });

  it('allows 6 inits per token per minute, then 429', async () => {
    h = await startSandbox();
    const token = await connect(h);
    const body = { post_info: post(), source_info: fileSource(1_000_000) };
    for (let i = 0; i < 6; i++) expect((await init(token, body)).statusCode).toBe(200);
    const limited = await init(token, body);
    expect(limited.statusCode).toBe(429);
    expect(code(limited)).toBe('rate_limit_exceeded');
  });

  it('caps Direct Posts at 15 per creator per 24 h (spam_risk_too_many_posts)', async () => {
    h = await startSandbox();
    const token = await connect(h);
    const body = { post_info: post(), source_info: fileSource(1_000_000) };
    for (let i = 0; i < 15; i++) {
      expect((await init(token, body)).statusCode).toBe(200);
      h.ctx.clock.advance(11_000);
    }
    const capped = await init(token, body);
    expect(capped.statusCode).toBe(403);
    expect(code(capped)).toBe('spam_risk_too_many_posts');
    h.ctx.clock.advance(86400_000);
    const fresh = await connect(h);
    expect((await init(fresh, body)).statusCode).toBe(200);
  });

  it("caps the app's active creators per 24 h (reached_active_user_cap)", async () => {
    h = await startSandbox({ tiktok: { activeCreatorCap: 1 } });
    const body = { post_info: post('SELF_ONLY'), source_info: fileSource(1_000_000) };
    expect((await init(await connect(h, 'public'), body)).statusCode).toBe(200);
    const second = await init(await connect(h, 'private'), body);
    expect(second.statusCode).toBe(403);
    expect(code(second)).toBe('reached_active_user_cap');
  });
});

describe('TikTok inbox (draft) init', () => {
  it('takes source_info only, needs video.upload, and allows 5 pending drafts', async () => {
    h = await startSandbox({
      tiktok: { rateLimits: { creatorInfo: 20, init: 100, status: 30, display: 600 } },
    });
    const publishOnly = await connect(h, 'public', ['user.info.basic', 'video.publish']);
    const denied = await apiCall(h, 'POST', INBOX, publishOnly.access_token, {
      source_info: fileSource(1_000_000),
    });
    expect(denied.statusCode).toBe(401);
    expect(code(denied)).toBe('scope_not_authorized');

    const token = await connect(h);
    for (let i = 0; i < 5; i++) {
      const res = await apiCall(h, 'POST', INBOX, token.access_token, { source_info: fileSource(1_000_000) });
      expect(res.json<InitData>().data.publish_id).toMatch(/^v_inbox_file~v2\.\d{19}$/);
    }
    const sixth = await apiCall(h, 'POST', INBOX, token.access_token, { source_info: fileSource(1_000_000) });
    expect(sixth.statusCode).toBe(403);
    expect(code(sixth)).toBe('spam_risk_too_many_pending_share');
    const resolved = await h.app.inject({
      method: 'POST',
      url: '/__sandbox/tiktok/drafts/resolve',
      payload: { persona: 'public' },
    });
    expect(resolved.json<{ resolved: number }>().resolved).toBe(5);
    expect(
      (await apiCall(h, 'POST', INBOX, token.access_token, { source_info: fileSource(1_000_000) }))
        .statusCode,
    ).toBe(200);
  });
});
