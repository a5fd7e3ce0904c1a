import { afterEach, describe, expect, it } from 'vitest';
import {
  apiCall,
  connect,
  type Envelope,
  fileSource,
  type Harness,
  makeMp4,
  type Mp4Spec,
  startSandbox,
  type TokenBody,
  uploadFile,
} from './test-support.js';

let h: Harness;
afterEach(async () => h.close());

interface StatusData {
  status: string;
  fail_reason?: string;
  publicaly_available_post_id?: number[];
  uploaded_bytes?: number;
  downloaded_bytes?: number;
}

const status = (token: TokenBody, publishId: string) =>
  apiCall(h, 'POST', '/v2/post/publish/status/fetch/', token.access_token, { publish_id: publishId });
const statusData = async (token: TokenBody, publishId: string) =>
  (await status(token, publishId)).json<Envelope<StatusData>>().data;

/** Inits a Direct Post (or a draft with privacy null) and uploads the file in one chunk. */
async function publish(token: TokenBody, privacy: string | null, spec: Mp4Spec = {}, file = makeMp4(spec)) {
  const path = privacy ? '/v2/post/publish/video/init/' : '/v2/post/publish/inbox/video/init/';
  const body = privacy
    ? { post_info: { privacy_level: privacy, title: 'status test' }, source_info: fileSource(file.length) }
    : { source_info: fileSource(file.length) };
  const res = await apiCall(h, 'POST', path, token.access_token, body);
  const data = res.json<Envelope<{ publish_id: string; upload_url: string }>>().data;
  await uploadFile(h, data.upload_url, file, file.length);
  return data.publish_id;
}

describe('TikTok status/fetch state machine', () => {
  it('PROCESSING_UPLOAD → PUBLISH_COMPLETE with [] → the post id after moderation, as a bare int64', async () => {
    h = await startSandbox();
    const token = await connect(h);
    const id = await publish(token, 'PUBLIC_TO_EVERYONE');
    expect(await statusData(token, id)).toEqual({
      status: 'PROCESSING_UPLOAD',
      uploaded_bytes: makeMp4().length,
    });
    h.ctx.clock.advance(3000);
    expect(await statusData(token, id)).toMatchObject({
      status: 'PUBLISH_COMPLETE',
      publicaly_available_post_id: [],
    });
    h.ctx.clock.advance(5000);
    const res = await status(token, id);
    // The id is a 19-digit JSON number: beyond 2^53, so JSON.parse would round it.
    const raw = /"publicaly_available_post_id":\[(\d+)\]/.exec(res.body)?.[1] ?? '';
    expect(raw).toMatch(/^7\d{18}$/);
    expect(BigInt(raw) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
  });

  it('never reports a post id for SELF_ONLY posts', async () => {
    h = await startSandbox();
    const token = await connect(h);
    const id = await publish(token, 'SELF_ONLY');
    h.ctx.clock.advance(3_600_000);
    const data = await statusData(token, id);
    expect(data.status).toBe('PUBLISH_COMPLETE');
    expect(data).not.toHaveProperty('publicaly_available_post_id');
  });

  it('inbox drafts end in SEND_TO_USER_INBOX', async () => {
    h = await startSandbox();
    const token = await connect(h);
    const id = await publish(token, null);
    h.ctx.clock.advance(3000);
    expect((await statusData(token, id)).status).toBe('SEND_TO_USER_INBOX');
  });

  it('runs media checks: format, duration, frame rate and picture size → FAILED + *_check_failed', async () => {
    h = await startSandbox();
    const token = await connect(h);
    const cases: [string, Buffer][] = [
      ['file_format_check_failed', Buffer.from('this is not a video at all, just text bytes')],
      ['duration_check_failed', makeMp4({ durationSec: 2 })],
      ['duration_check_failed', makeMp4({ durationSec: 601 })],
      ['frame_rate_check_failed', makeMp4({ fps: 15 })],
      ['picture_size_check_failed', makeMp4({ width: 200, height: 356 })],
    ];
    const ids = [];
    for (const [, file] of cases) {
      ids.push(await publish(token, 'SELF_ONLY', {}, file));
      h.ctx.clock.advance(11_000);
    }
    const fresh = await connect(h);
    for (const [i, [reason]] of cases.entries()) {
      expect(await statusData(fresh, ids[i] ?? '')).toMatchObject({ status: 'FAILED', fail_reason: reason });
    }
  });

  it('applies fail reasons forced through the admin API', async () => {
    h = await startSandbox();
    const token = await connect(h);
    await h.app.inject({
      method: 'POST',
      url: '/__sandbox/tiktok/publish-failures',
      payload: { reason: 'spam_risk_text' },
    });
    const id = await publish(token, 'PUBLIC_TO_EVERYONE');
    h.ctx.clock.advance(3000);
    expect(await statusData(token, id)).toMatchObject({ status: 'FAILED', fail_reason: 'spam_risk_text' });
  });

  it('fails with internal when the upload never completes within the 1 h upload window', async () => {
    h = await startSandbox();
    const token = await connect(h);
    const res = await apiCall(h, 'POST', '/v2/post/publish/video/init/', token.access_token, {
      post_info: { privacy_level: 'SELF_ONLY' },
      source_info: fileSource(20_000_000, 10_000_000),
    });
    const id = res.json<Envelope<{ publish_id: string }>>().data.publish_id;
    h.ctx.clock.advance(3_600_000);
    const fresh = await connect(h);
    expect(await statusData(fresh, id)).toMatchObject({
      status: 'FAILED',
      fail_reason: 'internal',
      uploaded_bytes: 0,
    });
  });

  it('PULL_FROM_URL reports PROCESSING_DOWNLOAD with downloaded_bytes', async () => {
    h = await startSandbox({ tiktok: { verifiedUrlPrefixes: ['videos.example.com'] } });
    const token = await connect(h);
    const res = await apiCall(h, 'POST', '/v2/post/publish/video/init/', token.access_token, {
      post_info: { privacy_level: 'SELF_ONLY' },
      source_info: { source: 'PULL_FROM_URL', video_url: 'https://videos.example.com/v.mp4' },
    });
    const id = res.json<Envelope<{ publish_id: string }>>().data.publish_id;
    h.ctx.clock.advance(1500);
    const midway = await statusData(token, id);
    expect(midway.status).toBe('PROCESSING_DOWNLOAD');
    expect(midway.downloaded_bytes).toBeGreaterThan(0);
    h.ctx.clock.advance(1500);
    expect((await statusData(token, id)).status).toBe('PUBLISH_COMPLETE');
  });

  it('answers invalid_publish_id and token_not_authorized_for_specified_publish_id (both 400)', async () => {
    h = await startSandbox();
    const owner = await connect(h, 'public');
    const id = await publish(owner, 'SELF_ONLY');
    const unknown = await status(owner, 'v_pub_file~v2-1.123');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<Envelope>().error.code).toBe('invalid_publish_id');
    const stranger = await connect(h, 'private');
    const foreign = await status(stranger, id);
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json<Envelope>().error.code).toBe('token_not_authorized_for_specified_publish_id');
    const missing = await apiCall(h, 'POST', '/v2/post/publish/status/fetch/', owner.access_token, {});
    expect(missing.json<Envelope>().error.code).toBe('invalid_param');
  });

  it('allows 30 status calls per token per minute, then 429', async () => {
    h = await startSandbox();
    const token = await connect(h);
    const id = await publish(token, 'SELF_ONLY');
    for (let i = 0; i < 30; i++) expect((await status(token, id)).statusCode).toBe(200);
    const limited = await status(token, id);
    expect(limited.statusCode).toBe(429);
    expect(limited.json<Envelope>().error.code).toBe('rate_limit_exceeded');
  });
});
