import { z } from 'zod';
import type { MediaInfo } from '../../domain/content.js';

/** What a probe learns from the tool's output; the adapter adds size and MP4 layout from the file itself. */
export type ProbedStreams = Pick<MediaInfo, 'durationMs' | 'video' | 'audio'> & { formatName: string };

const ffprobeSchema = z.object({
  format: z.object({ format_name: z.string().optional(), duration: z.string().optional() }).optional(),
  streams: z
    .array(
      z.object({
        codec_type: z.string().optional(),
        codec_name: z.string().optional(),
        profile: z.string().optional(),
        width: z.number().optional(),
        height: z.number().optional(),
        avg_frame_rate: z.string().optional(),
        r_frame_rate: z.string().optional(),
        pix_fmt: z.string().optional(),
        sample_rate: z.string().optional(),
        channels: z.number().optional(),
        disposition: z.object({ attached_pic: z.number().optional() }).optional(),
        tags: z.object({ rotate: z.string().optional() }).optional(),
        side_data_list: z.array(z.object({ rotation: z.number().optional() })).optional(),
      }),
    )
    .optional(),
});

/** Parses `ffprobe -print_format json -show_format -show_streams` output. */
export function parseFfprobeJson(json: string): ProbedStreams {
  const data = ffprobeSchema.parse(JSON.parse(json));
  const streams = data.streams ?? [];
  const video = streams.find((s) => s.codec_type === 'video' && s.disposition?.attached_pic !== 1);
  const audio = streams.find((s) => s.codec_type === 'audio');
  const rotation =
    video?.side_data_list?.find((d) => d.rotation !== undefined)?.rotation ??
    Number(video?.tags?.rotate ?? 0);
  return {
    formatName: data.format?.format_name ?? 'unknown',
    durationMs: secondsToMs(data.format?.duration),
    video:
      video === undefined
        ? null
        : oriented(
            {
              codec: video.codec_name ?? 'unknown',
              profile: video.profile ?? null,
              width: video.width ?? 0,
              height: video.height ?? 0,
              fps: rate(video.avg_frame_rate) || rate(video.r_frame_rate),
              pixelFormat: video.pix_fmt ?? 'unknown',
            },
            rotation,
          ),
    audio:
      audio === undefined
        ? null
        : {
            codec: audio.codec_name ?? 'unknown',
            sampleRate: Number(audio.sample_rate ?? 0),
            channels: audio.channels ?? 0,
          },
  };
}

/** Parses the stream summary `ffmpeg -i <file>` prints (for builds shipped without ffprobe). */
export function parseFfmpegInfo(stderr: string): ProbedStreams {
  const formatName = /^Input #0, (.+), from '/m.exec(stderr)?.[1] ?? 'unknown';
  const duration = /Duration: (\d+):(\d\d):(\d\d(?:\.\d+)?)/.exec(stderr);
  const durationMs = duration
    ? Math.round((Number(duration[1]) * 3600 + Number(duration[2]) * 60 + Number(duration[3])) * 1000)
    : 0;
  const audioLine = stderr.split('\n').find((l) => /Stream #0:\d+.*: Audio: /.test(l));
  const videoLine = stderr
    .split('\n')
    .find((l) => /Stream #0:\d+.*: Video: /.test(l) && !isAttachedPicture(l, audioLine !== undefined));
  const rotation =
    Number(/displaymatrix: rotation of (-?[\d.]+) degrees/.exec(stderr)?.[1] ?? NaN) ||
    Number(/^\s+rotate\s+: (-?\d+)/m.exec(stderr)?.[1] ?? 0);
  return {
    formatName,
    durationMs,
    video: videoLine === undefined ? null : oriented(parseVideoLine(videoLine), rotation),
    audio: audioLine === undefined ? null : parseAudioLine(audioLine),
  };
}

// 5.x marks a music file's cover "(attached pic)"; 4.x does not, but shows it as a picture beside the sound with
// no frame rate, only the 90k timebase (a clip says "30 fps"; a lone picture file has no sound).
function isAttachedPicture(line: string, hasAudio: boolean): boolean {
  return line.includes('(attached pic)') || (hasAudio && !/ fps\b/.test(line) && / 90k tbr\b/.test(line));
}

function parseVideoLine(line: string): NonNullable<MediaInfo['video']> {
  const fields = splitTopLevel(line.slice(line.indexOf('Video: ') + 'Video: '.length));
  const { codec, profile } = codecAndProfile(fields[0] ?? '');
  const size = fields.map((f) => /\b(\d{2,5})x(\d{2,5})\b/.exec(f)).find((m) => m !== null);
  const fps = fields.find((f) => / fps$/.test(f)) ?? fields.find((f) => / tbr$/.test(f));
  return {
    codec,
    profile,
    width: Number(size?.[1] ?? 0),
    height: Number(size?.[2] ?? 0),
    fps: fps === undefined ? 0 : rateWithSuffix(fps),
    pixelFormat: (fields[1] ?? 'unknown').replace(/\(.*$/, '').trim(),
  };
}

function parseAudioLine(line: string): NonNullable<MediaInfo['audio']> {
  const fields = splitTopLevel(line.slice(line.indexOf('Audio: ') + 'Audio: '.length));
  const rate = fields.find((f) => / Hz$/.test(f));
  const layout = fields[2] ?? '';
  const named: Record<string, number> = {
    mono: 1,
    stereo: 2,
    '2.1': 3,
    quad: 4,
    '5.0': 5,
    '5.1': 6,
    '7.1': 8,
  };
  const counted = /(\d+) channels/.exec(layout)?.[1];
  return {
    codec: codecAndProfile(fields[0] ?? '').codec,
    sampleRate: rate === undefined ? 0 : Number.parseInt(rate, 10),
    channels: counted !== undefined ? Number(counted) : (named[layout.replace(/\(.*$/, '')] ?? 0),
  };
}

// "h264 (High) (avc1 / 0x31637661)" → h264 + High; a "(fourcc / 0x…)" group is not a profile.
function codecAndProfile(field: string): { codec: string; profile: string | null } {
  const codec = /^\s*(\w+)/.exec(field)?.[1] ?? 'unknown';
  const profile = /^\s*\w+ \(([^)]+)\)/.exec(field)?.[1];
  return { codec, profile: profile === undefined || profile.includes(' / ') ? null : profile };
}

// Splits on commas outside parentheses and brackets: "yuv420p(tv, bt709), 1080x1920 [SAR 1:1 DAR 9:16]".
function splitTopLevel(text: string): string[] {
  const fields: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(' || ch === '[') depth += 1;
    if (ch === ')' || ch === ']') depth = Math.max(0, depth - 1);
    if (ch === ',' && depth === 0) {
      fields.push(current.trim());
      current = '';
    } else current += ch;
  }
  fields.push(current.trim());
  return fields;
}

// Phones store portrait video as landscape plus a rotation: report what a viewer sees.
function oriented(video: NonNullable<MediaInfo['video']>, rotation: number): NonNullable<MediaInfo['video']> {
  return Math.abs(rotation) % 180 === 90 ? { ...video, width: video.height, height: video.width } : video;
}

function rate(value: string | undefined): number {
  const [num, den] = (value ?? '0/0').split('/').map(Number);
  return num !== undefined && den !== undefined && den > 0 ? round3(num / den) : 0;
}

function rateWithSuffix(field: string): number {
  const value = field.replace(/ (fps|tbr)$/, '').trim();
  const n = value.endsWith('k') ? Number.parseFloat(value) * 1000 : Number.parseFloat(value);
  return Number.isFinite(n) ? round3(n) : 0;
}

function secondsToMs(value: string | undefined): number {
  const n = Number(value);
  return Number.isFinite(n) ? Math.round(n * 1000) : 0;
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}
