import type { MediaAsset } from '../domain/content-item.js';
import type { MediaInfo } from '../domain/content.js';
import { UserError } from '../domain/errors.js';
import type { MediaStore } from '../ports/media-store.js';
import type { MediaTools } from '../ports/media-tools.js';

type AudioExtension = 'mp3' | 'm4a' | 'aac' | 'wav' | 'ogg' | 'flac';
export type UploadExtension = 'png' | 'jpg' | 'webp' | 'mp4' | 'mov' | 'webm' | AudioExtension;

const IMAGE_CODECS: Record<string, UploadExtension> = { png: 'png', mjpeg: 'jpg', webp: 'webp' };
const WEBM_CODECS = new Set(['vp8', 'vp9', 'av1']);
// The sound files taken as music: container (as probed) and codec, never the file's name.
const AUDIO_FORMATS: { formats: string[]; codec: RegExp; extension: AudioExtension }[] = [
  { formats: ['mp3'], codec: /^mp3$/, extension: 'mp3' },
  { formats: ['mp4', 'mov'], codec: /^aac$/, extension: 'm4a' },
  { formats: ['aac'], codec: /^aac$/, extension: 'aac' },
  { formats: ['wav'], codec: /^pcm_/, extension: 'wav' },
  { formats: ['ogg'], codec: /^(vorbis|opus)$/, extension: 'ogg' },
  { formats: ['flac'], codec: /^flac$/, extension: 'flac' },
];
// Past these, a file is a decompression bomb or a mistake, never a short vertical video's material.
export const MAX_SIDE_PX = 8192;
export const MAX_PIXELS = 40_000_000;
export const MAX_DURATION_MS = 10 * 60_000;
const KNOWN_EXTENSION = /\.(png|jpe?g|webp|mp4|m4v|mov|webm|mp3|m4a|aac|wav|ogg|oga|opus|flac)$/i;
const MAX_FILENAME_LENGTH = 200;
const SUPPORTED =
  'PNG, JPEG or WebP pictures, MP4, MOV or WebM videos, and MP3, M4A, AAC, WAV, OGG or FLAC audio';

/** A stored upload, read: what ffprobe found, what kind of file it is, and its size. */
export interface CheckedUpload {
  info: MediaInfo;
  kind: MediaAsset['kind'];
  extension: UploadExtension;
  sizeBytes: number;
}

/**
 * Checks an upload already moved into the media store at `key`: its size against the limit, then its content by
 * probing it (never by its name alone). Throws a plain-worded UserError for anything that cannot be used.
 */
export async function checkUpload(
  deps: { media: MediaStore; tools: Pick<MediaTools, 'probe'>; maxUploadBytes: number },
  key: string,
  filename: string,
): Promise<CheckedUpload> {
  const sizeBytes = (await deps.media.size(key)) ?? 0;
  assertSize(sizeBytes, deps.maxUploadBytes);
  const info = await probeOrRefuse(deps.tools, await deps.media.localPath(key), filename);
  assertSaneMedia(info);
  return { info, ...classifyUpload(info, filename), sizeBytes };
}

function assertSize(sizeBytes: number, max: number): void {
  if (sizeBytes > max) {
    throw new UserError(
      'validation',
      'upload_too_large',
      megabytes(sizeBytes) === megabytes(max)
        ? `This file is just over the ${megabytes(max)} MB upload limit.`
        : `This file is ${megabytes(sizeBytes)} MB; uploads can be at most ${megabytes(max)} MB.`,
    );
  }
  if (sizeBytes === 0) throw corrupt();
}

/** Refuses absurd dimensions (over 8,192 px a side or 40 megapixels) and durations (over 10 minutes). */
export function assertSaneMedia(info: MediaInfo): void {
  const video = info.video;
  if (
    video &&
    (video.width > MAX_SIDE_PX || video.height > MAX_SIDE_PX || video.width * video.height > MAX_PIXELS)
  ) {
    throw new UserError(
      'validation',
      'upload_too_many_pixels',
      `This picture is ${video.width}×${video.height} pixels; uploads can be at most ${MAX_SIDE_PX} pixels a side ` +
        `and ${MAX_PIXELS / 1_000_000} megapixels. Export it smaller.`,
    );
  }
  if (info.durationMs > MAX_DURATION_MS) {
    throw new UserError(
      'validation',
      'upload_too_long',
      `This file lasts ${Math.round(info.durationMs / 60_000)} minutes; uploads can last at most ` +
        `${MAX_DURATION_MS / 60_000} minutes. Trim it first.`,
    );
  }
}

/** What an upload is, from its probed content (never from its name alone); throws a plain-worded UserError. */
export function classifyUpload(
  info: MediaInfo,
  filename: string,
): { kind: MediaAsset['kind']; extension: UploadExtension } {
  const video = info.video;
  const formats = info.container.toLowerCase().split(',');
  // The probe leaves out a music file's album cover, so an MP3 with art has sound and no picture.
  if (!video) {
    if (info.audio) return classifyAudio(info, info.audio.codec, formats);
    throw unsupported('It has no picture or sound in it');
  }
  if (video.width <= 0 || video.height <= 0) throw corrupt();
  if (formats.includes('mp4') || formats.includes('mov')) {
    if (info.durationMs <= 0) throw corrupt();
    return { kind: 'video', extension: /\.mov$/i.test(filename) ? 'mov' : 'mp4' };
  }
  if (formats.includes('webm')) {
    if (!WEBM_CODECS.has(video.codec))
      throw unsupported(`Its video is ${video.codec}, which WebM does not carry`);
    if (info.durationMs <= 0) throw corrupt();
    return { kind: 'video', extension: 'webm' };
  }
  const imageExtension = IMAGE_CODECS[video.codec];
  const imageContainer = formats.some((f) => f === 'image2' || f.endsWith('_pipe') || f === 'webp');
  if (imageExtension && imageContainer) return { kind: 'image', extension: imageExtension };
  throw unsupported(`It is ${video.codec} in ${info.container}`);
}

function classifyAudio(
  info: MediaInfo,
  codec: string,
  formats: string[],
): { kind: 'audio'; extension: AudioExtension } {
  const format = AUDIO_FORMATS.find(
    (f) => f.codec.test(codec) && f.formats.some((name) => formats.includes(name)),
  );
  if (!format) throw unsupported(`Its sound is ${codec} in ${info.container}`);
  if (info.durationMs <= 0) throw corrupt();
  return { kind: 'audio', extension: format.extension };
}

/** ffprobe's reading of the file; an unreadable file is "corrupt" when its name says it is a kind we take. */
async function probeOrRefuse(
  tools: Pick<MediaTools, 'probe'>,
  path: string,
  filename: string,
): Promise<MediaInfo> {
  try {
    return await tools.probe(path);
  } catch (error) {
    // A streaming playlist or list of other files, whatever its name: never "damaged", simply not taken.
    if (error instanceof UserError && error.code === 'media_format_refused')
      throw unsupported('It is not a picture, a video or a sound file we can take');
    throw KNOWN_EXTENSION.test(filename)
      ? corrupt()
      : unsupported('It is not a picture, a video or a sound file');
  }
}

export function corrupt(): UserError {
  return new UserError(
    'validation',
    'upload_corrupt',
    'This file could not be read; it may be damaged or incomplete. Try exporting it again.',
  );
}

export function unsupported(why: string): UserError {
  return new UserError(
    'validation',
    'upload_unsupported',
    `This kind of file cannot be used (${why}). Upload ${SUPPORTED}.`,
  );
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0);
}

/** The file's own name without folders, as people know it. */
export function displayName(filename: string): string {
  const base = filename.split(/[\\/]/).pop()?.trim() ?? '';
  return (base || 'upload').slice(0, MAX_FILENAME_LENGTH);
}
