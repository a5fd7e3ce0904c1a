/**
 * TikTok's FILE_UPLOAD chunk rules (PLATFORMS.md §1.3, decimal MB): chunks of 5–64 MB, `total_chunk_count =
 * floor(video_size / chunk_size)` from 1 to 1000, the last chunk takes the remainder (up to 128 MB), and a file
 * under 5 MB is one chunk of its own size. Files are at most 4 GB (§1.6).
 */
export const TIKTOK_CHUNK_RULES = {
  minChunkBytes: 5_000_000,
  maxChunkBytes: 64_000_000,
  maxLastChunkBytes: 128_000_000,
  maxChunks: 1000,
  maxVideoBytes: 4 * 1024 ** 3,
} as const;

/** TikTok's own example size; small enough that a failed chunk costs little to send again. */
export const DEFAULT_TIKTOK_CHUNK_BYTES = 10_000_000;

/** What init's `source_info` declares. */
export interface TiktokChunkPlan {
  videoSize: number;
  chunkSize: number;
  totalChunkCount: number;
}

/** One chunk: its inclusive byte range, as Content-Range names it. */
export interface TiktokChunk {
  index: number;
  first: number;
  last: number;
}

/** Why a file cannot be planned (empty, or over TikTok's 4 GB). */
export class ChunkPlanError extends Error {}

/**
 * The chunk plan for a file of `videoSize` bytes, using `preferredChunkBytes` (clamped to 5–64 MB), or the whole
 * file as one chunk when it is not larger than that.
 */
export function planTiktokChunks(
  videoSize: number,
  preferredChunkBytes: number = DEFAULT_TIKTOK_CHUNK_BYTES,
): TiktokChunkPlan {
  const r = TIKTOK_CHUNK_RULES;
  if (!Number.isSafeInteger(videoSize) || videoSize <= 0) throw new ChunkPlanError('The video is empty');
  if (videoSize > r.maxVideoBytes) throw new ChunkPlanError('The video is larger than TikTok’s 4 GB');
  if (videoSize < r.minChunkBytes) return { videoSize, chunkSize: videoSize, totalChunkCount: 1 };
  let chunkSize = Math.min(r.maxChunkBytes, Math.max(r.minChunkBytes, Math.floor(preferredChunkBytes)));
  // A file not larger than one chunk goes whole, unless it is over 64 MB: that one must be split (§1.3), even though
  // a 64 MB chunk_size with a remainder up to 128 MB would pass the count formula.
  if (chunkSize >= videoSize) chunkSize = videoSize;
  if (videoSize > r.maxChunkBytes && chunkSize * 2 > videoSize) chunkSize = Math.floor(videoSize / 2);
  const totalChunkCount = Math.floor(videoSize / chunkSize);
  // Floor division leaves the last chunk under 2 × chunk_size, so it never passes 128 MB; and 4 GB in 5 MB
  // chunks is 858 chunks, so the 1000-chunk ceiling cannot be reached.
  return { videoSize, chunkSize, totalChunkCount };
}

/** The chunk at `index` (0-based); the last one runs to the end of the file. */
export function tiktokChunkAt(plan: TiktokChunkPlan, index: number): TiktokChunk {
  const first = index * plan.chunkSize;
  const last = index === plan.totalChunkCount - 1 ? plan.videoSize - 1 : first + plan.chunkSize - 1;
  return { index, first, last };
}

/**
 * The chunk that starts at byte `offset` (where TikTok says the upload stands), or null when `offset` is not a
 * chunk boundary of this plan or lies past the last chunk.
 */
export function tiktokChunkStartingAt(plan: TiktokChunkPlan, offset: number): TiktokChunk | null {
  if (!Number.isSafeInteger(offset) || offset < 0 || offset % plan.chunkSize !== 0) return null;
  const index = offset / plan.chunkSize;
  return index < plan.totalChunkCount ? tiktokChunkAt(plan, index) : null;
}

/** The `Content-Range` header of a chunk: `bytes first-last/total`. */
export function tiktokContentRange(plan: TiktokChunkPlan, chunk: TiktokChunk): string {
  return `bytes ${chunk.first}-${chunk.last}/${plan.videoSize}`;
}
