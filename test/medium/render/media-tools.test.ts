import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMediaTools, type FfmpegMediaTools } from '../../../src/adapters/media/index.js';
import { BugError, TransientError, UserError } from '../../../src/domain/errors.js';
import { mediaInput } from '../../../src/domain/render/index.js';
import { childProcesses, makeMedia, skipWithoutFfmpeg } from './media-fixtures.js';

// A minute of busy 1080×1920 video: long enough to still be running when the test stops it.
const LONG_JOB = [
  '-f',
  'lavfi',
  '-i',
  'testsrc2=s=1080x1920:r=30:d=60',
  '-c:v',
  'libx264',
  '-preset',
  'medium',
];

describe.skipIf(skipWithoutFfmpeg)('FfmpegMediaTools with the system ffmpeg', () => {
  let tools: FfmpegMediaTools;
  let dir: string;

  beforeAll(async () => {
    tools = await createMediaTools();
    dir = await mkdtemp(join(tmpdir(), 'media-tools-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('describes itself and finds the filters of the Debian build', () => {
    expect(tools.description).toMatch(/^system ffmpeg \d/);
    expect(tools.features).toEqual({ subtitles: true, drawtext: true, zoompan: true, loudnorm: true });
  });

  it('reports progress up to 1 and renames the finished file into place, making its folder', async () => {
    const out = join(dir, 'new', 'folder', 'progress.mp4');
    const fractions: number[] = [];
    const args = [
      '-f',
      'lavfi',
      '-i',
      'testsrc2=s=320x240:r=30:d=2',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      out,
    ];
    await tools.ffmpeg(args, out, { expectedMs: 2000, onProgress: (p) => fractions.push(p.fraction) });
    expect(fractions.length).toBeGreaterThan(0);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions[fractions.length - 1]).toBe(1);
    expect(await readdir(join(dir, 'new', 'folder'))).toEqual(['progress.mp4']);
  });

  it('fails with the last stderr lines as a BugError and leaves no file behind', async () => {
    const out = join(dir, 'broken.mp4');
    const args = ['-f', 'lavfi', '-i', 'testsrc2=d=1', '-vf', 'nosuchfilter', out];
    const error = await tools.ffmpeg(args, out, { expectedMs: 1000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BugError);
    expect((error as BugError).message).toMatch(/No such filter: 'nosuchfilter'/);
    expect((error as BugError).message.split('\n').length).toBeLessThanOrEqual(9);
    expect((await readdir(dir)).filter((f) => f.startsWith('broken'))).toEqual([]);
  });

  it('calls a damaged input a UserError', async () => {
    const bad = join(dir, 'damaged.mp4');
    await writeFile(bad, 'this is not a video');
    const out = join(dir, 'from-damaged.mp4');
    await expect(tools.ffmpeg([...mediaInput(bad), out], out, { expectedMs: 1000 })).rejects.toMatchObject({
      code: 'media_unreadable',
    });
    await expect(tools.probe(bad)).rejects.toBeInstanceOf(UserError);
  });

  it('refuses an input opened without the protocol and format whitelists', async () => {
    const clip = join(dir, 'unguarded.mp4');
    await writeFile(clip, 'whatever');
    const out = join(dir, 'from-unguarded.mp4');
    await expect(tools.ffmpeg(['-i', clip, out], out, { expectedMs: 1000 })).rejects.toMatchObject({
      code: 'ffmpeg_input_unguarded',
    });
  });

  it('refuses arguments that do not write to the output', async () => {
    await expect(tools.ffmpeg(['-version'], join(dir, 'x.mp4'), { expectedMs: 1 })).rejects.toMatchObject({
      code: 'ffmpeg_args',
    });
  });

  it('kills ffmpeg on abort: the promise rejects, no process (or zombie) and no partial file remain', async () => {
    const out = join(dir, 'aborted.mp4');
    const controller = new AbortController();
    const run = tools.ffmpeg([...LONG_JOB, out], out, {
      expectedMs: 60_000,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(childProcesses().filter((p) => p.state === 'Z' || p.command.includes(out))).toEqual([]);
    expect((await readdir(dir)).filter((f) => f.startsWith('aborted'))).toEqual([]);
  });

  it('does not start when already aborted', async () => {
    const out = join(dir, 'never.mp4');
    await expect(
      tools.ffmpeg([...LONG_JOB, out], out, { expectedMs: 60_000, signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect((await readdir(dir)).filter((f) => f.startsWith('never'))).toEqual([]);
  });

  it('kills ffmpeg after the timeout with a TransientError and cleans up', async () => {
    const impatient = await createMediaTools({ timeoutMs: 700 });
    const out = join(dir, 'slow.mp4');
    const error = await impatient
      .ffmpeg([...LONG_JOB, out], out, { expectedMs: 60_000 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientError);
    expect(error).toMatchObject({ code: 'media_timeout' });
    expect(childProcesses().filter((p) => p.state === 'Z' || p.command.includes(out))).toEqual([]);
    expect((await readdir(dir)).filter((f) => f.startsWith('slow'))).toEqual([]);
  });

  it('probes video, audio and the MP4 layout (moov before mdat or not)', async () => {
    const source = ['-f', 'lavfi', '-i', 'testsrc2=s=540x960:r=30:d=1', '-f', 'lavfi', '-i', 'sine=d=1'];
    const encode = [
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-pix_fmt',
      'yuv420p',
      '-c:a',
      'aac',
      '-ar',
      '48000',
    ];
    const fast = await makeMedia(
      tools,
      join(dir, 'fast.mp4'),
      ...source,
      ...encode,
      '-movflags',
      '+faststart',
    );
    const slow = await makeMedia(tools, join(dir, 'slow-start.mp4'), ...source, ...encode);
    const info = await tools.probe(fast);
    expect(info).toMatchObject({
      container: 'mp4',
      faststart: true,
      video: { codec: 'h264', width: 540, height: 960, fps: 30, pixelFormat: 'yuv420p' },
      audio: { codec: 'aac', sampleRate: 48_000, channels: 1 },
    });
    expect(info.durationMs).toBeGreaterThanOrEqual(1000);
    expect(info.durationMs).toBeLessThan(1100);
    expect(info.sizeBytes).toBeGreaterThan(1000);
    expect((await tools.probe(slow)).faststart).toBe(false);
  });

  it('probes a picture and a QuickTime file', async () => {
    const jpeg = await makeMedia(
      tools,
      join(dir, 'still.jpg'),
      '-f',
      'lavfi',
      '-i',
      'testsrc2=s=1080x1920',
      '-frames:v',
      '1',
    );
    expect(await tools.probe(jpeg)).toMatchObject({
      container: 'image2',
      audio: null,
      faststart: false,
      video: { codec: 'mjpeg', width: 1080, height: 1920 },
    });
    const mov = await makeMedia(tools, join(dir, 'clip.mov'), '-f', 'lavfi', '-i', 'testsrc2=s=320x240:d=1');
    expect((await tools.probe(mov)).container).toBe('mov');
  });

  it('measures mean volume: a tone, silence, and none without audio', async () => {
    const tone = await makeMedia(tools, join(dir, 'tone.wav'), '-f', 'lavfi', '-i', 'sine=f=440:d=1');
    const silence = await makeMedia(
      tools,
      join(dir, 'silence.wav'),
      '-f',
      'lavfi',
      '-i',
      'anullsrc=d=1',
      '-t',
      '1',
    );
    const mute = await makeMedia(tools, join(dir, 'mute.mp4'), '-f', 'lavfi', '-i', 'testsrc2=s=320x240:d=1');
    const db = await tools.meanVolumeDb(tone);
    expect(db).toBeGreaterThan(-25);
    expect(db).toBeLessThan(-15);
    expect(await tools.meanVolumeDb(silence)).toBeLessThan(-90);
    expect(await tools.meanVolumeDb(mute)).toBeNull();
  });
});

describe('FfmpegMediaTools with the npm-shipped ffmpeg (no ffprobe)', () => {
  let tools: FfmpegMediaTools;
  let dir: string;

  beforeAll(async () => {
    tools = await createMediaTools({ preferBundled: true });
    dir = await mkdtemp(join(tmpdir(), 'media-tools-npm-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('says which ffmpeg it is and what the old build can do', () => {
    expect(tools.description).toMatch(/^npm \(@ffmpeg-installer\) ffmpeg .* \(no ffprobe\)$/);
    expect(tools.features).toEqual({ subtitles: true, drawtext: true, zoompan: true, loudnorm: true });
  });

  it('probes by parsing `ffmpeg -i`, including faststart', async () => {
    const out = await makeMedia(
      tools,
      join(dir, 'probe-me.mp4'),
      ...[
        '-f',
        'lavfi',
        '-i',
        'testsrc2=s=540x960:r=25:d=1',
        '-f',
        'lavfi',
        '-i',
        'sine=d=1:sample_rate=44100',
      ],
      ...[
        '-c:v',
        'libx264',
        '-preset',
        'ultrafast',
        '-pix_fmt',
        'yuv420p',
        '-c:a',
        'aac',
        '-movflags',
        '+faststart',
      ],
    );
    const info = await tools.probe(out);
    expect(info).toMatchObject({
      container: 'mp4',
      faststart: true,
      video: {
        codec: 'h264',
        profile: 'Constrained Baseline',
        width: 540,
        height: 960,
        fps: 25,
        pixelFormat: 'yuv420p',
      },
      audio: { codec: 'aac', sampleRate: 44_100, channels: 1 },
    });
    expect(info.durationMs).toBeGreaterThanOrEqual(1000);
    expect(await tools.meanVolumeDb(out)).toBeGreaterThan(-30);
  });

  it('turns a missing file into an error rather than a made-up MediaInfo', async () => {
    await expect(tools.probe(join(dir, 'missing.mp4'))).rejects.toBeInstanceOf(BugError);
  });
});
