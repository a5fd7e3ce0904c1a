import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { briefInput } from '../api/content.js';
import type { Config } from '../config/schema.js';
import { briefsFromCsv } from '../domain/briefs-csv.js';
import { UserError } from '../domain/errors.js';
import { progressBar } from './progress-bar.js';

export interface CliIo {
  out(line: string): void;
  /** Progress goes to stderr so --json output stays clean. */
  progress(line: string, final: boolean): void;
}

const USAGE = `ai-factory generate --topic "…" [--duration 30] [--language en] [--voice default|none] [--style clean]
                     [--caption-style karaoke|pop|clean] [--platforms tiktok,instagram,youtube] --out video.mp4
ai-factory generate --briefs briefs.csv --out folder/   (one video per CSV row)
Add --json for machine-readable output.`;

function briefsFromArgs(values: Record<string, string | boolean | undefined>): Record<string, unknown>[] {
  if (typeof values.briefs === 'string') return briefsFromCsv(readFileSync(values.briefs, 'utf8'));
  if (typeof values.topic !== 'string')
    throw new UserError('validation', 'usage', `Give --topic or --briefs.\n${USAGE}`);
  return [
    {
      topic: values.topic,
      ...(values.duration ? { durationSeconds: Number(values.duration) } : {}),
      ...(values.language ? { language: values.language } : {}),
      ...(values.voice ? { voice: values.voice } : {}),
      ...(values.style ? { stylePreset: values.style } : {}),
      ...(values['caption-style'] ? { captionStyle: values['caption-style'] } : {}),
      ...(typeof values.platforms === 'string' ? { platforms: values.platforms.split(',') } : {}),
    },
  ];
}

/** `ai-factory generate`: runs the factory offline (or with configured providers) and writes the MP4s. */
export async function generateCommand(config: Config, argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      topic: { type: 'string' },
      duration: { type: 'string' },
      language: { type: 'string' },
      voice: { type: 'string' },
      style: { type: 'string' },
      'caption-style': { type: 'string' },
      platforms: { type: 'string' },
      briefs: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (!values.out) throw new UserError('validation', 'usage', `Give --out.\n${USAGE}`);
  const briefs = briefsFromArgs(values).map((raw, i) => {
    const parsed = briefInput.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new UserError(
        'validation',
        'brief_invalid',
        `Brief ${i + 1}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
      );
    }
    return parsed.data;
  });
  const many = briefs.length > 1 || typeof values.briefs === 'string';
  const outDir = many ? resolve(values.out) : null;
  if (outDir) mkdirSync(outDir, { recursive: true });

  const { standaloneFactory } = await import('./standalone-factory.js');
  const work = mkdtempSync(join(tmpdir(), 'ai-factory-cli-'));
  const factory = await standaloneFactory(config, work);
  const results: { topic: string; video: string; cover: string; durationMs: number; preflight: string[] }[] =
    [];
  try {
    for (const [index, brief] of briefs.entries()) {
      const version = await factory.generate(brief, (stage, _fraction, overall) =>
        io.progress(progressBar(stage, overall), false),
      );
      io.progress(progressBar('done', 1), true);
      const target = outDir
        ? join(outDir, `${String(index + 1).padStart(2, '0')}-${slug(brief.topic)}.mp4`)
        : resolve(values.out);
      copyFileSync(factory.pathOf(version.outputs.videoKey), target);
      const cover = `${target.slice(0, -extname(target).length || undefined)}.jpg`;
      copyFileSync(factory.pathOf(version.outputs.coverKey), cover);
      results.push({
        topic: brief.topic,
        video: target,
        cover,
        durationMs: version.outputs.media.durationMs,
        preflight: version.outputs.preflight.map((v) => `${v.platform}: ${v.message}`),
      });
      if (!values.json)
        io.out(
          `${basename(target)}: ${(version.outputs.media.durationMs / 1000).toFixed(1)} s, ${version.outputs.preflight.length === 0 ? 'passes preflight' : `${version.outputs.preflight.length} preflight problem(s)`}`,
        );
    }
  } finally {
    await factory.close();
    rmSync(work, { recursive: true, force: true });
  }
  if (values.json) io.out(JSON.stringify({ ok: true, videos: results }));
  return 0;
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'video'
  );
}
