import { describe, expect, it } from 'vitest';
import {
  ChunkPlanError,
  planTiktokChunks,
  tiktokChunkAt,
  tiktokChunkStartingAt,
  tiktokContentRange,
  TIKTOK_CHUNK_RULES as R,
} from '../../../src/adapters/platforms/tiktok/tiktok-chunks.js';

const MB = 1_000_000;

describe('planTiktokChunks (PLATFORMS.md §1.3)', () => {
  it.each([
    // [video size, preferred chunk, chunk_size, total_chunk_count]
    ['a tiny file is one chunk of its own size', 1, 10 * MB, 1, 1],
    ['just under 5 MB is one chunk of its own size', 5 * MB - 1, 10 * MB, 5 * MB - 1, 1],
    ['exactly 5 MB with 10 MB preferred goes whole', 5 * MB, 10 * MB, 5 * MB, 1],
    ['a file under the preferred size goes whole', 7 * MB, 10 * MB, 7 * MB, 1],
    ['TikTok’s example: 50,000,123 B in 10 MB chunks', 50_000_123, 10 * MB, 10 * MB, 5],
    ['12 MB in 5 MB chunks: the last takes the remainder', 12 * MB, 5 * MB, 5 * MB, 2],
    ['a preferred size under 5 MB is raised to 5 MB', 20 * MB, 1 * MB, 5 * MB, 4],
    ['a preferred size over 64 MB is lowered to 64 MB', 300 * MB, 200 * MB, 64 * MB, 4],
    ['exactly 64 MB at 64 MB is one chunk', 64 * MB, 64 * MB, 64 * MB, 1],
    ['over 64 MB must be split even when 64 MB + remainder would fit', 100 * MB, 64 * MB, 50 * MB, 2],
    ['just over 128 MB at 64 MB: two chunks, the last 64 MB + 1', 128 * MB + 1, 64 * MB, 64 * MB, 2],
    ['4 GiB in 5 MB chunks stays under 1000 chunks', R.maxVideoBytes, 5 * MB, 5 * MB, 858],
  ])('%s', (_name, size, preferred, chunkSize, count) => {
    const plan = planTiktokChunks(size, preferred);
    expect(plan).toEqual({ videoSize: size, chunkSize, totalChunkCount: count });
  });

  it('always follows every rule: count = floor(size / chunk), 1..1000, chunks 5–64 MB, last ≤ 128 MB', () => {
    const sizes = [
      1,
      4_999_999,
      5 * MB,
      5 * MB + 1,
      9_999_999,
      64 * MB + 1,
      127_999_999,
      999_999_937,
      R.maxVideoBytes,
    ];
    for (const size of sizes) {
      for (const preferred of [1, 5 * MB, 10 * MB, 33_333_333, 64 * MB, 1e9]) {
        const plan = planTiktokChunks(size, preferred);
        const last = tiktokChunkAt(plan, plan.totalChunkCount - 1);
        expect(plan.totalChunkCount).toBe(Math.floor(size / plan.chunkSize));
        expect(plan.totalChunkCount).toBeGreaterThanOrEqual(1);
        expect(plan.totalChunkCount).toBeLessThanOrEqual(R.maxChunks);
        if (size >= R.minChunkBytes) {
          expect(plan.chunkSize).toBeGreaterThanOrEqual(R.minChunkBytes);
          expect(plan.chunkSize).toBeLessThanOrEqual(R.maxChunkBytes);
        } else {
          expect(plan.chunkSize).toBe(size);
        }
        expect(last.last).toBe(size - 1);
        expect(last.last - last.first + 1).toBeLessThanOrEqual(R.maxLastChunkBytes);
        if (size > R.maxChunkBytes) expect(plan.totalChunkCount).toBeGreaterThan(1);
      }
    }
  });

  it.each([0, -1, 1.5, R.maxVideoBytes + 1])('refuses a size of %s', (size) => {
    expect(() => planTiktokChunks(size)).toThrow(ChunkPlanError);
  });
});

describe('chunk ranges', () => {
  const plan = planTiktokChunks(50_000_123, 10 * MB);

  it('names each chunk by Content-Range; the last runs to the end (TikTok’s example)', () => {
    expect(tiktokContentRange(plan, tiktokChunkAt(plan, 0))).toBe('bytes 0-9999999/50000123');
    expect(tiktokContentRange(plan, tiktokChunkAt(plan, 4))).toBe('bytes 40000000-50000122/50000123');
  });

  it.each([
    [0, 0],
    [10 * MB, 1],
    [40 * MB, 4],
    [5 * MB, null],
    [50 * MB, null],
    [50_000_123, null],
    [-10 * MB, null],
  ])('the chunk starting at byte %s is %s', (offset, index) => {
    expect(tiktokChunkStartingAt(plan, offset)?.index ?? null).toBe(index);
  });
});
