import type { InstagramSettings } from '../core/settings.js';
import type { Mp4Inspection } from './mp4.js';
import { Mp4StreamScanner } from './mp4-stream.js';
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

/** Meta's crawler names itself so; a public video route must not block it (PLATFORMS.md §2.2). */
export const CRAWLER_USER_AGENT = 'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)';

type Scan = { ok: true; inspection: Mp4Inspection; bytes: number } | { ok: false; tooLarge: boolean };

/** Streams the body through the MP4 scanner, stopping early past `maxBytes` or once the file is unusable. */
async function scanBody(response: Response, settings: InstagramSettings): Promise<Scan> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > settings.maxVideoBytes) {
    await response.body?.cancel();
    return { ok: false, tooLarge: true };
  }
  const scanner = new Mp4StreamScanner(settings.requireMoovFirst);
  const reader = response.body?.getReader();
  for (let read = await reader?.read(); read && !read.done; read = await reader?.read()) {
    scanner.push(Buffer.from(read.value as Uint8Array));
    if (scanner.bytes > settings.maxVideoBytes) {
      await reader?.cancel();
      return { ok: false, tooLarge: true };
    }
    if (!scanner.stillReading) {
      await reader?.cancel();
      break;
    }
  }
  return { ok: true, inspection: scanner.finish(), bytes: scanner.bytes };
}

/**
 * Fetches `video_url` the way Meta's crawler does (plain GET, no credentials, redirects followed), streaming it
 * through the MP4 scanner so memory stays flat whatever the size, and checks the file: unreachable or non-2xx
 * → 2207052, too slow → 2207003, not a usable Reel → 2207026.
 */
export async function fetchAndCheckVideo(
  url: string,
  settings: InstagramSettings,
): Promise<ContainerOutcome> {
  let response: Response;
  try {
    response = await fetch(url, {
      redirect: 'follow',
      headers: { 'user-agent': CRAWLER_USER_AGENT, accept: '*/*' },
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
  let scan: Scan;
  try {
    scan = await scanBody(response, settings);
  } catch {
    return { ok: false, code: -2, subcode: 2207003, revealAtOnce: true, reason: 'download interrupted' };
  }
  if (!scan.ok) return badMedia(`file larger than ${settings.maxVideoBytes} bytes`);
  const { inspection } = scan;
  if (!inspection.ok) return badMedia(inspection.reason);
  if (inspection.durationMs < MIN_DURATION_MS || inspection.durationMs > MAX_DURATION_MS) {
    return badMedia(`duration ${inspection.durationMs} ms outside 3 s – 15 min`);
  }
  return { ok: true, durationMs: inspection.durationMs, bytes: scan.bytes };
}
