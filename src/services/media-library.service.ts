import type { MediaAsset } from '../domain/content-item.js';
import type { MediaInfo } from '../domain/content.js';
import { UserError, forbidden, notFound } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import { tagsFromText } from '../domain/visual-cues.js';
import { isoNow, type Clock } from '../ports/clock.js';
import type { MediaStore } from '../ports/media-store.js';
import type { MediaTools } from '../ports/media-tools.js';
import type { Page, PageRequest, Store } from '../ports/store.js';
import { requirePermission, type AuthContext } from './auth-context.js';

export interface MediaLibraryDeps {
  store: Pick<Store, 'mediaAssets'>;
  media: MediaStore;
  tools: Pick<MediaTools, 'probe'>;
  clock: Clock;
  /** MEDIA_UPLOAD_MAX_MB in bytes. */
  maxUploadBytes: number;
}

/** An uploaded file waiting in a temporary path (the HTTP layer wrote it there). */
export interface UploadInput {
  workspaceId: string;
  filename: string;
  tempPath: string;
  description: string;
}

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
const KNOWN_EXTENSION = /\.(png|jpe?g|webp|mp4|m4v|mov|webm|mp3|m4a|aac|wav|ogg|oga|opus|flac)$/i;
const MAX_FILENAME_LENGTH = 200;
const SUPPORTED =
  'PNG, JPEG or WebP pictures, MP4, MOV or WebM videos, and MP3, M4A, AAC, WAV, OGG or FLAC audio';

/**
 * The workspace's own pictures and clips (checked with ffprobe, tagged for matching against visual cues) and
 * audio files (background music).
 */
export class MediaLibraryService {
  constructor(private readonly deps: MediaLibraryDeps) {}

  /**
   * Checks an upload (size, then content by probing it), stores it under workspaces/<ws>/library/<id>.<ext>
   * and saves its asset. A refused upload is deleted and explained in plain words.
   */
  async ingest(input: UploadInput, ctx: AuthContext): Promise<MediaAsset> {
    const { media, tools, clock } = this.deps;
    const id = newId();
    // Moved into the store first, so that whatever happens next, the store can delete it.
    const incoming = `workspaces/${ctx.workspaceId}/library/incoming/${id}`;
    await media.put(incoming, input.tempPath);
    let finalKey: string | null = null;
    try {
      requirePermission(ctx, 'content.create');
      if (input.workspaceId !== ctx.workspaceId) throw forbidden();
      const sizeBytes = (await media.size(incoming)) ?? 0;
      this.assertSize(sizeBytes);
      const info = await probeOrRefuse(tools, media.pathOf(incoming), input.filename);
      const { kind, extension } = classifyUpload(info, input.filename);
      finalKey = `workspaces/${ctx.workspaceId}/library/${id}.${extension}`;
      await media.put(finalKey, media.pathOf(incoming));
      const asset: MediaAsset = {
        id,
        workspaceId: ctx.workspaceId,
        mediaKey: finalKey,
        kind,
        filename: displayName(input.filename),
        sizeBytes,
        width: info.video?.width ?? 0,
        height: info.video?.height ?? 0,
        durationMs: kind === 'image' ? null : info.durationMs,
        tags: tagsFromText(input.filename, input.description),
        createdAt: isoNow(clock),
      };
      await this.deps.store.mediaAssets.create(asset);
      return asset;
    } catch (error) {
      // Cleanup must not hide the reason the upload was refused.
      await media.delete(incoming).catch(() => undefined);
      if (finalKey) await media.delete(finalKey).catch(() => undefined);
      throw error;
    }
  }

  /** The workspace's library, newest first. */
  async list(ctx: AuthContext, page: PageRequest): Promise<Page<MediaAsset>> {
    requirePermission(ctx, 'content.view');
    return this.deps.store.mediaAssets.listByWorkspace(ctx.workspaceId, page);
  }

  /** Removes an asset and its file (videos already made with it keep their own render). */
  async delete(ctx: AuthContext, id: string): Promise<void> {
    requirePermission(ctx, 'content.create');
    const asset = await this.deps.store.mediaAssets.find(ctx.workspaceId, id);
    if (!asset) throw notFound('media_asset');
    await this.deps.store.mediaAssets.delete(ctx.workspaceId, id);
    await this.deps.media.delete(asset.mediaKey);
  }

  private assertSize(sizeBytes: number): void {
    const max = this.deps.maxUploadBytes;
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
  } catch {
    throw KNOWN_EXTENSION.test(filename)
      ? corrupt()
      : unsupported('It is not a picture, a video or a sound file');
  }
}

function corrupt(): UserError {
  return new UserError(
    'validation',
    'upload_corrupt',
    'This file could not be read; it may be damaged or incomplete. Try exporting it again.',
  );
}

function unsupported(why: string): UserError {
  return new UserError(
    'validation',
    'upload_unsupported',
    `This kind of file cannot be used (${why}). Upload ${SUPPORTED}.`,
  );
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0);
}

function displayName(filename: string): string {
  const base = filename.split(/[\\/]/).pop()?.trim() ?? '';
  return (base || 'upload').slice(0, MAX_FILENAME_LENGTH);
}
