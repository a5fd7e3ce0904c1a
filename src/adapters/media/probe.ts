import { execFile } from 'node:child_process';
import { open, stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import type { MediaInfo } from '../../domain/content.js';
import { UserError } from '../../domain/errors.js';

const run = promisify(execFile);

interface ProbeStream {
  codec_type?: string;
  codec_name?: string;
  profile?: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  pix_fmt?: string;
  sample_rate?: string;
  channels?: number;
}

function rate(fraction: string | undefined): number {
  const [n, d] = (fraction ?? '0/1').split('/').map(Number);
  return n && d ? n / d : 0;
}

/** True when the MP4/MOV 'moov' box comes before 'mdat' (the file can play while it downloads). */
export async function moovBeforeMdat(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const header = Buffer.alloc(16);
    for (let offset = 0; offset + 8 <= size;) {
      await handle.read(header, 0, 16, offset);
      let boxSize = header.readUInt32BE(0);
      const type = header.toString('latin1', 4, 8);
      if (type === 'moov') return true;
      if (type === 'mdat') return false;
      if (boxSize === 1) boxSize = Number(header.readBigUInt64BE(8));
      if (boxSize < 8) return false;
      offset += boxSize;
    }
    return false;
  } finally {
    await handle.close();
  }
}

/** Reads a media file's container, streams and duration with ffprobe; a file it cannot read is a UserError. */
export async function probeWithFfprobe(ffprobe: string, file: string): Promise<MediaInfo> {
  let json: { format?: { format_name?: string; duration?: string }; streams?: ProbeStream[] };
  try {
    const { stdout } = await run(
      ffprobe,
      ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file],
      {
        timeout: 30_000,
        maxBuffer: 8 * 1024 * 1024,
      },
    );
    json = JSON.parse(stdout) as typeof json;
  } catch {
    throw new UserError(
      'validation',
      'media_unreadable',
      'This file could not be read as an image, audio or video',
    );
  }
  const video = json.streams?.find((s) => s.codec_type === 'video');
  const audio = json.streams?.find((s) => s.codec_type === 'audio');
  const container = json.format?.format_name ?? 'unknown';
  return {
    container,
    durationMs: Math.round(Number(json.format?.duration ?? 0) * 1000),
    sizeBytes: (await stat(file)).size,
    video: video
      ? {
          codec: video.codec_name ?? 'unknown',
          profile: video.profile ?? null,
          width: video.width ?? 0,
          height: video.height ?? 0,
          fps: rate(video.avg_frame_rate) || rate(video.r_frame_rate),
          pixelFormat: video.pix_fmt ?? 'unknown',
        }
      : null,
    audio: audio
      ? {
          codec: audio.codec_name ?? 'unknown',
          sampleRate: Number(audio.sample_rate ?? 0),
          channels: audio.channels ?? 0,
        }
      : null,
    faststart: container.includes('mp4') || container.includes('mov') ? await moovBeforeMdat(file) : false,
  };
}
