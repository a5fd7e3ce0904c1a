import { createReadStream } from 'node:fs';
import { TransientError } from '../../../domain/errors.js';
import { TIKTOK_PRIVACY_LEVELS, type TiktokPrivacyLevel } from '../../../domain/publishing/publication.js';
import { platformFetch, platformUrl, type PlatformResponse } from '../http.js';
import { tiktokContentRange, type TiktokChunk, type TiktokChunkPlan } from './tiktok-chunks.js';
import { isRecord } from './tiktok-envelope.js';
import { parseTiktokJson } from './tiktok-json.js';
import { parseTikTokProfile, TIKTOK_PROFILE_FIELDS } from './tiktok-profile.js';

/** A §1.2 envelope read without losing int64 precision: the data, or TikTok's error with what dates a retry. */
export type TiktokAnswer =
  | { ok: true; data: Record<string, unknown> }
  | { ok: false; code: string; detail: string | null; httpStatus: number; retryAfter: string | null };

/** creator_info (§1.3), parsed. */
export interface TiktokCreatorInfo {
  nickname: string;
  username: string;
  avatarUrl: string | null;
  privacyLevelOptions: TiktokPrivacyLevel[];
  commentDisabled: boolean;
  duetDisabled: boolean;
  stitchDisabled: boolean;
  maxVideoPostDurationSec: number;
}

/** status/fetch (§1.3), parsed; post ids stay strings (they pass 2^53). */
export interface TiktokPublishStatus {
  status: string;
  failReason: string | null;
  postIds: string[];
  uploadedBytes: number | null;
}

/** Direct Post `post_info` (§1.3). */
export interface TiktokPostInfo {
  title: string;
  privacy_level: TiktokPrivacyLevel;
  disable_duet: boolean;
  disable_comment: boolean;
  disable_stitch: boolean;
  video_cover_timestamp_ms: number;
  brand_content_toggle: boolean;
  brand_organic_toggle: boolean;
  is_aigc: boolean;
}

/** The raw outcome of one chunk PUT: the upload host's status, or no answer at all. */
export type ChunkAnswer = { status: number } | { status: 'unreachable' };

export interface TiktokPublishApiOptions {
  apiBaseUrl: string;
  timeoutMs?: number;
  /** One chunk PUT may take long on a slow link (64 MB); 10 min by default. */
  chunkTimeoutMs?: number;
}

/** TikTok's Content Posting calls (§1.3), each answering TikTok's words; the publisher decides what they mean. */
export class TiktokPublishApi {
  constructor(private readonly options: TiktokPublishApiOptions) {}

  /** `POST /v2/post/publish/creator_info/query/`. */
  async creatorInfo(accessToken: string): Promise<TiktokAnswer> {
    return this.post('/v2/post/publish/creator_info/query/', accessToken, undefined);
  }

  /** Direct Post init (with `post_info`) or inbox init (draft), FILE_UPLOAD. Network failures throw TransientError. */
  async init(
    accessToken: string,
    postInfo: TiktokPostInfo | null,
    plan: TiktokChunkPlan,
  ): Promise<TiktokAnswer> {
    const sourceInfo = {
      source: 'FILE_UPLOAD',
      video_size: plan.videoSize,
      chunk_size: plan.chunkSize,
      total_chunk_count: plan.totalChunkCount,
    };
    return postInfo
      ? this.post('/v2/post/publish/video/init/', accessToken, {
          post_info: postInfo,
          source_info: sourceInfo,
        })
      : this.post('/v2/post/publish/inbox/video/init/', accessToken, { source_info: sourceInfo });
  }

  /** `POST /v2/post/publish/status/fetch/`. */
  async status(accessToken: string, publishId: string): Promise<TiktokAnswer> {
    return this.post('/v2/post/publish/status/fetch/', accessToken, { publish_id: publishId });
  }

  /** The account's display name and avatar (user.info.basic), for when creator_info refuses to say. */
  async profile(accessToken: string): Promise<{ nickname: string; avatarUrl: string | null }> {
    const url = platformUrl(this.options.apiBaseUrl, '/v2/user/info/', {
      fields: TIKTOK_PROFILE_FIELDS.join(','),
    });
    const response = await platformFetch(
      url,
      { method: 'GET', headers: { authorization: `Bearer ${accessToken}` } },
      { timeoutMs: this.options.timeoutMs },
    );
    const profile = parseTikTokProfile(response);
    return { nickname: profile.displayName, avatarUrl: profile.avatarUrl };
  }

  /**
   * One chunk PUT to the returned `upload_url`, streamed from disk (memory stays at the stream's buffer whatever the
   * chunk size). No Authorization header: the upload_token in the URL is the credential (§1).
   */
  async putChunk(
    uploadUrl: string,
    path: string,
    plan: TiktokChunkPlan,
    chunk: TiktokChunk,
  ): Promise<ChunkAnswer> {
    const body = createReadStream(path, { start: chunk.first, end: chunk.last });
    try {
      const response = await fetch(uploadUrl, {
        method: 'PUT',
        headers: {
          'content-type': 'video/mp4',
          'content-length': String(chunk.last - chunk.first + 1),
          'content-range': tiktokContentRange(plan, chunk),
        },
        body,
        duplex: 'half',
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.chunkTimeoutMs ?? 600_000),
      });
      await response.arrayBuffer();
      return { status: response.status };
    } catch {
      return { status: 'unreachable' };
    } finally {
      body.destroy();
    }
  }

  private async post(path: string, accessToken: string, body: unknown): Promise<TiktokAnswer> {
    const response = await platformFetch(
      platformUrl(this.options.apiBaseUrl, path),
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${accessToken}`,
          'content-type': 'application/json; charset=UTF-8',
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      },
      { timeoutMs: this.options.timeoutMs },
    );
    return readTiktokAnswer(response);
  }
}

/** Reads a §1.2 envelope: success only when `error.code` is "ok" (TikTok branches on the code, not the status). */
export function readTiktokAnswer(response: PlatformResponse): TiktokAnswer {
  const json = parseTiktokJson(response.text);
  const retryAfter = response.headers.get('retry-after');
  const error = isRecord(json) && isRecord(json.error) ? json.error : null;
  const code = error && typeof error.code === 'string' ? error.code : null;
  if (code === 'ok' && isRecord(json) && isRecord(json.data) && response.status < 400) {
    return { ok: true, data: json.data };
  }
  const fallback =
    response.status === 429
      ? 'rate_limit_exceeded'
      : response.status >= 500
        ? 'internal_error'
        : 'unexpected_answer';
  const logId = error && typeof error.log_id === 'string' && error.log_id ? `log id ${error.log_id}` : null;
  return {
    ok: false,
    code: code && code !== 'ok' ? code : fallback,
    detail: logId,
    httpStatus: response.status,
    retryAfter,
  };
}

/** creator_info's data, or null when a required field is missing. */
export function parseCreatorInfo(data: Record<string, unknown>): TiktokCreatorInfo | null {
  const options = Array.isArray(data.privacy_level_options) ? data.privacy_level_options : null;
  const maxSec = data.max_video_post_duration_sec;
  if (!options || typeof maxSec !== 'number') return null;
  const known = new Set<string>(TIKTOK_PRIVACY_LEVELS);
  return {
    nickname: text(data.creator_nickname),
    username: text(data.creator_username),
    avatarUrl: text(data.creator_avatar_url) || null,
    // Values this app does not know are left out: it could not describe them to the person.
    privacyLevelOptions: options.filter(
      (o): o is TiktokPrivacyLevel => typeof o === 'string' && known.has(o),
    ),
    commentDisabled: data.comment_disabled === true,
    duetDisabled: data.duet_disabled === true,
    stitchDisabled: data.stitch_disabled === true,
    maxVideoPostDurationSec: maxSec,
  };
}

/** status/fetch's data, or null without a status. */
export function parsePublishStatus(data: Record<string, unknown>): TiktokPublishStatus | null {
  if (typeof data.status !== 'string' || data.status === '') return null;
  const ids = Array.isArray(data.publicaly_available_post_id) ? data.publicaly_available_post_id : [];
  const uploaded = data.uploaded_bytes;
  return {
    status: data.status,
    failReason: text(data.fail_reason) || null,
    // Long ids arrive as strings (kept exact by parseTiktokJson); short ones as numbers.
    postIds: ids
      .filter((id): id is string | number => typeof id === 'string' || typeof id === 'number')
      .map((id) => String(id))
      .filter((id) => /^\d+$/.test(id)),
    uploadedBytes:
      typeof uploaded === 'number' && Number.isSafeInteger(uploaded) && uploaded >= 0 ? uploaded : null,
  };
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Whether an error thrown by a call means TikTok never answered (the call may or may not have taken effect). */
export function isUnanswered(error: unknown): boolean {
  return error instanceof TransientError && error.code === 'platform_unreachable';
}
