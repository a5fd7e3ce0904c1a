import { GraphFailure, graphErrors, type GraphError } from './errors.js';
import type { GraphParams } from './graph-params.js';

/** Caption limits of the content publishing docs: characters, #hashtags, @mentions. */
export const CAPTION_LIMITS = { chars: 2200, hashtags: 30, mentions: 20 } as const;

export interface ContainerInput {
  mediaType: 'REELS' | 'VIDEO';
  videoUrl: string;
  caption: string;
  shareToFeed: boolean;
  coverUrl: string | null;
  thumbOffsetMs: number | null;
}

const MEDIA_TYPES = ['CAROUSEL', 'IMAGE', 'REELS', 'STORIES', 'VIDEO'];

function captionError(userTitle: string, userMsg: string): GraphError {
  return {
    status: 400,
    code: 100,
    subcode: 2207010,
    message: 'Invalid parameter',
    isTransient: false,
    userTitle,
    userMsg,
  };
}

/** The 1/2207057 error of an out-of-range `thumb_offset` (HTTP 400, per the error-code reference). */
export function thumbOffsetError(durationMs: number | null): GraphError {
  return {
    status: 400,
    code: 1,
    subcode: 2207057,
    message: 'Invalid parameter',
    isTransient: false,
    userTitle: 'Invalid thumbnail offset',
    userMsg:
      'Thumbnail offset must be greater than or equal to 0 and less than video duration, i.e. ' +
      `${durationMs === null ? 'the video length' : `${durationMs} ms`}`,
  };
}

/** Counts UTF-16 units, the strictest reading of "2,200 characters". */
function checkCaption(caption: string): void {
  if (caption.length > CAPTION_LIMITS.chars) {
    throw new GraphFailure(
      captionError('Caption too long', 'The caption can have at most 2,200 characters.'),
    );
  }
  const hashtags = caption.match(/#[\p{L}\p{N}_]+/gu)?.length ?? 0;
  if (hashtags > CAPTION_LIMITS.hashtags) {
    throw new GraphFailure(captionError('Too many hashtags', 'The caption can have at most 30 hashtags.'));
  }
  const mentions = caption.match(/(?<![\p{L}\p{N}_])@[A-Za-z0-9._]+/gu)?.length ?? 0;
  if (mentions > CAPTION_LIMITS.mentions) {
    throw new GraphFailure(captionError('Too many mentions', 'The caption can have at most 20 @ tags.'));
  }
}

function parseBoolean(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined) return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new GraphFailure(graphErrors.invalidParam(`Param ${name} must be a boolean`));
}

function parseHttpUrl(name: string, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new GraphFailure(graphErrors.invalidParam(`Param ${name} must be a valid URL`));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new GraphFailure(graphErrors.invalidParam(`Param ${name} must be a valid URL`));
  }
  return url.toString();
}

/** Collaborators: a JSON array of at most 3 usernames, without the leading `@` (else 2207018). */
function checkCollaborators(raw: string | undefined): void {
  if (raw === undefined) return;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = null;
  }
  const valid =
    Array.isArray(parsed) &&
    parsed.length <= 3 &&
    parsed.every((u) => typeof u === 'string' && u.length > 0 && !u.startsWith('@'));
  if (!valid) {
    throw new GraphFailure(
      graphErrors.invalidParam('Collaborators must be a JSON array of up to 3 usernames without @', 2207018),
    );
  }
}

/** Validates a container-create call before anything is fetched; throws the real synchronous errors. */
export function parseContainerInput(params: GraphParams): ContainerInput {
  const rawType = params.get('media_type');
  if (rawType === undefined) {
    if (params.get('image_url') === undefined) throw new GraphFailure(graphErrors.missingParam('image_url'));
    throw new GraphFailure(
      graphErrors.invalidParam('The local sandbox reproduces video (REELS) publishing only'),
    );
  }
  if (!MEDIA_TYPES.includes(rawType)) {
    throw new GraphFailure(
      graphErrors.invalidParam(`Param media_type must be one of {${MEDIA_TYPES.join(', ')}}`),
    );
  }
  if (rawType !== 'REELS' && rawType !== 'VIDEO') {
    throw new GraphFailure(
      graphErrors.invalidParam(`The local sandbox does not reproduce media_type=${rawType}`),
    );
  }
  const rawUrl = params.get('video_url');
  if (!rawUrl) {
    const resumable = params.get('upload_type') === 'resumable';
    throw new GraphFailure(
      resumable
        ? graphErrors.invalidParam('Resumable uploads need Facebook Login; use video_url')
        : graphErrors.missingParam('video_url'),
    );
  }
  const caption = params.get('caption') ?? '';
  checkCaption(caption);
  checkCollaborators(params.get('collaborators'));
  const rawOffset = params.get('thumb_offset');
  let thumbOffsetMs: number | null = null;
  if (rawOffset !== undefined) {
    thumbOffsetMs = /^\d+$/.test(rawOffset) ? Number(rawOffset) : -1;
    if (thumbOffsetMs < 0) throw new GraphFailure(thumbOffsetError(null));
  }
  const rawCover = params.get('cover_url');
  return {
    mediaType: rawType,
    videoUrl: parseHttpUrl('video_url', rawUrl),
    caption,
    shareToFeed: parseBoolean('share_to_feed', params.get('share_to_feed'), true),
    coverUrl: rawCover === undefined ? null : parseHttpUrl('cover_url', rawCover),
    thumbOffsetMs,
  };
}
