import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Config } from '../config/schema.js';
import { briefsFromCsv } from '../domain/briefs-csv.js';
import { buildSrt, captionEditsFromSrt, cueText, parseSrt, type SrtCue } from '../domain/captions/index.js';
import type { Brief } from '../domain/content.js';
import type { Version } from '../domain/content-item.js';
import type { GeneratedVersion } from '../services/generation/generation.service.js';
import { UserError } from '../domain/errors.js';
import { cliWorkspace, openStandaloneFactory, type StandaloneFactory } from '../container/cli.js';
import { generateHelp, parseGenerateArgs, validateBriefs } from './generate-args.js';
import { progressBar } from './progress-bar.js';
import { describeStageLog, mergeStageLogs } from './stage-summary.js';

export interface CliIo {
  out(line: string): void;
  /** Progress goes to stderr so --json output stays clean. */
  progress(line: string, final: boolean): void;
}

/** A generation as the command reports it: the version, what ran, and which captions the edited file changed. */
interface Made {
  version: GeneratedVersion;
  stageLog: Version['stageLog'];
  editedCaptions: number[];
}

/** `ai-factory generate`: runs the factory offline (or with configured providers) and writes MP4, cover and SRT. */
export async function generateCommand(config: Config, argv: string[], io: CliIo): Promise<number> {
  const request = parseGenerateArgs(argv);
  if (request.help) {
    io.out(generateHelp(cliWorkspace(config).dir));
    return 0;
  }
  const briefs = validateBriefs(
    request.briefsFile ? briefsFromCsv(readUserFile(request.briefsFile)) : [request.brief],
  );
  const edited = request.captionsFile ? readEditedCaptions(request.captionsFile) : null;
  const outDir = request.briefsFile ? resolve(request.out) : null;
  if (outDir) mkdirSync(outDir, { recursive: true });

  const factory = await openStandaloneFactory(config);
  const videos = [];
  try {
    for (const [index, brief] of briefs.entries()) {
      const made = await make(factory, brief, edited, io);
      const video = outDir
        ? join(outDir, `${String(index + 1).padStart(2, '0')}-${slug(brief.topic)}.mp4`)
        : resolve(request.out);
      const written = await writeOutputs(factory, made.version, video);
      const { media, preflight } = made.version.outputs;
      videos.push({
        topic: brief.topic,
        ...written,
        durationMs: media.durationMs,
        preflight: preflight.map((v) => `${v.platform}: ${v.message}`),
        stages: made.stageLog,
        editedCaptions: made.editedCaptions,
        captions: made.version.outputs.captions.map((cue, i) => ({
          number: i + 1,
          startMs: cue.startMs,
          endMs: cue.endMs,
          text: cueText(cue),
        })),
      });
      if (!request.json) {
        const checks =
          preflight.length === 0 ? 'passes preflight' : `${preflight.length} preflight problem(s)`;
        io.out(
          `${basename(video)}: ${(media.durationMs / 1000).toFixed(1)} s, ${checks}; captions in ${basename(written.srt)}`,
        );
        if (edited) io.out(`  ${describeEdits(made.editedCaptions, edited.file)}`);
        io.out(`  ${describeStageLog(made.stageLog)}`);
      }
    }
  } finally {
    await factory.close();
  }
  if (request.json) io.out(JSON.stringify({ ok: true, videos }));
  return 0;
}

/**
 * Generates the brief; with an edited SubRip file, first the unedited version (from the cache after an earlier
 * run) to learn its captions, then the version with the changed caption texts.
 */
async function make(
  factory: StandaloneFactory,
  brief: Brief,
  edited: { file: string; cues: SrtCue[] } | null,
  io: CliIo,
): Promise<Made> {
  const onProgress = (stage: string, _fraction: number, overall: number) =>
    io.progress(progressBar(stage, overall), false);
  const plain = await factory.generate(brief, {}, onProgress);
  const captionText = edited
    ? inFile(edited.file, () => captionEditsFromSrt(plain.outputs.captions, edited.cues))
    : {};
  const editedCaptions = Object.keys(captionText).map((index) => Number(index) + 1);
  if (editedCaptions.length === 0) {
    io.progress(progressBar('done', 1), true);
    return { version: plain, stageLog: plain.stageLog, editedCaptions };
  }
  const version = await factory.generate(brief, { captionText }, onProgress);
  io.progress(progressBar('done', 1), true);
  return { version, stageLog: mergeStageLogs(plain.stageLog, version.stageLog), editedCaptions };
}

/** Copies the video and its cover out of the cache and writes the captions beside them. */
async function writeOutputs(factory: StandaloneFactory, version: GeneratedVersion, video: string) {
  const cover = sibling(video, '.jpg');
  const srt = sibling(video, '.srt');
  mkdirSync(dirname(video), { recursive: true });
  copyFileSync(await factory.localPath(version.outputs.videoKey), video);
  copyFileSync(await factory.localPath(version.outputs.coverKey), cover);
  writeFileSync(srt, buildSrt(version.outputs.captions), 'utf8');
  return { video, cover, srt };
}

function describeEdits(numbers: number[], file: string): string {
  if (numbers.length === 0) return `no caption text in ${file} differs from the video's`;
  return `changed caption${numbers.length > 1 ? 's' : ''} ${numbers.join(', ')} from ${file}`;
}

/** Reads an edited SubRip file before any work starts, so a malformed one fails at once. */
function readEditedCaptions(file: string): { file: string; cues: SrtCue[] } {
  const text = readUserFile(file);
  return { file, cues: inFile(file, () => parseSrt(text)) };
}

/** Names the file in the message of a problem found in it ("edited.srt, line 7: …"). */
function inFile<T>(file: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    throw new UserError(error.kind, error.code, `${file}, ${error.message}`, error.details);
  }
}

function readUserFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    throw new UserError('validation', 'file_unreadable', `Cannot read ${path}: ${reason}`);
  }
}

function sibling(path: string, ext: string): string {
  return `${path.slice(0, -extname(path).length || undefined)}${ext}`;
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
