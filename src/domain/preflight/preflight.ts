import type { Platform } from '../connection.js';
import type { MediaInfo, PreflightViolation } from '../content.js';
import { PLATFORM_SPECS, type PlatformSpec } from './specs.js';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const megabytes = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;

/** The container's short name from ffprobe's format list ("mov,mp4,m4a,3gp,3g2,mj2" → mp4). */
function containerOf(format: string): string {
  const names = format.split(',');
  if (names.includes('mp4')) return 'mp4';
  if (names.includes('webm') || names.includes('matroska')) return 'webm';
  if (names.includes('mov')) return 'mov';
  return names[0] ?? format;
}

function check(spec: PlatformSpec, media: MediaInfo): { rule: string; message: string }[] {
  const problems: { rule: string; message: string }[] = [];
  const add = (rule: string, message: string) => problems.push({ rule, message });
  const container = containerOf(media.container);
  if (!spec.containers.includes(container))
    add('container', `The file is ${container}; ${spec.name} takes ${spec.containers.join(', ')}.`);
  if (media.durationMs < spec.minDurationMs)
    add(
      'duration',
      `The video is ${seconds(media.durationMs)} long; ${spec.name} needs at least ${seconds(spec.minDurationMs)}.`,
    );
  if (media.durationMs > spec.maxDurationMs)
    add(
      'duration',
      `The video is ${seconds(media.durationMs)} long; ${spec.name} takes at most ${seconds(spec.maxDurationMs)}.`,
    );
  if (media.sizeBytes > spec.maxBytes)
    add(
      'size',
      `The file is ${megabytes(media.sizeBytes)}; ${spec.name} takes at most ${megabytes(spec.maxBytes)}.`,
    );
  if (spec.requiresFaststart && !media.faststart)
    add(
      'faststart',
      `${spec.name} needs the index (moov) at the start of the file; re-render with +faststart.`,
    );
  const video = media.video;
  if (!video) {
    add('video', `The file has no video stream; ${spec.name} needs one.`);
    return problems;
  }
  if (!spec.videoCodecs.includes(video.codec))
    add(
      'video_codec',
      `The video is encoded as ${video.codec}; ${spec.name} takes ${spec.videoCodecs.join(', ')}.`,
    );
  if (video.fps < spec.minFps || video.fps > spec.maxFps)
    add(
      'fps',
      `The video runs at ${video.fps.toFixed(2)} fps; ${spec.name} takes ${spec.minFps}–${spec.maxFps} fps.`,
    );
  const small = Math.min(video.width, video.height);
  const large = Math.max(video.width, video.height);
  if (small < spec.minSide || large > spec.maxSide)
    add(
      'dimensions',
      `The video is ${video.width}×${video.height}; ${spec.name} takes ${spec.minSide}–${spec.maxSide} px per side.`,
    );
  if (spec.maxWidth !== null && video.width > spec.maxWidth)
    add('dimensions', `The video is ${video.width} px wide; ${spec.name} takes at most ${spec.maxWidth}.`);
  if (spec.requiresVertical && Math.abs(video.width / video.height - 9 / 16) > 0.02)
    add(
      'aspect',
      `The video is ${video.width}×${video.height}; ${spec.name} short videos are vertical 9:16 (e.g. 1080×1920).`,
    );
  if (media.audio && !spec.audioCodecs.includes(media.audio.codec))
    add(
      'audio_codec',
      `The audio is ${media.audio.codec}; ${spec.name} takes ${spec.audioCodecs.join(', ')}.`,
    );
  if (media.audio && spec.maxAudioSampleRate !== null && media.audio.sampleRate > spec.maxAudioSampleRate) {
    add(
      'audio_rate',
      `The audio is sampled at ${media.audio.sampleRate} Hz; ${spec.name} takes at most ${spec.maxAudioSampleRate} Hz.`,
    );
  }
  return problems;
}

/** Every rule the file breaks for each selected platform, in plain words; empty when it may go to review. */
export function preflight(media: MediaInfo, platforms: readonly Platform[]): PreflightViolation[] {
  return platforms.flatMap((platform) =>
    check(PLATFORM_SPECS[platform], media).map((p) => ({ platform, ...p })),
  );
}
