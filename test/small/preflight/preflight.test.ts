import { describe, expect, it } from 'vitest';
import type { Platform } from '../../../src/domain/connection.js';
import type { MediaInfo } from '../../../src/domain/content.js';
import { PLATFORM_SPECS, preflight } from '../../../src/domain/preflight/index.js';

const GOOD: MediaInfo = {
  container: 'mp4',
  durationMs: 30_000,
  sizeBytes: 10_000_000,
  video: { codec: 'h264', profile: 'High', width: 1080, height: 1920, fps: 30, pixelFormat: 'yuv420p' },
  audio: { codec: 'aac', sampleRate: 48_000, channels: 2 },
  faststart: true,
};
const ALL: Platform[] = ['tiktok', 'instagram', 'youtube'];

function withVideo(video: Partial<NonNullable<MediaInfo['video']>>): MediaInfo {
  return { ...GOOD, video: { ...(GOOD.video as NonNullable<MediaInfo['video']>), ...video } };
}

describe('preflight', () => {
  it('passes what the renderer makes, on every platform', () => {
    expect(preflight(GOOD, ALL)).toEqual([]);
  });

  it('checks only the platforms asked for', () => {
    expect(preflight({ ...GOOD, faststart: false }, ['tiktok', 'youtube'])).toEqual([]);
  });

  it.each<[string, MediaInfo, Platform, string, string]>([
    [
      'too short',
      { ...GOOD, durationMs: 2100 },
      'instagram',
      'duration',
      'The video is 2.1 s long; Instagram Reels need at least 3 s.',
    ],
    [
      'too short',
      { ...GOOD, durationMs: 2100 },
      'tiktok',
      'duration',
      'The video is 2.1 s long; TikTok needs at least 3 s.',
    ],
    [
      'too long',
      { ...GOOD, durationMs: 11 * 60_000 },
      'tiktok',
      'duration',
      'The video is 11 min long; TikTok takes at most 10 min.',
    ],
    [
      'too long',
      { ...GOOD, durationMs: 16 * 60_000 },
      'instagram',
      'duration',
      'The video is 16 min long; Instagram Reels take at most 15 min.',
    ],
    [
      'too big',
      { ...GOOD, sizeBytes: 310_000_000 },
      'instagram',
      'file_size',
      'The file is 310 MB; Instagram Reels take at most 300 MB.',
    ],
    [
      'too big',
      { ...GOOD, sizeBytes: 4_200_000_000 },
      'tiktok',
      'file_size',
      'The file is 4.2 GB; TikTok takes at most 4 GB.',
    ],
    [
      'too big',
      { ...GOOD, sizeBytes: 300e9, durationMs: 3_600_000 },
      'youtube',
      'file_size',
      'The file is 300 GB; YouTube takes at most 256 GB.',
    ],
    [
      'too dense',
      { ...GOOD, sizeBytes: 120_000_000 },
      'instagram',
      'bitrate',
      'The file averages 32 Mbit/s; Instagram Reels take at most 25 Mbit/s.',
    ],
    [
      'moov last',
      { ...GOOD, faststart: false },
      'instagram',
      'faststart',
      "The file's index (the MP4 'moov' box) comes after the video data; Instagram Reels need it first (render again with +faststart).",
    ],
    [
      'Matroska',
      { ...GOOD, container: 'matroska' },
      'tiktok',
      'container',
      'The file is matroska; TikTok takes mp4, mov or webm.',
    ],
    [
      'WebM',
      { ...GOOD, container: 'webm' },
      'instagram',
      'container',
      'The file is webm; Instagram Reels take mp4 or mov.',
    ],
    [
      'AV1',
      withVideo({ codec: 'av1' }),
      'instagram',
      'video_codec',
      'The video is av1; Instagram Reels take h264 or hevc.',
    ],
    [
      '4:4:4',
      withVideo({ pixelFormat: 'yuv444p' }),
      'instagram',
      'pixel_format',
      "The video's pixels are yuv444p; Instagram Reels need 4:2:0 (yuv420p).",
    ],
    [
      '20 fps',
      withVideo({ fps: 20 }),
      'tiktok',
      'frame_rate',
      'The video runs at 20 fps; TikTok takes 23–60 fps.',
    ],
    [
      '120 fps',
      withVideo({ fps: 120 }),
      'instagram',
      'frame_rate',
      'The video runs at 120 fps; Instagram Reels take 23–60 fps.',
    ],
    [
      'tiny',
      withVideo({ width: 180, height: 320 }),
      'tiktok',
      'dimensions',
      'The video is 180×320; TikTok takes 360–4096 px per side.',
    ],
    [
      'small',
      withVideo({ width: 360, height: 640 }),
      'instagram',
      'dimensions',
      'The video is 360×640; Instagram Reels need at least 540×960.',
    ],
    [
      'wide',
      withVideo({ width: 2160, height: 3840 }),
      'instagram',
      'dimensions',
      'The video is 2160 px wide; Instagram Reels take at most 1920 px.',
    ],
    [
      'landscape',
      withVideo({ width: 1920, height: 1080 }),
      'tiktok',
      'aspect_ratio',
      'The video is 1920×1080; TikTok needs a vertical 9:16 frame such as 1080×1920.',
    ],
    [
      'square',
      withVideo({ width: 1080, height: 1080 }),
      'instagram',
      'aspect_ratio',
      'The video is 1080×1080; Instagram Reels need a vertical 9:16 frame such as 1080×1920.',
    ],
    [
      'MP3 sound',
      { ...GOOD, audio: { codec: 'mp3', sampleRate: 44_100, channels: 2 } },
      'instagram',
      'audio_codec',
      'The sound is mp3; Instagram Reels take aac.',
    ],
    [
      '96 kHz',
      { ...GOOD, audio: { codec: 'aac', sampleRate: 96_000, channels: 2 } },
      'instagram',
      'audio_sample_rate',
      'The sound is sampled at 96 kHz; Instagram Reels take at most 48 kHz.',
    ],
    [
      'no video',
      { ...GOOD, video: null },
      'youtube',
      'video_stream',
      'The file has no video; YouTube needs a video stream.',
    ],
  ])('reports a %s file on %s', (_name, media, platform, rule, message) => {
    const violations = preflight(media, [platform]);
    expect(violations).toContainEqual({ platform, rule, message });
  });

  it('warns (without blocking) that YouTube will not make a Short of a long or landscape video', () => {
    const long = preflight({ ...GOOD, durationMs: 200_000 }, ['youtube']);
    expect(long).toEqual([
      {
        platform: 'youtube',
        rule: 'shorts_duration',
        severity: 'warning',
        message:
          'The video is 3.3 min long; YouTube makes Shorts only of videos up to 3 min, so it will be a regular video.',
      },
    ]);
    const wide = preflight(withVideo({ width: 1920, height: 1080 }), ['youtube']);
    expect(wide.map((v) => [v.rule, v.severity])).toEqual([['shorts_aspect', 'warning']]);
  });

  it('accepts a frame within 1 % of 9:16 and phone sizes like 720×1280', () => {
    expect(preflight(withVideo({ width: 1080, height: 1918 }), ALL)).toEqual([]);
    expect(preflight(withVideo({ width: 720, height: 1280 }), ALL)).toEqual([]);
  });

  it('leaves audio alone when there is none (silent videos are fine)', () => {
    expect(preflight({ ...GOOD, audio: null }, ALL)).toEqual([]);
  });

  it('lists every broken rule, per platform', () => {
    const bad: MediaInfo = {
      ...withVideo({ fps: 20, width: 1920, height: 1080 }),
      durationMs: 2000,
      sizeBytes: 1_000_000,
      faststart: false,
    };
    const rules = preflight(bad, ALL).map((v) => `${v.platform}:${v.rule}`);
    expect(rules).toEqual([
      'tiktok:duration',
      'tiktok:frame_rate',
      'tiktok:aspect_ratio',
      'instagram:duration',
      'instagram:faststart',
      'instagram:frame_rate',
      'instagram:aspect_ratio',
      'youtube:shorts_aspect',
    ]);
  });

  it('holds the documented limits', () => {
    expect(PLATFORM_SPECS.tiktok.durationMs).toEqual({ min: 3000, max: 600_000 });
    expect(PLATFORM_SPECS.instagram.durationMs).toEqual({ min: 3000, max: 900_000 });
    expect(PLATFORM_SPECS.youtube.shorts).toEqual({ maxDurationMs: 180_000 });
    expect([
      PLATFORM_SPECS.tiktok.maxBytes,
      PLATFORM_SPECS.instagram.maxBytes,
      PLATFORM_SPECS.youtube.maxBytes,
    ]).toEqual([4e9, 3e8, 256e9]);
  });
});
