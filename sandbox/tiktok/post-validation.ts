import { PRIVACY_LEVELS, type PrivacyLevel } from './accounts.js';
import { isRecord } from './envelope.js';

/** Media transfer rules (§1.3): chunk sizes in decimal MB, the last chunk takes the remainder. */
export const CHUNK_RULES = {
  minChunk: 5_000_000,
  maxChunk: 64_000_000,
  maxLastChunk: 128_000_000,
  maxChunks: 1000,
  maxVideoBytes: 4 * 1024 ** 3,
  maxTitleUtf16: 2200,
} as const;

export type Invalid = { ok: false; status: number; code: string; message: string };
export type Checked<T> = { ok: true; value: T } | Invalid;

const invalid = (message: string, code = 'invalid_param', status = 400): Invalid => ({
  ok: false,
  status,
  code,
  message,
});

export type SourceInfo =
  | { source: 'FILE_UPLOAD'; videoSize: number; chunkSize: number; totalChunks: number }
  | { source: 'PULL_FROM_URL'; videoUrl: string };

export interface PostInfo {
  title: string;
  /** Any string: a value outside privacy_level_options is a 403, checked against the creator. */
  privacyLevel: string;
  brandContent: boolean;
  isAigc: boolean;
}

function positiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

/** The chunk math of a FILE_UPLOAD: count = floor(size / chunk), 1..1000, chunks 5–64 MB (§1.3). */
export function checkChunkPlan(videoSize: number, chunkSize: number, totalChunks: number): Invalid | null {
  const r = CHUNK_RULES;
  if (videoSize > r.maxVideoBytes) return invalid('video_size exceeds 4 GB', 'invalid_file_upload');
  if (videoSize < r.minChunk) {
    if (chunkSize !== videoSize || totalChunks !== 1)
      return invalid('A video under 5 MB is uploaded whole: chunk_size = video_size, total_chunk_count = 1');
    return null;
  }
  if (chunkSize < r.minChunk || chunkSize > r.maxChunk)
    return invalid('chunk_size must be between 5 MB and 64 MB (the last chunk may be up to 128 MB)');
  if (chunkSize > videoSize) return invalid('chunk_size must not exceed video_size');
  const expected = Math.floor(videoSize / chunkSize);
  if (totalChunks !== expected)
    return invalid(`total_chunk_count must be floor(video_size / chunk_size) = ${expected}`);
  if (expected > r.maxChunks) return invalid('total_chunk_count must be at most 1000');
  if (videoSize - (expected - 1) * chunkSize > r.maxLastChunk)
    return invalid('The last chunk must not exceed 128 MB');
  return null;
}

/** Validates `source_info` (FILE_UPLOAD chunk math, or a PULL_FROM_URL https URL). */
export function checkSourceInfo(raw: unknown): Checked<SourceInfo> {
  if (!isRecord(raw)) return invalid('source_info is required');
  if (raw.source === 'FILE_UPLOAD') {
    const { video_size: videoSize, chunk_size: chunkSize, total_chunk_count: totalChunks } = raw;
    if (!positiveInteger(videoSize)) return invalid('video_size must be a positive integer');
    if (!positiveInteger(chunkSize)) return invalid('chunk_size must be a positive integer');
    if (!positiveInteger(totalChunks)) return invalid('total_chunk_count must be a positive integer');
    const plan = checkChunkPlan(videoSize, chunkSize, totalChunks);
    return plan ?? { ok: true, value: { source: 'FILE_UPLOAD', videoSize, chunkSize, totalChunks } };
  }
  if (raw.source === 'PULL_FROM_URL') {
    if (typeof raw.video_url !== 'string' || !URL.canParse(raw.video_url))
      return invalid('video_url must be a valid URL');
    return { ok: true, value: { source: 'PULL_FROM_URL', videoUrl: raw.video_url } };
  }
  return invalid('source must be FILE_UPLOAD or PULL_FROM_URL');
}

const BOOLEAN_FIELDS = [
  'disable_duet',
  'disable_comment',
  'disable_stitch',
  'brand_content_toggle',
  'brand_organic_toggle',
  'is_aigc',
] as const;

/** Validates `post_info` of a Direct Post; the privacy value itself is checked against creator_info. */
export function checkPostInfo(raw: unknown): Checked<PostInfo> {
  if (!isRecord(raw)) return invalid('post_info is required');
  const { title = '', privacy_level: privacyLevel, video_cover_timestamp_ms: coverMs } = raw;
  if (typeof privacyLevel !== 'string' || privacyLevel === '') return invalid('privacy_level is required');
  if (typeof title !== 'string') return invalid('title must be a string');
  if (title.length > CHUNK_RULES.maxTitleUtf16) return invalid('title exceeds 2200 UTF-16 code units');
  const wrongFlag = BOOLEAN_FIELDS.find((f) => raw[f] !== undefined && typeof raw[f] !== 'boolean');
  if (wrongFlag) return invalid(`${wrongFlag} must be a boolean`);
  if (
    coverMs !== undefined &&
    !(typeof coverMs === 'number' && Number.isSafeInteger(coverMs) && coverMs >= 0)
  )
    return invalid('video_cover_timestamp_ms must be a non-negative integer');
  const brandContent = raw.brand_content_toggle === true;
  // A UX rule (§1.5) the sandbox enforces: branded content cannot be private.
  if (brandContent && privacyLevel === 'SELF_ONLY')
    return invalid('Branded content (brand_content_toggle) cannot be SELF_ONLY');
  return { ok: true, value: { title, privacyLevel, brandContent, isAigc: raw.is_aigc === true } };
}

/** A privacy value TikTok knows (`public` is not one of them, §5 gotcha 8). */
export function isPrivacyLevel(value: string): value is PrivacyLevel {
  return (PRIVACY_LEVELS as readonly string[]).includes(value);
}

/** Whether a pull URL is https and under a verified domain or URL prefix (§1.3 "URL properties"). */
export function isVerifiedPullUrl(videoUrl: string, verified: string[]): boolean {
  const url = new URL(videoUrl);
  if (url.protocol !== 'https:') return false;
  return verified.some((entry) =>
    entry.includes('://')
      ? videoUrl.startsWith(entry)
      : url.hostname === entry.toLowerCase() || url.hostname.endsWith(`.${entry.toLowerCase()}`),
  );
}
