import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { briefInput } from '../../../src/api/content.js';
import { openOfflineFactory, SHORT_SCRIPT, type OfflineFactory } from './offline-factory.js';

const hasFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0;

describe.skipIf(!hasFfmpeg && process.env.CI !== 'true')('offline generation, end to end', () => {
  let factory: OfflineFactory;
  beforeAll(async () => (factory = await openOfflineFactory()));
  afterAll(async () => factory.close());

  it('voices, captions and renders a vertical video that meets every platform spec', async () => {
    const { generation, kit } = factory;
    const brief = briefInput.parse({
      topic: 'Cold brew',
      durationSeconds: 10,
      captionStyle: 'karaoke',
    });
    const stages: string[] = [];
    const version = await generation.generate('ws', 'item', brief, { script: SHORT_SCRIPT }, (stage) =>
      stages.push(stage),
    );

    const video = await kit.mediaStore.localPath(version.outputs.videoKey);
    const info = await kit.media.probe(video);
    expect(info.video).toMatchObject({
      codec: 'h264',
      profile: 'High',
      width: 1080,
      height: 1920,
      fps: 30,
      pixelFormat: 'yuv420p',
    });
    expect(info.audio?.codec).toBe('aac');
    expect(info.faststart).toBe(true);
    expect(info.durationMs).toBeGreaterThan(2_000);
    expect(Math.abs(info.durationMs - version.outputs.voice.durationMs)).toBeLessThan(200);
    expect(info.sizeBytes).toBeGreaterThan(10_000);
    expect(await kit.media.meanVolumeDb(video)).toBeGreaterThan(-40);
    expect(version.outputs.preflight).toEqual([]);
    expect(existsSync(await kit.mediaStore.localPath(version.outputs.coverKey))).toBe(true);
    expect(
      (await kit.media.probe(await kit.mediaStore.localPath(version.outputs.coverKey))).video,
    ).toMatchObject({
      width: 1080,
      height: 1920,
    });
    // Captions follow the voice: every caption word lies inside the audio, in order.
    const words = version.outputs.captions.flatMap((c) => c.words);
    expect(words.map((w) => w.text.replace(/[^\w]/g, '').toLowerCase())).toContain('overnight');
    for (let i = 1; i < words.length; i++)
      expect(words[i]!.startMs).toBeGreaterThanOrEqual(words[i - 1]!.startMs);
    expect(words.at(-1)!.endMs).toBeLessThanOrEqual(version.outputs.voice.durationMs);
    expect(stages).toEqual(
      expect.arrayContaining([
        'script',
        'voice',
        'visuals',
        'captions',
        'render',
        'cover',
        'metadata',
        'preflight',
      ]),
    );
    expect(version.outputs.metadata.youtube?.title.length).toBeGreaterThan(0);
  }, 120_000);
});

describe.skipIf(!hasFfmpeg && process.env.CI !== 'true')('ai-factory generate (CLI)', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'aif-cli-data-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'generate', ...args], {
      env: { PATH: process.env.PATH, LOG_LEVEL: 'silent', DATA_DIR: dataDir },
      encoding: 'utf8',
      timeout: 120_000,
    });

  it('writes the video, its cover and its captions, and reports as JSON', () => {
    const out = mkdtempSync(join(tmpdir(), 'aif-cli-'));
    const result = run(
      '--topic',
      'Three tips for better sleep',
      '--duration',
      '10',
      '--voice',
      'none',
      '--out',
      join(out, 'sleep.mp4'),
      '--json',
    );
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as {
      ok: boolean;
      videos: { video: string; durationMs: number }[];
    };
    expect(report.ok).toBe(true);
    expect(report.videos[0]?.durationMs).toBeGreaterThan(5_000);
    expect(existsSync(join(out, 'sleep.mp4'))).toBe(true);
    expect(existsSync(join(out, 'sleep.jpg'))).toBe(true);
    expect(readFileSync(join(out, 'sleep.srt'), 'utf8')).toMatch(
      /^1\n00:00:00,\d{3} --> 00:00:0\d,\d{3}\n\S/,
    );
    rmSync(out, { recursive: true, force: true });
  }, 150_000);

  it('exits 2 with the reason on bad input', () => {
    const result = run('--topic', 'x', '--out', join(dataDir, 'never.mp4'), '--json');
    expect(result.status).toBe(2);
    expect(JSON.parse(result.stdout.trim()) as unknown).toMatchObject({
      ok: false,
      error: { code: 'brief_invalid', message: expect.stringContaining('topic') as unknown },
    });
  });
});
