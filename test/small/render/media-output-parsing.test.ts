import { describe, expect, it } from 'vitest';
import { parseFeatures } from '../../../src/adapters/media/index.js';
import { ffmpegFailure, stderrTail } from '../../../src/adapters/media/ffmpeg-errors.js';
import { isFaststart } from '../../../src/adapters/media/mp4-boxes.js';
import { parseFfmpegInfo, parseFfprobeJson } from '../../../src/adapters/media/probe-parse.js';
import { BugError, TransientError, UserError } from '../../../src/domain/errors.js';

// Real `ffmpeg -i` summaries: Debian's 5.1 and the npm package's 4.1 (which indents streams and adds tbc).
const FFMPEG_51_MP4 = `Input #0, mov,mp4,m4a,3gp,3g2,mj2, from '/tmp/out.mp4':
  Metadata:
    major_brand     : isom
  Duration: 00:00:30.00, start: 0.000000, bitrate: 2280 kb/s
  Stream #0:0[0x1](und): Video: h264 (High) (avc1 / 0x31637661), yuv420p(progressive), 1080x1920 [SAR 1:1 DAR 9:16], 2142 kb/s, 30 fps, 30 tbr, 15360 tbn (default)
  Stream #0:1[0x2](und): Audio: aac (LC) (mp4a / 0x6134706D), 48000 Hz, stereo, fltp, 127 kb/s (default)
At least one output file must be specified`;

const FFMPEG_41_ROTATED = `Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'phone.mov':
  Duration: 00:00:01.50, start: 0.000000, bitrate: 6212 kb/s
    Stream #0:0(und): Video: h264 (Constrained Baseline) (avc1 / 0x31637661), yuvj420p(pc, bt709), 1920x1080 [SAR 1:1 DAR 16:9], 6120 kb/s, 29.97 fps, 29.97 tbr, 90k tbn, 59.94 tbc (default)
    Metadata:
      rotate          : 90
      handler_name    : VideoHandler
    Side data:
      displaymatrix: rotation of -90.00 degrees
    Stream #0:1(und): Audio: aac (LC) (mp4a / 0x6134706D), 44100 Hz, mono, fltp, 70 kb/s (default)
At least one output file must be specified`;

const FFMPEG_JPEG = `Input #0, image2, from 'photo.jpg':
  Duration: 00:00:00.04, start: 0.000000, bitrate: 41734 kb/s
  Stream #0:0: Video: mjpeg (Baseline), yuvj444p(pc, bt470bg/unknown/unknown), 1600x1200 [SAR 1:1 DAR 4:3], 25 fps, 25 tbr, 25 tbn`;

const FFMPEG_MP3_WITH_COVER = `Input #0, mp3, from 'song.mp3':
  Duration: 00:03:05.12, start: 0.025057, bitrate: 320 kb/s
  Stream #0:0: Audio: mp3, 44100 Hz, stereo, fltp, 320 kb/s
  Stream #0:1: Video: mjpeg (Baseline), yuvj420p(pc, bt470bg/unknown/unknown), 500x500 [SAR 1:1 DAR 1:1], 90k tbr, 90k tbn (attached pic)`;

// 4.1 prints no "(attached pic)": an album cover shows as a picture with no frame rate, beside the sound.
const FFMPEG_41_M4A_WITH_COVER = `Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'song.m4a':
  Metadata:
    major_brand     : M4A
  Duration: 00:00:01.50, start: 0.000000, bitrate: 78 kb/s
    Stream #0:0(und): Audio: aac (LC) (mp4a / 0x6134706D), 44100 Hz, mono, fltp, 70 kb/s (default)
    Metadata:
      handler_name    : SoundHandler
    Stream #0:1: Video: mjpeg (Baseline), yuvj420p(pc, bt470bg/unknown/unknown), 64x64 [SAR 1:1 DAR 1:1], 90k tbr, 90k tbn, 90k tbc
At least one output file must be specified`;

// A motion-JPEG clip with sound (old cameras): a video with its own frame rate, not a cover.
const FFMPEG_41_MJPEG_CLIP = `Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'cam.mov':
  Duration: 00:00:01.00, start: 0.000000, bitrate: 915 kb/s
    Stream #0:0: Video: mjpeg (Baseline) (jpeg / 0x6765706A), yuvj420p(pc, bt470bg/unknown/unknown, progressive), 64x64 [SAR 1:1 DAR 1:1], 205 kb/s, 10 fps, 10 tbr, 10240 tbn, 10240 tbc (default)
    Stream #0:1: Audio: pcm_s16le (sowt / 0x74776F73), 44100 Hz, mono, s16, 705 kb/s (default)`;

const FFMPEG_WAV = `Input #0, wav, from 'voice.wav':
  Duration: 00:00:30.00, bitrate: 384 kb/s
  Stream #0:0: Audio: pcm_s16le ([1][0][0][0] / 0x0001), 24000 Hz, mono, s16, 384 kb/s`;

describe('parseFfmpegInfo', () => {
  it.each([
    [
      '5.1 MP4',
      FFMPEG_51_MP4,
      {
        formatName: 'mov,mp4,m4a,3gp,3g2,mj2',
        durationMs: 30_000,
        video: { codec: 'h264', profile: 'High', width: 1080, height: 1920, fps: 30, pixelFormat: 'yuv420p' },
        audio: { codec: 'aac', sampleRate: 48_000, channels: 2 },
      },
    ],
    [
      '4.1 rotated phone video',
      FFMPEG_41_ROTATED,
      {
        formatName: 'mov,mp4,m4a,3gp,3g2,mj2',
        durationMs: 1500,
        video: {
          codec: 'h264',
          profile: 'Constrained Baseline',
          width: 1080,
          height: 1920,
          fps: 29.97,
          pixelFormat: 'yuvj420p',
        },
        audio: { codec: 'aac', sampleRate: 44_100, channels: 1 },
      },
    ],
    [
      'JPEG',
      FFMPEG_JPEG,
      {
        formatName: 'image2',
        durationMs: 40,
        video: {
          codec: 'mjpeg',
          profile: 'Baseline',
          width: 1600,
          height: 1200,
          fps: 25,
          pixelFormat: 'yuvj444p',
        },
        audio: null,
      },
    ],
    [
      'MP3 with cover art',
      FFMPEG_MP3_WITH_COVER,
      {
        formatName: 'mp3',
        durationMs: 185_120,
        video: null,
        audio: { codec: 'mp3', sampleRate: 44_100, channels: 2 },
      },
    ],
    [
      '4.1 M4A with cover art',
      FFMPEG_41_M4A_WITH_COVER,
      {
        formatName: 'mov,mp4,m4a,3gp,3g2,mj2',
        durationMs: 1500,
        video: null,
        audio: { codec: 'aac', sampleRate: 44_100, channels: 1 },
      },
    ],
    [
      '4.1 motion-JPEG clip with sound',
      FFMPEG_41_MJPEG_CLIP,
      {
        formatName: 'mov,mp4,m4a,3gp,3g2,mj2',
        durationMs: 1000,
        video: {
          codec: 'mjpeg',
          profile: 'Baseline',
          width: 64,
          height: 64,
          fps: 10,
          pixelFormat: 'yuvj420p',
        },
        audio: { codec: 'pcm_s16le', sampleRate: 44_100, channels: 1 },
      },
    ],
    [
      'WAV',
      FFMPEG_WAV,
      {
        formatName: 'wav',
        durationMs: 30_000,
        video: null,
        audio: { codec: 'pcm_s16le', sampleRate: 24_000, channels: 1 },
      },
    ],
  ])('reads a %s', (_name, text, expected) => {
    expect(parseFfmpegInfo(text)).toEqual(expected);
  });
});

describe('parseFfprobeJson', () => {
  it('reads format and the first real video and audio streams, turning rotated video upright', () => {
    const json = JSON.stringify({
      format: { format_name: 'mov,mp4,m4a,3gp,3g2,mj2', duration: '3.000000' },
      streams: [
        { codec_type: 'video', codec_name: 'mjpeg', width: 10, height: 10, disposition: { attached_pic: 1 } },
        {
          codec_type: 'video',
          codec_name: 'h264',
          profile: 'High',
          width: 1920,
          height: 1080,
          avg_frame_rate: '30000/1001',
          pix_fmt: 'yuv420p',
          side_data_list: [{ rotation: -90 }],
        },
        { codec_type: 'audio', codec_name: 'aac', sample_rate: '48000', channels: 2 },
      ],
    });
    expect(parseFfprobeJson(json)).toEqual({
      formatName: 'mov,mp4,m4a,3gp,3g2,mj2',
      durationMs: 3000,
      video: {
        codec: 'h264',
        profile: 'High',
        width: 1080,
        height: 1920,
        fps: 29.97,
        pixelFormat: 'yuv420p',
      },
      audio: { codec: 'aac', sampleRate: 48_000, channels: 2 },
    });
  });

  it('uses r_frame_rate when avg_frame_rate is 0/0, and tolerates a bare format', () => {
    const json = JSON.stringify({
      format: {},
      streams: [{ codec_type: 'video', codec_name: 'png', avg_frame_rate: '0/0', r_frame_rate: '25/1' }],
    });
    expect(parseFfprobeJson(json)).toMatchObject({
      formatName: 'unknown',
      durationMs: 0,
      video: { fps: 25 },
    });
  });
});

describe('parseFeatures', () => {
  it('finds the filters a build has', () => {
    const output = [
      'Filters:',
      '  T.. = Timeline support',
      ' ... ass               V->V       Render ASS subtitles onto input video using the libass library.',
      ' T.C drawtext          V->V       Draw text on top of video frames using libfreetype library.',
      ' ... zoompan           V->V       Apply Zoom & Pan effect.',
      ' ... anullsrc          |->A       Null audio source, return empty audio frames.',
    ].join('\n');
    expect(parseFeatures(output)).toEqual({
      subtitles: true,
      drawtext: true,
      zoompan: true,
      loudnorm: false,
    });
  });
});

describe('ffmpegFailure', () => {
  it.each([
    [
      '[mov @ 0x1] moov atom not found\n/in.mp4: Invalid data found when processing input',
      UserError,
      'media_unreadable',
    ],
    [
      "[http @ 0x1] Protocol 'http' not on whitelist 'file'!\n/in.m3u8: Invalid argument",
      UserError,
      'media_format_refused',
    ],
    ['av_interleaved_write_frame(): No space left on device', TransientError, 'disk_full'],
  ])('maps %j to a plain message, keeping the stderr only in its cause', (stderr, kind, code) => {
    const error = ffmpegFailure(1, stderr);
    expect(error).toBeInstanceOf(kind);
    expect(error).toMatchObject({ code });
    expect(error.message).not.toContain(stderr.split('\n').pop());
    if (error instanceof UserError) expect(String(error.cause)).toContain(stderr.split('\n').pop());
  });

  it('keeps the stderr tail in a BugError, which is logged, not shown', () => {
    const stderr = "[AVFilterGraph @ 0x1] No such filter: 'gradients'";
    const error = ffmpegFailure(1, stderr);
    expect(error).toBeInstanceOf(BugError);
    expect(error).toMatchObject({ code: 'ffmpeg_failed' });
    expect(error.message).toContain(stderr);
  });

  it('keeps only the last lines of a long log, each trimmed', () => {
    const log = Array.from({ length: 500 }, (_, i) => `line ${i} ${'x'.repeat(i === 499 ? 1000 : 5)}`).join(
      '\n',
    );
    const tail = stderrTail(log);
    expect(tail.split('\n')).toHaveLength(8);
    expect(tail).toContain('line 492');
    expect(tail.length).toBeLessThan(8 * 310);
    expect(ffmpegFailure(1, log).message).not.toContain('line 100 ');
  });
});

describe('isFaststart', () => {
  it.each([
    [['ftyp', 'moov', 'mdat'], true],
    [['ftyp', 'free', 'mdat', 'moov'], false],
    [['ftyp', 'moov', 'moof', 'mdat'], true],
    [['ftyp', 'mdat'], false],
  ])('is %s → %s', (boxes, expected) => {
    expect(isFaststart({ boxes, majorBrand: 'isom' })).toBe(expected);
  });
});
