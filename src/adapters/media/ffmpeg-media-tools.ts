import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, extname } from 'node:path';
import type { MediaInfo } from '../../domain/content.js';
import { BugError } from '../../domain/errors.js';
import { INPUT_WHITELIST, inputsAreGuarded, mediaInput } from '../../domain/render/index.js';
import type { MediaTools, RunProgress } from '../../ports/media-tools.js';
import { findBinaries, type BinaryOptions, type Binaries } from './binaries.js';
import { ffmpegFailure } from './ffmpeg-errors.js';
import { isFaststart, readMp4Layout } from './mp4-boxes.js';
import { parseFfmpegInfo, parseFfprobeJson, type ProbedStreams } from './probe-parse.js';
import { runProcess } from './run-process.js';

export interface MediaToolsOptions extends BinaryOptions {
  /** Kill a run after this long (FFMPEG_TIMEOUT_MS); by default 2 min or 20× the expected output, the longer. */
  timeoutMs?: number;
}

type Features = MediaTools['features'];

const PROBE_TIMEOUT_MS = 30_000;
const GLOBAL_ARGS = [
  '-hide_banner',
  '-nostdin',
  '-y',
  '-loglevel',
  'error',
  '-nostats',
  '-progress',
  'pipe:1',
];

/** ffmpeg and ffprobe run as child processes; outputs appear only complete (temporary file, then rename). */
export class FfmpegMediaTools implements MediaTools {
  readonly description: string;

  private constructor(
    private readonly binaries: Binaries,
    readonly features: Features,
    private readonly timeoutMs: number | undefined,
  ) {
    const origin = { configured: 'configured', system: 'system', npm: 'npm (@ffmpeg-installer)' }[
      binaries.origin
    ];
    this.description = `${origin} ffmpeg ${binaries.version}${binaries.ffprobe === null ? ' (no ffprobe)' : ''}`;
  }

  /** Finds the binaries and reads which filters the build has. */
  static async create(options: MediaToolsOptions = {}): Promise<FfmpegMediaTools> {
    const binaries = await findBinaries(options);
    const { stdout } = await runProcess(binaries.ffmpeg, ['-hide_banner', '-filters'], {
      timeoutMs: PROBE_TIMEOUT_MS,
    });
    return new FfmpegMediaTools(binaries, parseFeatures(stdout), options.timeoutMs);
  }

  async ffmpeg(
    args: string[],
    output: string,
    options: { expectedMs: number; signal?: AbortSignal; onProgress?: (p: RunProgress) => void },
  ): Promise<void> {
    const at = args.lastIndexOf(output);
    if (at < 0) throw new BugError('ffmpeg_args', `The arguments do not write to ${output}`);
    if (!inputsAreGuarded(args))
      throw new BugError('ffmpeg_input_unguarded', 'Every ffmpeg input must be opened with mediaInput()');
    const partial = `${output}.partial-${randomBytes(6).toString('hex')}${extname(output)}`;
    const runArgs = [...GLOBAL_ARGS, ...args.slice(0, at), partial, ...args.slice(at + 1)];
    const report = progressReporter(options.expectedMs, options.onProgress);
    await mkdir(dirname(output), { recursive: true });
    try {
      const result = await runProcess(this.binaries.ffmpeg, runArgs, {
        signal: options.signal,
        timeoutMs: this.timeoutMs ?? Math.max(120_000, 20 * options.expectedMs),
        onStdoutLine: report,
      });
      if (result.exitCode !== 0) throw ffmpegFailure(result.exitCode, result.stderr);
      await rename(partial, output);
      options.onProgress?.({ fraction: 1 });
    } finally {
      await rm(partial, { force: true });
    }
  }

  async probe(file: string): Promise<MediaInfo> {
    const streams = await this.probeStreams(file);
    const { size } = await stat(file);
    const layout = isMp4Family(streams.formatName) ? await readMp4Layout(file) : null;
    return {
      container: containerName(streams.formatName, layout?.majorBrand ?? null, file),
      durationMs: streams.durationMs,
      sizeBytes: size,
      video: streams.video,
      audio: streams.audio,
      faststart: layout !== null && isFaststart(layout),
    };
  }

  async meanVolumeDb(file: string): Promise<number | null> {
    const { audio } = await this.probeStreams(file);
    if (audio === null) return null;
    const args = [
      '-hide_banner',
      '-nostdin',
      ...mediaInput(file),
      '-map',
      '0:a:0',
      '-af',
      'volumedetect',
      '-f',
      'null',
      '-',
    ];
    const result = await runProcess(this.binaries.ffmpeg, args, { timeoutMs: this.timeoutMs ?? 120_000 });
    if (result.exitCode !== 0) throw ffmpegFailure(result.exitCode, result.stderr);
    const mean = /mean_volume: (-?[\d.]+|-inf) dB/.exec(result.stderr)?.[1];
    if (mean === undefined) throw new BugError('volumedetect_output', 'volumedetect printed no mean volume');
    return mean === '-inf' ? Number.NEGATIVE_INFINITY : Number(mean);
  }

  private async probeStreams(file: string): Promise<ProbedStreams> {
    const options = { timeoutMs: PROBE_TIMEOUT_MS };
    if (this.binaries.ffprobe !== null) {
      const args = [
        ...['-v', 'error', ...INPUT_WHITELIST],
        ...['-print_format', 'json', '-show_format', '-show_streams', file],
      ];
      const result = await runProcess(this.binaries.ffprobe, args, options);
      if (result.exitCode !== 0) throw ffmpegFailure(result.exitCode, result.stderr);
      return parseFfprobeJson(result.stdout);
    }
    // Without ffprobe: `ffmpeg -i` prints the same summary, then fails for want of an output.
    const args = ['-hide_banner', '-nostdin', ...mediaInput(file)];
    const result = await runProcess(this.binaries.ffmpeg, args, options);
    if (!result.stderr.includes('Input #0')) throw ffmpegFailure(result.exitCode, result.stderr);
    return parseFfmpegInfo(result.stderr);
  }
}

/** Reads the filter names from `ffmpeg -filters` (" T.. ass  V->V  Render ASS subtitles…"). */
export function parseFeatures(filtersOutput: string): Features {
  const names = new Set(
    filtersOutput
      .split('\n')
      .map((l) => /^\s*[TSC.|]{2,3}\s+(\w+)\s+\S*->\S*/.exec(l)?.[1])
      .filter((n): n is string => n !== undefined),
  );
  return {
    subtitles: names.has('ass'),
    drawtext: names.has('drawtext'),
    zoompan: names.has('zoompan'),
    loudnorm: names.has('loudnorm'),
  };
}

function progressReporter(expectedMs: number, onProgress: ((p: RunProgress) => void) | undefined) {
  return (line: string): void => {
    if (onProgress === undefined || expectedMs <= 0) return;
    // out_time_us (and, despite its name, out_time_ms in 4.x) are microseconds.
    const us = /^out_time_(?:us|ms)=(\d+)$/.exec(line)?.[1];
    if (us !== undefined) onProgress({ fraction: Math.min(1, Number(us) / 1000 / expectedMs) });
  };
}

function isMp4Family(formatName: string): boolean {
  return formatName.split(',').some((n) => n === 'mov' || n === 'mp4');
}

function containerName(formatName: string, majorBrand: string | null, file: string): string {
  if (isMp4Family(formatName)) return majorBrand?.trim() === 'qt' ? 'mov' : 'mp4';
  if (formatName.includes('webm')) return extname(file).toLowerCase() === '.webm' ? 'webm' : 'matroska';
  return formatName.split(',')[0] ?? formatName;
}
