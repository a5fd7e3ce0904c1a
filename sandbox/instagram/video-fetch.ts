import type { InstagramSettings } from '../core/settings.js';
import { inspectMp4 } from './mp4.js';
import type { ContainerOutcome } from './store.js';

/** Reels duration bounds (PLATFORMS.md §2.5): 3 s to 15 min. */
const MIN_DURATION_MS = 3_000;
const MAX_DURATION_MS = 15 * 60_000;

const fetchFailed = (reason: string): ContainerOutcome => ({
  ok: false,
  code: 9004,
  subcode: 2207052,
  revealAtOnce: true,
  reason,
});

const badMedia = (reason: string): ContainerOutcome => ({
  ok: false,
  code: 352,
  subcode: 2207026,
  revealAtOnce: false,
  reason,
});

/** Reads a response body, giving up past `maxBytes`; null when it is too large. */
async function readBounded(response: Response, maxBytes: number): Promise<Buffer | null> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    return null;
  }
  const chunks: Buffer[] = [];
  let total = 0;
  const reader = response.body?.getReader();
  for (let read = await reader?.read(); read && !read.done; read = await reader?.read()) {
    const chunk = read.value as Uint8Array;
    total += chunk.byteLength;
    if (total > maxBytes) {
      await reader?.cancel();
      return null;
    }
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

/**
 * Fetches `video_url` the way Meta's crawler does (plain GET, no credentials, redirects followed) and
 * checks the file: unreachable or non-2xx → 2207052, too slow → 2207003, not a usable Reel → 2207026.
 */
export async function fetchAndCheckVideo(
  url: string,
  settings: InstagramSettings,
): Promise<ContainerOutcome> {
  let response: Response;
  try {
    response = await fetch(url, {
      redirect: 'follow',
      signal: AbortSignal.timeout(settings.videoFetchTimeoutMs),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') {
      return { ok: false, code: -2, subcode: 2207003, revealAtOnce: true, reason: 'download timed out' };
    }
    return fetchFailed(error instanceof Error ? error.message : 'unreachable');
  }
  if (!response.ok) {
    await response.body?.cancel();
    return fetchFailed(`HTTP ${response.status}`);
  }
  let body: Buffer | null;
  try {
    body = await readBounded(response, settings.maxVideoBytes);
  } catch {
    return { ok: false, code: -2, subcode: 2207003, revealAtOnce: true, reason: 'download interrupted' };
  }
  if (body === null) return badMedia(`file larger than ${settings.maxVideoBytes} bytes`);
  const inspection = inspectMp4(body, settings.requireMoovFirst);
  if (!inspection.ok) return badMedia(inspection.reason);
  if (inspection.durationMs < MIN_DURATION_MS || inspection.durationMs > MAX_DURATION_MS) {
    return badMedia(`duration ${inspection.durationMs} ms outside 3 s – 15 min`);
  }
  return { ok: true, durationMs: inspection.durationMs, bytes: body.length };
}
