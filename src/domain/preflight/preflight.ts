import type { Platform } from '../connection.js';
import type { MediaInfo, PreflightViolation } from '../content.js';
import { PLATFORM_SPECS, type PlatformSpec } from './specs.js';

type Finding = Omit<PreflightViolation, 'platform'>;
type Video = NonNullable<MediaInfo['video']>;

const VERTICAL = 9 / 16;
const ASPECT_TOLERANCE = 0.01;

/** Every rule the file breaks on each platform, in plain words; empty when it may be published everywhere. */
export function preflight(media: MediaInfo, platforms: readonly Platform[]): PreflightViolation[] {
  return platforms.flatMap((platform) =>
    checkPlatform(media, PLATFORM_SPECS[platform]).map((finding) => ({ platform, ...finding })),
  );
}

function checkPlatform(media: MediaInfo, spec: PlatformSpec): Finding[] {
  const takes = spec.plural ? 'take' : 'takes';
  const needs = spec.plural ? 'need' : 'needs';
  const findings: Finding[] = [];
  const add = (rule: string, message: string): void => void findings.push({ rule, message });

  if (!spec.containers.includes(media.container)) {
    add('container', `The file is ${media.container}; ${spec.name} ${takes} ${list(spec.containers)}.`);
  }
  const { min, max } = spec.durationMs;
  if (media.durationMs < min) {
    add(
      'duration',
      `The video is ${duration(media.durationMs)} long; ${spec.name} ${needs} at least ${duration(min)}.`,
    );
  } else if (media.durationMs > max) {
    add(
      'duration',
      `The video is ${duration(media.durationMs)} long; ${spec.name} ${takes} at most ${duration(max)}.`,
    );
  }
  if (media.sizeBytes > spec.maxBytes) {
    add(
      'file_size',
      `The file is ${bytes(media.sizeBytes)}; ${spec.name} ${takes} at most ${bytes(spec.maxBytes)}.`,
    );
  }
  const bitrate = media.durationMs > 0 ? (media.sizeBytes * 8 * 1000) / media.durationMs : 0;
  if (spec.maxBitrate !== null && bitrate > spec.maxBitrate) {
    add(
      'bitrate',
      `The file averages ${mbits(bitrate)}; ${spec.name} ${takes} at most ${mbits(spec.maxBitrate)}.`,
    );
  }
  if (spec.faststart && !media.faststart) {
    add(
      'faststart',
      `The file's index (the MP4 'moov' box) comes after the video data; ${spec.name} ${needs} it first ` +
        '(render again with +faststart).',
    );
  }
  if (media.video === null) {
    add('video_stream', `The file has no video; ${spec.name} ${needs} a video stream.`);
  } else {
    findings.push(...checkVideo(media.video, spec, takes, needs));
  }
  findings.push(...checkAudio(media.audio, spec, takes));
  findings.push(...shortsWarnings(media, spec));
  return findings;
}

function checkVideo(video: Video, spec: PlatformSpec, takes: string, needs: string): Finding[] {
  const findings: Finding[] = [];
  const add = (rule: string, message: string): void => void findings.push({ rule, message });
  const size = `${video.width}×${video.height}`;
  if (!spec.videoCodecs.includes(video.codec)) {
    add('video_codec', `The video is ${video.codec}; ${spec.name} ${takes} ${list(spec.videoCodecs)}.`);
  }
  if (spec.pixelFormats !== null && !spec.pixelFormats.includes(video.pixelFormat)) {
    add(
      'pixel_format',
      `The video's pixels are ${video.pixelFormat}; ${spec.name} ${needs} 4:2:0 (yuv420p).`,
    );
  }
  if (spec.fps !== null && (video.fps < spec.fps.min || video.fps > spec.fps.max)) {
    add(
      'frame_rate',
      `The video runs at ${round(video.fps)} fps; ${spec.name} ${takes} ${spec.fps.min}–${spec.fps.max} fps.`,
    );
  }
  const side = spec.side;
  if (side !== null && [video.width, video.height].some((s) => s < side.min || s > side.max)) {
    add('dimensions', `The video is ${size}; ${spec.name} ${takes} ${side.min}–${side.max} px per side.`);
  }
  if (spec.minFrame !== null && (video.width < spec.minFrame.width || video.height < spec.minFrame.height)) {
    const least = `${spec.minFrame.width}×${spec.minFrame.height}`;
    add('dimensions', `The video is ${size}; ${spec.name} ${needs} at least ${least}.`);
  }
  if (spec.maxWidth !== null && video.width > spec.maxWidth) {
    add(
      'dimensions',
      `The video is ${video.width} px wide; ${spec.name} ${takes} at most ${spec.maxWidth} px.`,
    );
  }
  if (spec.vertical && !isVertical(video)) {
    add(
      'aspect_ratio',
      `The video is ${size}; ${spec.name} ${needs} a vertical 9:16 frame such as 1080×1920.`,
    );
  }
  return findings;
}

function checkAudio(audio: MediaInfo['audio'], spec: PlatformSpec, takes: string): Finding[] {
  if (audio === null) return [];
  const findings: Finding[] = [];
  if (spec.audioCodecs !== null && !spec.audioCodecs.includes(audio.codec)) {
    findings.push({
      rule: 'audio_codec',
      message: `The sound is ${audio.codec}; ${spec.name} ${takes} ${list(spec.audioCodecs)}.`,
    });
  }
  if (spec.maxAudioSampleRate !== null && audio.sampleRate > spec.maxAudioSampleRate) {
    findings.push({
      rule: 'audio_sample_rate',
      message:
        `The sound is sampled at ${khz(audio.sampleRate)}; ${spec.name} ${takes} at most ` +
        `${khz(spec.maxAudioSampleRate)}.`,
    });
  }
  return findings;
}

// YouTube takes these files, but not as Shorts: worth knowing, not worth blocking.
function shortsWarnings(media: MediaInfo, spec: PlatformSpec): Finding[] {
  if (spec.shorts === null) return [];
  const findings: Finding[] = [];
  if (media.durationMs > spec.shorts.maxDurationMs) {
    findings.push({
      rule: 'shorts_duration',
      severity: 'warning',
      message:
        `The video is ${duration(media.durationMs)} long; YouTube makes Shorts only of videos up to ` +
        `${duration(spec.shorts.maxDurationMs)}, so it will be a regular video.`,
    });
  }
  if (media.video !== null && media.video.width > media.video.height) {
    findings.push({
      rule: 'shorts_aspect',
      severity: 'warning',
      message:
        `The video is ${media.video.width}×${media.video.height} (landscape); YouTube makes Shorts only of ` +
        'square or vertical videos, so it will be a regular video.',
    });
  }
  return findings;
}

function isVertical(video: Video): boolean {
  return video.height > 0 && Math.abs(video.width / video.height - VERTICAL) / VERTICAL <= ASPECT_TOLERANCE;
}

/** "2.1 s", "3 s", "10 min", "12 h". */
function duration(ms: number): string {
  if (ms < 120_000) return `${round(ms / 1000)} s`;
  if (ms < 2 * 3_600_000) return `${round(ms / 60_000)} min`;
  return `${round(ms / 3_600_000)} h`;
}

function bytes(n: number): string {
  return n >= 1e9 ? `${round(n / 1e9)} GB` : `${round(n / 1e6)} MB`;
}

function mbits(bitsPerSecond: number): string {
  return `${round(bitsPerSecond / 1e6)} Mbit/s`;
}

function khz(hz: number): string {
  return `${round(hz / 1000)} kHz`;
}

// One decimal at most, none when it is zero: 2.1, 3.
function round(n: number): string {
  return String(Math.round(n * 10) / 10);
}

function list(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
