import { afterEach, describe, expect, it } from 'vitest';
import {
  adminCall,
  apiGet,
  connect,
  fakeMp4,
  startSandbox,
  uploadVideo,
  VALID_METADATA,
  type RunningSandbox,
} from './test-support.js';
import type { PersonaId } from '../core/settings.js';
import { defaultWorld } from '../core/world.js';
import { makeMp4 } from '../tiktok/test-support.js';
import type { Video } from './video-model.js';
import { videoCountsAt, videoStateAt } from './video-state.js';

let sb: RunningSandbox;
afterEach(async () => {
  await sb.close();
});

const PARTS = 'part=statistics,status,processingDetails,snippet';
const CHUNK = 256 * 1024;
const HOUR = 3_600_000;

interface VideoItem {
  id: string;
  status: Record<string, unknown>;
  statistics: Record<string, unknown>;
  processingDetails?: Record<string, unknown>;
}

/** Lists as a persona with a fresh access token (tokens die after an hour of sandbox clock). */
async function list(persona: PersonaId, ids: string[]): Promise<VideoItem[]> {
  const { access_token } = await connect(sb, persona);
  const res = await apiGet(sb, `/youtube/v3/videos?${PARTS}&id=${ids.join(',')}`, access_token);
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: VideoItem[] }).items;
}

describe('videos.list', () => {
  it('processing follows the clock: uploaded/processing with progress, then processed/succeeded', async () => {
    sb = await startSandbox({ processingMs: 60_000 });
    const { access_token } = await connect(sb);
    const { id } = await uploadVideo(sb, access_token, fakeMp4(4000));
    sb.ctx.clock.advance(30_000);
    const [during] = await list('public', [id]);
    expect(during?.status.uploadStatus).toBe('uploaded');
    expect(during?.processingDetails).toMatchObject({
      processingStatus: 'processing',
      processingProgress: { partsTotal: '1000', partsProcessed: expect.stringMatching(/^\d+$/) as unknown },
    });
    sb.ctx.clock.advance(30_000);
    const [after] = await list('public', [id]);
    expect(after?.status.uploadStatus).toBe('processed');
    expect(after?.processingDetails?.processingStatus).toBe('succeeded');
    expect(after?.processingDetails?.processingProgress).toBeUndefined();
  });

  it('a file that is not a video fails processing (invalidFile / transcodeFailed)', async () => {
    sb = await startSandbox();
    const { access_token } = await connect(sb);
    const { id } = await uploadVideo(sb, access_token, Buffer.alloc(5000, 1));
    sb.ctx.clock.advance(5000);
    const [video] = await list('public', [id]);
    expect(video?.status).toMatchObject({ uploadStatus: 'failed', failureReason: 'invalidFile' });
    expect(video?.processingDetails).toMatchObject({
      processingStatus: 'failed',
      processingFailureReason: 'transcodeFailed',
    });
  });

  it('admin can force a rejection (rejected / terminated)', async () => {
    sb = await startSandbox();
    const { access_token } = await connect(sb);
    const { id } = await uploadVideo(sb, access_token, fakeMp4(4000));
    const forced = await adminCall(sb, 'POST', `/youtube/videos/${id}/outcome`, {
      uploadStatus: 'rejected',
      rejectionReason: 'duplicate',
    });
    expect(forced.status).toBe(200);
    sb.ctx.clock.advance(5000);
    const [video] = await list('public', [id]);
    expect(video?.status).toMatchObject({ uploadStatus: 'rejected', rejectionReason: 'duplicate' });
    expect(video?.processingDetails?.processingStatus).toBe('terminated');
  });

  it('counters are strings that grow with the clock; dislikeCount is owner-only; favoriteCount is "0"', async () => {
    sb = await startSandbox();
    const owner = await connect(sb, 'public');
    const { id } = await uploadVideo(sb, owner.access_token, fakeMp4(4000));
    sb.ctx.clock.advance(2 * HOUR);
    const [first] = await list('public', [id]);
    sb.ctx.clock.advance(72 * HOUR);
    const [second] = await list('public', [id]);
    for (const key of ['viewCount', 'likeCount', 'dislikeCount', 'favoriteCount', 'commentCount']) {
      expect(typeof first?.statistics[key]).toBe('string');
    }
    expect(first?.statistics.favoriteCount).toBe('0');
    expect(Number(second?.statistics.viewCount)).toBeGreaterThan(Number(first?.statistics.viewCount));
    expect(Number(second?.statistics.likeCount)).toBeGreaterThanOrEqual(Number(first?.statistics.likeCount));
    const [seenByOther] = await list('private', [id]);
    expect(seenByOther?.statistics.dislikeCount).toBeUndefined();
    expect(seenByOther?.processingDetails).toBeUndefined();
    expect(seenByOther?.statistics.viewCount).toBe(second?.statistics.viewCount);
  });

  it('private videos of others and deleted videos are absent; unknown ids are absent, no error', async () => {
    sb = await startSandbox();
    const owner = await connect(sb, 'public');
    const privateMeta = { ...VALID_METADATA, status: { ...VALID_METADATA.status, privacyStatus: 'private' } };
    const hidden = await uploadVideo(sb, owner.access_token, fakeMp4(3000), privateMeta);
    const shown = await uploadVideo(sb, owner.access_token, fakeMp4(3000));
    sb.ctx.clock.advance(10_000);
    expect((await list('private', [hidden.id, shown.id, 'nope0000000'])).map((v) => v.id)).toEqual([
      shown.id,
    ]);
    expect((await list('public', [hidden.id, shown.id])).map((v) => v.id)).toEqual([hidden.id, shown.id]);
    expect((await adminCall(sb, 'POST', `/youtube/videos/${shown.id}/delete`)).status).toBe(200);
    expect((await list('public', [hidden.id, shown.id])).map((v) => v.id)).toEqual([hidden.id]);
  });

  it('a scheduled private video (publishAt) goes public at that time and starts counting views', async () => {
    sb = await startSandbox();
    const { access_token } = await connect(sb);
    const publishAt = new Date(sb.ctx.clock.now() + 5 * HOUR).toISOString();
    const metadata = {
      ...VALID_METADATA,
      status: { ...VALID_METADATA.status, privacyStatus: 'private', publishAt },
    };
    const { id } = await uploadVideo(sb, access_token, fakeMp4(3000), metadata);
    sb.ctx.clock.advance(4 * HOUR);
    const [before] = await list('public', [id]);
    expect(before?.status).toMatchObject({ privacyStatus: 'private', publishAt });
    expect(before?.statistics.viewCount).toBe('0');
    sb.ctx.clock.advance(30 * HOUR);
    const [after] = await list('public', [id]);
    expect(after?.status.privacyStatus).toBe('public');
    expect(after?.status.publishAt).toBeUndefined();
    expect(Number(after?.statistics.viewCount)).toBeGreaterThan(0);
  });

  it('made-for-kids videos have comments off: commentCount is missing', async () => {
    sb = await startSandbox();
    const { access_token } = await connect(sb);
    const metadata = {
      ...VALID_METADATA,
      status: { ...VALID_METADATA.status, selfDeclaredMadeForKids: true },
    };
    const { id } = await uploadVideo(sb, access_token, fakeMp4(3000), metadata);
    sb.ctx.clock.advance(10 * HOUR);
    const [video] = await list('public', [id]);
    expect(video?.statistics.commentCount).toBeUndefined();
    expect(video?.status.madeForKids).toBe(true);
  });

  it('contentDetails.duration: P0D while processing, then the length read from the file (30 s if unreadable)', async () => {
    sb = await startSandbox({ processingMs: 60_000 });
    const { access_token } = await connect(sb);
    const faststart = await uploadVideo(
      sb,
      access_token,
      makeMp4({ durationSec: 42, totalBytes: 3 * CHUNK }),
    );
    const unreadable = await uploadVideo(sb, access_token, fakeMp4(4000));
    // A multipart upload is read whole, so a moov after the media is found too.
    const boundary = 'sandbox-boundary';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\ncontent-type: application/json; charset=UTF-8\r\n\r\n${JSON.stringify(VALID_METADATA)}\r\n` +
          `--${boundary}\r\ncontent-type: video/mp4\r\n\r\n`,
      ),
      makeMp4({ durationSec: 83, totalBytes: 3 * CHUNK, moovAtEnd: true }),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const multipart = await fetch(
      `${sb.api}/upload/youtube/v3/videos?uploadType=multipart&part=snippet,status`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${access_token}`,
          'content-type': `multipart/related; boundary=${boundary}`,
        },
        body,
      },
    );
    expect(multipart.status).toBe(200);
    const { id: moovAtEnd } = (await multipart.json()) as { id: string };
    const durations = async (): Promise<unknown[]> => {
      const res = await apiGet(
        sb,
        `/youtube/v3/videos?part=contentDetails&id=${faststart.id},${unreadable.id},${moovAtEnd}`,
        (await connect(sb)).access_token,
      );
      const { items } = (await res.json()) as { items: { contentDetails: { duration: string } }[] };
      return items.map((i) => i.contentDetails.duration);
    };
    expect(await durations()).toEqual(['P0D', 'P0D', 'P0D']);
    sb.ctx.clock.advance(60_000);
    expect(await durations()).toEqual(['PT42S', 'PT30S', 'PT1M23S']);
  });

  it('more than 50 ids → 400; exactly 50 is fine; a missing id filter → 400', async () => {
    sb = await startSandbox();
    const { access_token } = await connect(sb);
    const ids = (n: number): string =>
      Array.from({ length: n }, (_, i) => `vid${String(i).padStart(8, '0')}`).join(',');
    expect((await apiGet(sb, `/youtube/v3/videos?part=id&id=${ids(50)}`, access_token)).status).toBe(200);
    const tooMany = await apiGet(sb, `/youtube/v3/videos?part=id&id=${ids(51)}`, access_token);
    expect(tooMany.status).toBe(400);
    expect(
      ((await tooMany.json()) as { error: { errors: { reason: string }[] } }).error.errors[0]?.reason,
    ).toBe('invalidParameter');
    expect((await apiGet(sb, '/youtube/v3/videos?part=id', access_token)).status).toBe(400);
  });
});

describe('seeded statistics', () => {
  const video = (id: string): Video => ({
    id,
    channelId: 'UCx',
    channelTitle: 'x',
    owner: 'public',
    metadata: {
      snippet: { title: 't', description: '', tags: [], categoryId: '22' },
      status: {
        privacyStatus: 'public',
        publishAt: null,
        selfDeclaredMadeForKids: false,
        embeddable: true,
        license: 'youtube',
        publicStatsViewable: true,
        containsSyntheticMedia: true,
      },
    },
    uploadedAt: 0,
    bytes: 1,
    outcome: { uploadStatus: 'processed' },
    deleted: false,
    durationSec: 30,
    likesHidden: false,
    audienceKey: `youtube:${id}`,
  });

  it('are deterministic from the seed and never decrease over time', () => {
    const at = (seed: number, now: number): number =>
      videoCountsAt(video('abc'), videoStateAt(video('abc'), now, 1000), now, { seed, world: defaultWorld() })
        .views;
    expect(at(42, 5 * HOUR)).toBe(at(42, 5 * HOUR));
    expect(at(42, 5 * HOUR)).not.toBe(at(43, 5 * HOUR));
    let previous = 0;
    for (let h = 1; h < 500; h += 7) {
      const views = at(42, h * HOUR);
      expect(views).toBeGreaterThanOrEqual(previous);
      previous = views;
    }
    expect(previous).toBeGreaterThan(0);
  });
});
