import { afterEach, describe, expect, it } from 'vitest';
import {
  API,
  apiCall,
  connect,
  type Envelope,
  fileSource,
  type Harness,
  localPath,
  makeMp4,
  startSandbox,
} from './test-support.js';

let h: Harness;
afterEach(async () => h.close());

const MB = 1_000_000;

/** A real socket (inject() has none to close): the base URL of the listening sandbox. */
async function listen(): Promise<string> {
  return h.app.listen({ port: 0, host: '127.0.0.1' });
}

async function admin(path: string, body: unknown) {
  return h.app.inject({ method: 'POST', url: `/__sandbox/tiktok${path}`, payload: body as object });
}

async function publishes() {
  const res = await h.app.inject({ method: 'GET', url: '/__sandbox/tiktok/publishes' });
  return res.json<{ publishes: { publish_id: string; status: string; uploadedBytes: number | null }[] }>()
    .publishes;
}

describe('TikTok lost answers (admin)', () => {
  it('runs the init, then closes the connection without an answer', async () => {
    h = await startSandbox();
    const origin = await listen();
    const token = await connect(h);
    await admin('/lost-answers', { step: 'init' });
    const body = {
      post_info: { privacy_level: 'SELF_ONLY', title: 'lost' },
      source_info: fileSource(3 * MB),
    };
    const call = fetch(`${origin}${API}/v2/post/publish/video/init/`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token.access_token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    await expect(call).rejects.toThrow();
    // The publish exists on TikTok's side, waiting for bytes nobody can send (its upload_url was never read).
    expect(await publishes()).toEqual([
      expect.objectContaining({ status: 'PROCESSING_UPLOAD', uploadedBytes: 0 }),
    ]);
    // Only the next answer was lost.
    const again = await apiCall(h, 'POST', '/v2/post/publish/video/init/', token.access_token, body);
    expect(again.json<Envelope>().error.code).toBe('ok');
  });

  it('keeps a chunk whose answer it lost (the upload stands past it)', async () => {
    h = await startSandbox();
    const origin = await listen();
    const token = await connect(h);
    const file = makeMp4({ totalBytes: 10 * MB + 7 });
    const init = await apiCall(h, 'POST', '/v2/post/publish/video/init/', token.access_token, {
      post_info: { privacy_level: 'SELF_ONLY', title: 'chunks' },
      source_info: fileSource(file.length, 5 * MB),
    });
    const { upload_url: uploadUrl } = init.json<Envelope<{ upload_url: string }>>().data;
    await admin('/lost-answers', { step: 'upload' });
    const put = fetch(`${origin}${localPath(uploadUrl)}`, {
      method: 'PUT',
      headers: { 'content-type': 'video/mp4', 'content-range': `bytes 0-${5 * MB - 1}/${file.length}` },
      body: file.subarray(0, 5 * MB),
    });
    await expect(put).rejects.toThrow();
    expect(await publishes()).toEqual([expect.objectContaining({ uploadedBytes: 5 * MB })]);
  });
});
