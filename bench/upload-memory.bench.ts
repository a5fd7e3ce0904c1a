import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import type { Platform } from '../src/domain/connection.js';
import type { PublishOptions } from '../src/domain/publishing/publication.js';
import type { PlatformPublisher, PublishVideo } from '../src/ports/platform-publisher.js';
import { InstagramPublisher } from '../src/adapters/platforms/instagram/instagram.publisher.js';
import { TiktokPublisher } from '../src/adapters/platforms/tiktok/tiktok.publisher.js';
import { YoutubePublisher } from '../src/adapters/platforms/youtube/youtube.publisher.js';
import { freePort } from '../test/fakes/free-port.js';
import { startRangeFileServer } from '../test/fakes/range-file-server.js';
import { MemoryJournal } from './publishing/memory-journal.js';
import { sandboxGrant } from './publishing/sandbox-accounts.js';
import { startSandboxProcess } from './publishing/sandbox-process.js';
import { makeClip, padClip } from './publishing/test-video.js';

/**
 * `npm run bench:upload-memory`: publishes one large video (1 GB by default) to each platform of the local
 * sandbox through the product's publishers and measures how much this process's resident memory grows while it
 * does (the sandbox runs in its own process). Uploads stream from disk, so growth must stay under 64 MB whatever
 * the file size; a 4 s clip is published first, side by side, as the baseline.
 */
const LIMIT_BYTES = 64 * 1024 * 1024;
const MB = 1024 * 1024;

function optionsFor(platform: Platform, caption: string): PublishOptions {
  if (platform === 'tiktok')
    return {
      platform,
      mode: 'direct',
      privacyLevel: 'SELF_ONLY',
      disableComment: false,
      disableDuet: false,
      disableStitch: false,
      brandOrganic: false,
      brandedContent: false,
      isAigc: true,
      caption,
    };
  if (platform === 'instagram') return { platform, caption, shareToFeed: true, coverAtMs: null };
  return {
    platform,
    title: caption,
    description: '',
    tags: [],
    categoryId: '22',
    privacyStatus: 'private',
    madeForKids: false,
    containsSyntheticMedia: true,
    publishAt: null,
  };
}

/** Advances one publication until the platform says it is out; returns the peak RSS seen meanwhile. */
async function publish(
  publisher: PlatformPublisher,
  accessToken: string,
  video: PublishVideo,
  caption: string,
): Promise<{ peakRss: number; ms: number }> {
  const journal = new MemoryJournal();
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 10);
  const started = performance.now();
  try {
    for (let round = 0; round < 600; round++) {
      const result = await publisher.advance({
        accessToken,
        options: optionsFor(publisher.platform, caption),
        video,
        journal,
      });
      if (result.kind === 'published') return { peakRss, ms: performance.now() - started };
      await new Promise((resolve) => setTimeout(resolve, Math.min(result.checkAgainInMs, 500)));
    }
    throw new Error(`${publisher.platform}: not published after 600 checks`);
  } finally {
    clearInterval(sampler);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { bytes: { type: 'string', default: String(1024 * MB) } } });
  const bytes = Number(values.bytes);
  const work = mkdtempSync(join(tmpdir(), 'aif-upload-bench-'));
  const small = join(work, 'small.mp4');
  const large = join(work, 'large.mp4');
  makeClip(small);
  makeClip(large);
  padClip(large, bytes);
  const files = await startRangeFileServer({ '/small.mp4': small, '/large.mp4': large });
  const appOrigin = `http://127.0.0.1:${await freePort()}`;
  const sandbox = await startSandboxProcess(await freePort(), appOrigin);
  try {
    await sandbox.admin('PATCH', '/tiktok/settings', { processingMs: 200, moderationMs: 200 });
    await sandbox.admin('PATCH', '/youtube/settings', { processingMs: 200 });
    await sandbox.admin('PATCH', '/instagram/settings', {
      containerProcessingMs: 200,
      maxVideoBytes: 4 * 1024 * MB,
      videoFetchTimeoutMs: 600_000,
    });
    const clock = { now: () => Date.now() };
    const common = { baseUrls: sandbox.baseUrls, clock };
    const publishers: PlatformPublisher[] = [
      new TiktokPublisher(common),
      new InstagramPublisher({ ...common, pollIntervalMs: 200 }),
      new YoutubePublisher({ ...common, pollIntervalMs: 200 }),
    ];
    const video = (name: string, path: string): PublishVideo => ({
      path,
      sizeBytes: statSync(path).size,
      durationMs: 4000,
      publicUrl: files.url(`/${name}`),
      coverAtMs: 1000,
    });
    const rows: string[] = [];
    let worst = 0;
    for (const publisher of publishers) {
      const { accessToken: token } = await sandboxGrant(publisher.platform, sandbox.baseUrls, appOrigin);
      const baseline = process.memoryUsage.rss();
      const smallRun = await publish(publisher, token, video('small.mp4', small), 'Memory bench (small)');
      const before = process.memoryUsage.rss();
      const largeRun = await publish(publisher, token, video('large.mp4', large), 'Memory bench (large)');
      const growth = largeRun.peakRss - before;
      worst = Math.max(worst, growth);
      rows.push(
        `${publisher.platform.padEnd(10)} ${(statSync(small).size / MB).toFixed(1).padStart(8)} MB: +${((smallRun.peakRss - baseline) / MB).toFixed(1)} MB` +
          `   ${(bytes / MB).toFixed(0).padStart(6)} MB: +${(growth / MB).toFixed(1)} MB RSS in ${(largeRun.ms / 1000).toFixed(1)} s` +
          ` (${(bytes / MB / (largeRun.ms / 1000)).toFixed(0)} MB/s)`,
      );
    }
    console.log(`Upload memory: RSS growth of the publishing process (limit ${LIMIT_BYTES / MB} MB)`);
    for (const row of rows) console.log(`  ${row}`);
    const pass = worst <= LIMIT_BYTES;
    console.log(
      `  worst growth ${(worst / MB).toFixed(1)} MB: ${pass ? 'within' : 'OVER'} the ${LIMIT_BYTES / MB} MB limit`,
    );
    if (!pass) process.exitCode = 1;
  } finally {
    await sandbox.stop();
    await files.close();
    rmSync(work, { recursive: true, force: true });
  }
}

void main();
