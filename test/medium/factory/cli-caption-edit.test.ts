import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMediaTools } from '../../../src/adapters/media/index.js';
import { parseSrt } from '../../../src/domain/captions/index.js';
import { STAGES } from '../../../src/domain/content-item.js';

const hasFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0;

interface Report {
  ok: boolean;
  videos: {
    video: string;
    srt: string;
    durationMs: number;
    stages: { stage: string; cached: boolean }[];
    editedCaptions: number[];
    captions: { number: number; text: string }[];
  }[];
  error?: { code: string; message: string };
}

describe.skipIf(!hasFfmpeg && process.env.CI !== 'true')('ai-factory generate --captions (CLI)', () => {
  let dataDir: string;
  let dir: string;
  const brief = ['--topic', 'Cold brew at home', '--duration', '10'];
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      env: { PATH: process.env.PATH, LOG_LEVEL: 'silent', DATA_DIR: dataDir },
      encoding: 'utf8',
      timeout: 150_000,
    });
  const report = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Report;
  const ranStages = (r: Report) => r.videos[0]!.stages.filter((s) => !s.cached).map((s) => s.stage);
  const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
  /** The .srt text with caption `number`'s text replaced (CRLF and a byte order mark, as Windows editors save). */
  const withCaption = (srt: string, number: number, text: string) => {
    const blocks = srt.trim().split('\n\n');
    blocks[number - 1] = blocks[number - 1]!.split('\n').slice(0, 2).concat(text).join('\n');
    return `\uFEFF${blocks.join('\n\n').replace(/\n/g, '\r\n')}\r\n`;
  };

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'aif-cli-data-'));
    dir = mkdtempSync(join(tmpdir(), 'aif-cli-out-'));
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the captions as SubRip, then re-renders only what an edited caption changes', async () => {
    const first = cli('generate', ...brief, '--out', join(dir, 'first.mp4'), '--json');
    expect(first.status, first.stderr).toBe(0);
    const made = report(first.stdout);
    expect(ranStages(made)).toEqual([...STAGES]);
    expect(made.videos[0]!.srt).toBe(join(dir, 'first.srt'));
    const written = readFileSync(join(dir, 'first.srt'), 'utf8');
    const cues = parseSrt(written);
    expect(cues.map((c) => c.text)).toEqual(made.videos[0]!.captions.map((c) => c.text));
    expect(cues.length).toBeGreaterThan(2);

    writeFileSync(join(dir, 'edited.srt'), withCaption(written, 2, 'Brew it\nslow and cold'));
    const second = cli(
      'generate',
      ...brief,
      '--captions',
      join(dir, 'edited.srt'),
      '--out',
      join(dir, 'second.mp4'),
      '--json',
    );
    expect(second.status, second.stderr).toBe(0);
    const remade = report(second.stdout).videos[0]!;
    expect(ranStages(report(second.stdout))).toEqual(['captions', 'render', 'cover', 'preflight']);
    expect(remade.editedCaptions).toEqual([2]);
    expect(remade.captions[1]?.text).toBe('Brew it slow and cold');
    expect(remade.captions.filter((_c, i) => i !== 1)).toEqual(
      made.videos[0]!.captions.filter((_c, i) => i !== 1),
    );
    const reread = parseSrt(readFileSync(join(dir, 'second.srt'), 'utf8'));
    expect(reread[1]?.text).toBe('Brew it slow and cold');
    expect(reread.map((c) => [c.startMs, c.endMs])).toEqual(cues.map((c) => [c.startMs, c.endMs]));

    expect(sha(join(dir, 'second.mp4'))).not.toBe(sha(join(dir, 'first.mp4')));
    const media = await createMediaTools();
    const [before, after] = await Promise.all([
      media.probe(join(dir, 'first.mp4')),
      media.probe(join(dir, 'second.mp4')),
    ]);
    expect(after.video).toMatchObject({ codec: 'h264', width: 1080, height: 1920 });
    expect(Math.abs(after.durationMs - remade.durationMs)).toBeLessThan(200);
    expect(Math.abs(after.durationMs - before.durationMs)).toBeLessThan(100);

    // The same edit again: everything comes from the cache, and the text output says so.
    const again = cli(
      'generate',
      ...brief,
      '--captions',
      join(dir, 'edited.srt'),
      '--out',
      join(dir, 'third.mp4'),
    );
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain('changed caption 2 from');
    expect(again.stdout).toContain(
      'reused script, voice, visuals, captions, render, cover, metadata, preflight (nothing changed)',
    );
    expect(sha(join(dir, 'third.mp4'))).toBe(sha(join(dir, 'second.mp4')));
  }, 300_000);

  it('exits 2 naming the line when the edited file has another number of captions', () => {
    const written = readFileSync(join(dir, 'first.srt'), 'utf8');
    const count = parseSrt(written).length;
    const blocks = written.trim().split('\n\n');
    writeFileSync(join(dir, 'short.srt'), `${blocks.slice(0, -1).join('\n\n')}\n`);
    const lastLine = parseSrt(readFileSync(join(dir, 'short.srt'), 'utf8')).at(-1)!.line;

    const result = cli(
      'generate',
      ...brief,
      '--captions',
      join(dir, 'short.srt'),
      '--out',
      join(dir, 'x.mp4'),
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      `short.srt, line ${lastLine}: the file stops at caption ${count - 1}, but the video has ${count} captions`,
    );
    expect(existsSync(join(dir, 'x.mp4'))).toBe(false);

    const json = cli(
      'generate',
      ...brief,
      '--captions',
      join(dir, 'short.srt'),
      '--out',
      join(dir, 'x.mp4'),
      '--json',
    );
    expect(json.status).toBe(2);
    expect(report(json.stdout)).toMatchObject({ ok: false, error: { code: 'srt_caption_count' } });
  }, 120_000);

  it('exits 2 naming the line of an empty or malformed caption, before any work', () => {
    const written = readFileSync(join(dir, 'first.srt'), 'utf8');
    writeFileSync(join(dir, 'empty.srt'), withCaption(written, 2, ''));
    const secondLine = parseSrt(written)[1]!.line;
    const empty = cli(
      'generate',
      ...brief,
      '--captions',
      join(dir, 'empty.srt'),
      '--out',
      join(dir, 'x.mp4'),
    );
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain(`empty.srt, line ${secondLine}: caption 2 is empty`);

    writeFileSync(join(dir, 'broken.srt'), written.replace(/-->/, '->'));
    const broken = cli(
      'generate',
      ...brief,
      '--captions',
      join(dir, 'broken.srt'),
      '--out',
      join(dir, 'x.mp4'),
    );
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain('broken.srt, line 2:');
    expect(broken.stderr).toContain('is not a timing line');
  });

  it('clears the cache and says what it freed', () => {
    const cleared = cli('cache', 'clear');
    expect(cleared.status, cleared.stderr).toBe(0);
    expect(cleared.stdout).toMatch(
      new RegExp(
        `^Freed [1-9][\\d.]* MB in ${join(dataDir, 'cli')}: \\d+ media file\\(s\\) and \\d+ cached stage`,
      ),
    );
    expect(readdirSync(join(dataDir, 'cli', 'media')).filter((name) => name !== '.scratch')).toEqual([]);

    const next = cli('generate', ...brief, '--out', join(dir, 'fresh.mp4'), '--json');
    expect(next.status, next.stderr).toBe(0);
    expect(ranStages(report(next.stdout))).toContain('script');
  }, 150_000);
});
