import { parseArgs } from 'node:util';
import { briefInput } from '../api/content.js';
import { BUILTIN_MUSIC_TRACKS, HOOK_STYLES, type Brief } from '../domain/content.js';
import { UserError } from '../domain/errors.js';

const MUSIC = ['none', ...BUILTIN_MUSIC_TRACKS.map((t) => `builtin:${t}`)].join('|');

/** `ai-factory generate --help`; `cacheDir` is where this configuration keeps the stage cache. */
export function generateHelp(cacheDir: string): string {
  return `Usage:
  ai-factory generate --topic "…" --out video.mp4 [options]
  ai-factory generate --briefs briefs.csv --out folder/    one video per CSV row

Writes the video, its cover (video.jpg) and its captions as SubRip (video.srt).

Brief:
  --topic "…"                      what the video is about
  --duration 30                    length to aim for, in seconds (10-90)
  --language en                    en, fr, es, de, pt, it…
  --voice default|none             voice-over; none: captions at reading pace
  --style clean                    clean, bold-pop, calm-gradient, tech-grid
  --caption-style karaoke|pop|clean
  --hook-style ${HOOK_STYLES.join('|')}
                                   how the hook opens (default: matched to the tone)
  --music ${MUSIC}
                                   background music under the voice (default none)
  --platforms tiktok,instagram,youtube

Editing captions:
  --captions edited.srt            re-render with the caption texts of this file: edit the text of some
                                   lines in the .srt a run wrote, then run the same command with it.
                                   Captions are matched by number and keep their timing (the times in
                                   the file are ignored), so the file must have as many captions as the
                                   video. Only captions, render, cover and preflight run again.

Output:
  --out video.mp4 | folder/        where to write (a folder with --briefs)
  --json                           one JSON line on stdout: videos, srt paths, captions, stage log

Stages made before for the same inputs are reused from the cache in
  ${cacheDir}
(DATA_DIR/cli; free it with: ai-factory cache clear).`;
}

/** What `ai-factory generate` was asked to do. */
export interface GenerateRequest {
  help: boolean;
  out: string;
  json: boolean;
  /** A CSV file of briefs (a series), or null for the brief given by flags. */
  briefsFile: string | null;
  /** The brief's fields from the flags, validated later by the brief schema. */
  brief: Record<string, unknown>;
  /** An edited SubRip file whose caption texts to apply, or null. */
  captionsFile: string | null;
}

/** Reads the command's flags; mistakes are UserErrors pointing at --help. */
export function parseGenerateArgs(argv: string[]): GenerateRequest {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        topic: { type: 'string' },
        duration: { type: 'string' },
        language: { type: 'string' },
        voice: { type: 'string' },
        style: { type: 'string' },
        'caption-style': { type: 'string' },
        'hook-style': { type: 'string' },
        music: { type: 'string' },
        platforms: { type: 'string' },
        briefs: { type: 'string' },
        captions: { type: 'string' },
        out: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw usage(error instanceof Error ? error.message : String(error));
  }
  const request = {
    help: values.help,
    out: values.out ?? '',
    json: values.json,
    briefsFile: values.briefs ?? null,
    captionsFile: values.captions ?? null,
    brief: {
      ...(values.topic !== undefined ? { topic: values.topic } : {}),
      ...(values.duration !== undefined ? { durationSeconds: Number(values.duration) } : {}),
      ...(values.language !== undefined ? { language: values.language } : {}),
      ...(values.voice !== undefined ? { voice: values.voice } : {}),
      ...(values.style !== undefined ? { stylePreset: values.style } : {}),
      ...(values['caption-style'] !== undefined ? { captionStyle: values['caption-style'] } : {}),
      ...(values['hook-style'] !== undefined ? { hookStyle: values['hook-style'] } : {}),
      ...(values.music !== undefined ? { music: values.music } : {}),
      ...(values.platforms !== undefined ? { platforms: values.platforms.split(',') } : {}),
    },
  };
  if (request.help) return request;
  if (!request.out) throw usage('Give --out.');
  if (request.briefsFile === null && values.topic === undefined) throw usage('Give --topic or --briefs.');
  if (request.briefsFile !== null && values.topic !== undefined)
    throw usage('Give --topic or --briefs, not both.');
  if (request.briefsFile !== null && request.captionsFile !== null)
    throw usage('--captions edits one video: use it with --topic, not --briefs.');
  return request;
}

/** Validates raw briefs with the API's brief schema; the first problem is reported with the brief's number. */
export function validateBriefs(raw: Record<string, unknown>[]): Brief[] {
  return raw.map((fields, i) => {
    const parsed = briefInput.safeParse(fields);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new UserError(
        'validation',
        'brief_invalid',
        `Brief ${i + 1}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
      );
    }
    // The command line has its own workspace, without the web app's media library.
    if (parsed.data.music.startsWith('library:'))
      throw new UserError(
        'validation',
        'brief_invalid',
        `Brief ${i + 1}: music from the library needs the web app; use ${MUSIC.split('|').join(', ')}`,
      );
    return parsed.data;
  });
}

function usage(problem: string): UserError {
  return new UserError('validation', 'usage', `${problem} See ai-factory generate --help.`);
}
