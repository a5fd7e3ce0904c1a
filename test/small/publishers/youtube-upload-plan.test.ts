import { describe, expect, it } from 'vitest';
import { BugError } from '../../../src/domain/errors.js';
import { PublishFailure } from '../../../src/domain/publishing/publish-failure.js';
import type { YoutubePublishOptions } from '../../../src/domain/publishing/publication.js';
import { nextPacificMidnight } from '../../../src/adapters/platforms/youtube/pacific-time.js';
import {
  assertChunkBytes,
  CHUNK_UNIT,
  confirmedBytes,
  DEFAULT_CHUNK_BYTES,
  nextChunk,
  readSessionAnswer,
} from '../../../src/adapters/platforms/youtube/youtube-resumable.js';
import { videoStatusResult } from '../../../src/adapters/platforms/youtube/youtube-video-status.js';
import { videoResource } from '../../../src/adapters/platforms/youtube/youtube.publisher.js';

const OPTIONS: YoutubePublishOptions = {
  platform: 'youtube',
  title: 'A title',
  description: 'A description',
  tags: ['a', 'b'],
  categoryId: '22',
  privacyStatus: 'public',
  madeForKids: false,
  containsSyntheticMedia: true,
  publishAt: null,
};

describe('chunk plan', () => {
  it('cuts the file into chunks of the configured size, the last one shorter', () => {
    const total = 2 * CHUNK_UNIT + 100;
    const chunks = [];
    for (let offset = 0; offset < total;) {
      const chunk = nextChunk(offset, total, CHUNK_UNIT);
      chunks.push(chunk);
      offset = chunk.last + 1;
    }
    expect(chunks).toEqual([
      { first: 0, last: CHUNK_UNIT - 1, final: false },
      { first: CHUNK_UNIT, last: 2 * CHUNK_UNIT - 1, final: false },
      { first: 2 * CHUNK_UNIT, last: total - 1, final: true },
    ]);
  });

  it('a file smaller than one chunk goes in one final chunk; a resume starts where YouTube stopped', () => {
    expect(nextChunk(0, 1000, DEFAULT_CHUNK_BYTES)).toEqual({ first: 0, last: 999, final: true });
    expect(nextChunk(CHUNK_UNIT, 10 * CHUNK_UNIT, 4 * CHUNK_UNIT)).toEqual({
      first: CHUNK_UNIT,
      last: 5 * CHUNK_UNIT - 1,
      final: false,
    });
  });

  it('the default is 8 MiB, and a size that is not whole 256 KiB units is refused', () => {
    expect(DEFAULT_CHUNK_BYTES).toBe(8 * 1024 * 1024);
    expect(() => assertChunkBytes(DEFAULT_CHUNK_BYTES)).not.toThrow();
    expect(() => assertChunkBytes(CHUNK_UNIT + 1)).toThrow(BugError);
    expect(() => assertChunkBytes(0)).toThrow(BugError);
  });
});

describe('session answers', () => {
  const res = (status: number, headers: Record<string, string> = {}, json: unknown = null) => ({
    status,
    headers: new Headers(headers),
    json,
    text: '',
  });

  it('308 continues after the Range YouTube confirms, or from 0 without one', () => {
    expect(readSessionAnswer(res(308, { range: 'bytes=0-524287' }))).toEqual({
      kind: 'incomplete',
      offset: 524_288,
    });
    expect(readSessionAnswer(res(308))).toEqual({ kind: 'incomplete', offset: 0 });
    expect(confirmedBytes('bytes=0-0')).toBe(1);
    expect(confirmedBytes('garbage')).toBe(0);
  });

  it('200 and 201 carry the video id; 404 is a gone session; others are refusals', () => {
    expect(readSessionAnswer(res(201, {}, { id: 'vid123' }))).toEqual({
      kind: 'complete',
      videoId: 'vid123',
    });
    expect(readSessionAnswer(res(200, {}, { id: 'vid123' }))).toEqual({
      kind: 'complete',
      videoId: 'vid123',
    });
    expect(readSessionAnswer(res(404))).toEqual({ kind: 'gone' });
    expect(readSessionAnswer(res(503)).kind).toBe('refused');
    expect(() => readSessionAnswer(res(201, {}, {}))).toThrow(PublishFailure);
  });
});

describe('midnight in America/Los_Angeles', () => {
  it('is 08:00 UTC in winter and 07:00 UTC in summer', () => {
    expect(nextPacificMidnight(Date.UTC(2026, 0, 15, 20, 0))).toBe(Date.UTC(2026, 0, 16, 8, 0));
    expect(nextPacificMidnight(Date.UTC(2026, 6, 15, 20, 0))).toBe(Date.UTC(2026, 6, 16, 7, 0));
  });

  it('late evening Pacific (already the next day in UTC) resets at the coming midnight', () => {
    // 2026-01-15 23:30 PST = 2026-01-16 07:30 UTC.
    expect(nextPacificMidnight(Date.UTC(2026, 0, 16, 7, 30))).toBe(Date.UTC(2026, 0, 16, 8, 0));
    // Exactly midnight: the next one is a day later.
    expect(nextPacificMidnight(Date.UTC(2026, 0, 16, 8, 0))).toBe(Date.UTC(2026, 0, 17, 8, 0));
  });

  it('across the spring change (2026-03-08, 02:00 PST → 03:00 PDT)', () => {
    // Saturday 7 March 12:00 PST → midnight starting Sunday is still PST.
    expect(nextPacificMidnight(Date.UTC(2026, 2, 7, 20, 0))).toBe(Date.UTC(2026, 2, 8, 8, 0));
    // Sunday 8 March 12:00 PDT (a 23-hour day) → Monday's midnight is PDT.
    expect(nextPacificMidnight(Date.UTC(2026, 2, 8, 19, 0))).toBe(Date.UTC(2026, 2, 9, 7, 0));
  });

  it('across the autumn change (2026-11-01, 02:00 PDT → 01:00 PST)', () => {
    // Saturday 31 October 12:00 PDT → midnight starting Sunday is still PDT.
    expect(nextPacificMidnight(Date.UTC(2026, 9, 31, 19, 0))).toBe(Date.UTC(2026, 10, 1, 7, 0));
    // Sunday 1 November 01:30, in the repeated hour → Monday's midnight is PST (a 25-hour day).
    expect(nextPacificMidnight(Date.UTC(2026, 10, 1, 9, 30))).toBe(Date.UTC(2026, 10, 2, 8, 0));
  });
});

describe('the videos.insert body', () => {
  it('carries snippet and status as chosen', () => {
    expect(videoResource(OPTIONS)).toEqual({
      snippet: { title: 'A title', description: 'A description', tags: ['a', 'b'], categoryId: '22' },
      status: { privacyStatus: 'public', selfDeclaredMadeForKids: false, containsSyntheticMedia: true },
    });
  });

  it('a publishAt release is sent private, as YouTube requires', () => {
    const at = '2026-05-01T10:00:00.000Z';
    expect(videoResource({ ...OPTIONS, madeForKids: true, publishAt: at }).status).toEqual({
      privacyStatus: 'private',
      publishAt: at,
      selfDeclaredMadeForKids: true,
      containsSyntheticMedia: true,
    });
  });
});

describe('processing status', () => {
  const item = (status: Record<string, unknown>, processingDetails?: Record<string, unknown>) => ({
    id: 'v1',
    status,
    ...(processingDetails ? { processingDetails } : {}),
  });

  it('waits while processing, with the progress and YouTube’s estimate (bounded)', () => {
    const result = videoStatusResult(
      item(
        { uploadStatus: 'uploaded', privacyStatus: 'public' },
        {
          processingStatus: 'processing',
          processingProgress: { partsTotal: '1000', partsProcessed: '250', timeLeftMs: '9000' },
        },
      ),
      'v1',
      OPTIONS,
      5000,
    );
    expect(result).toEqual({
      kind: 'wait',
      checkAgainInMs: 9000,
      detail: 'YouTube is processing the video (25%)',
    });
    const long = videoStatusResult(
      item(
        { uploadStatus: 'uploaded' },
        { processingStatus: 'processing', processingProgress: { timeLeftMs: '9999999' } },
      ),
      'v1',
      OPTIONS,
      5000,
    );
    expect(long).toMatchObject({ kind: 'wait', checkAgainInMs: 60_000 });
  });

  it('processed (or uploaded without processing details) is published as a Short', () => {
    const done = videoStatusResult(
      item({ uploadStatus: 'processed', privacyStatus: 'public' }, { processingStatus: 'succeeded' }),
      'v1',
      OPTIONS,
      5000,
    );
    expect(done).toEqual({
      kind: 'published',
      postId: 'v1',
      url: 'https://youtube.com/shorts/v1',
      detail: 'On YouTube as a public Short',
      awaitingPostId: false,
    });
    expect(
      videoStatusResult(item({ uploadStatus: 'uploaded', privacyStatus: 'public' }), 'v1', OPTIONS, 5000)
        .kind,
    ).toBe('published');
  });

  it('says when YouTube kept it private against the choice, and when a release is scheduled', () => {
    const forced = videoStatusResult(
      item({ uploadStatus: 'processed', privacyStatus: 'private' }),
      'v1',
      OPTIONS,
      5000,
    );
    expect(forced).toMatchObject({
      kind: 'published',
      detail: expect.stringMatching(/private.*audit/) as unknown,
    });
    const at = '2026-05-01T10:00:00.000Z';
    const scheduled = videoStatusResult(
      item({ uploadStatus: 'processed', privacyStatus: 'private', publishAt: at }),
      'v1',
      { ...OPTIONS, publishAt: at },
      5000,
    );
    expect(scheduled).toMatchObject({ detail: `On YouTube, private until YouTube releases it at ${at}` });
  });

  it('failed, rejected, processing failures and deleted videos fail with plain reasons', () => {
    const run = (value: unknown) => () => videoStatusResult(value, 'v1', OPTIONS, 5000);
    expect(run(item({ uploadStatus: 'failed', failureReason: 'codec' }))).toThrow(
      expect.objectContaining({
        code: 'youtube.failed.codec',
        action: 'fail',
        message: expect.stringMatching(/codec/) as unknown,
      }),
    );
    expect(run(item({ uploadStatus: 'rejected', rejectionReason: 'duplicate' }))).toThrow(
      expect.objectContaining({
        code: 'youtube.rejected.duplicate',
        message: expect.stringMatching(/duplicate/) as unknown,
      }),
    );
    expect(run(item({ uploadStatus: 'uploaded' }, { processingStatus: 'terminated' }))).toThrow(
      expect.objectContaining({ code: 'youtube.processing.terminated' }),
    );
    expect(run(null)).toThrow(expect.objectContaining({ code: 'youtube.deleted' }));
  });
});
