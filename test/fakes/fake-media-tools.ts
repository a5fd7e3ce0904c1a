import type { MediaInfo } from '../../src/domain/content.js';
import type { MediaTools } from '../../src/ports/media-tools.js';

/** MediaTools whose probe answers from a function of the path (throw in it to fake an unreadable file). */
export class FakeMediaTools implements MediaTools {
  readonly description = 'fake media tools';
  readonly features = { subtitles: true, drawtext: true, zoompan: true, loudnorm: true };
  readonly probed: string[] = [];

  constructor(private readonly probeOf: (file: string) => MediaInfo) {}

  async ffmpeg(): Promise<void> {
    throw new Error('FakeMediaTools does not run ffmpeg');
  }

  async probe(file: string): Promise<MediaInfo> {
    this.probed.push(file);
    return this.probeOf(file);
  }

  async meanVolumeDb(): Promise<number | null> {
    return null;
  }
}

/** What ffprobe reports for a still picture. */
export function imageInfo(codec: 'png' | 'mjpeg' | 'webp' | 'gif', width = 1080, height = 1920): MediaInfo {
  return {
    container: codec === 'mjpeg' ? 'jpeg_pipe' : `${codec}_pipe`,
    durationMs: 0,
    sizeBytes: 1000,
    video: { codec, profile: null, width, height, fps: 25, pixelFormat: 'rgb24' },
    audio: null,
    faststart: false,
  };
}

/** What ffprobe reports for a clip. */
export function videoInfo(
  container: string,
  codec: string,
  overrides: { durationMs?: number; width?: number; height?: number } = {},
): MediaInfo {
  return {
    container,
    durationMs: overrides.durationMs ?? 3000,
    sizeBytes: 100_000,
    video: {
      codec,
      profile: null,
      width: overrides.width ?? 1080,
      height: overrides.height ?? 1920,
      fps: 30,
      pixelFormat: 'yuv420p',
    },
    audio: { codec: 'aac', sampleRate: 48000, channels: 2 },
    faststart: true,
  };
}

/** What ffprobe reports for a sound file. */
export function audioInfo(container: string, codec: string, durationMs = 185_000): MediaInfo {
  return {
    container,
    durationMs,
    sizeBytes: 3_000_000,
    video: null,
    audio: { codec, sampleRate: 44_100, channels: 2 },
    faststart: false,
  };
}
