import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const MAX_SIDE = 4000;

/** Real, tiny media files made with ffmpeg on first request (a flat colour), kept until `close`. */
export class MediaFiles {
  private dir: Promise<string> | null = null;
  private readonly made = new Map<string, Promise<string>>();

  constructor(private readonly ffmpegPath = process.env.FFMPEG_PATH ?? 'ffmpeg') {}

  /** A one-second H.264 MP4 of this size. */
  video(width: number, height: number, colour: string): Promise<string> {
    return this.make(`v-${width}x${height}-${colour}.mp4`, (out) => [
      ...['-f', 'lavfi', '-i', `color=c=0x${colour.slice(1)}:s=${width}x${height}:r=30:d=1`],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-movflags', '+faststart', out],
    ]);
  }

  /** A JPEG of this size. */
  photo(width: number, height: number, colour: string): Promise<string> {
    return this.make(`p-${width}x${height}-${colour}.jpeg`, (out) => [
      ...['-f', 'lavfi', '-i', `color=c=0x${colour.slice(1)}:s=${width}x${height}`],
      ...['-frames:v', '1', '-pix_fmt', 'yuvj420p', '-q:v', '5', out],
    ]);
  }

  /** Removes every made file. */
  async close(): Promise<void> {
    if (this.dir) await rm(await this.dir, { recursive: true, force: true });
  }

  private make(name: string, args: (out: string) => string[]): Promise<string> {
    let file = this.made.get(name);
    if (!file) {
      this.dir ??= mkdtemp(join(tmpdir(), 'pexels-fake-'));
      file = this.dir.then(async (dir) => {
        const out = join(dir, name);
        await run(this.ffmpegPath, ['-hide_banner', '-loglevel', 'error', '-y', ...args(out)]);
        return out;
      });
      // A failed run is not cached, so the next request tries again.
      file.catch(() => this.made.delete(name));
      this.made.set(name, file);
    }
    return file;
  }
}

/**
 * The size the image host serves for these query parameters: `fit=crop` with w and h gives exactly w×h,
 * w or h alone scale the original down to fit, `dpr` multiplies; never larger than 4000 px a side.
 */
export function servedPhotoSize(
  original: { width: number; height: number },
  query: { w?: string; h?: string; fit?: string; dpr?: string },
): { width: number; height: number } {
  const dpr = Number(query.dpr) > 0 ? Number(query.dpr) : 1;
  const w = Number(query.w) > 0 ? Number(query.w) : null;
  const h = Number(query.h) > 0 ? Number(query.h) : null;
  let size = original;
  if (query.fit === 'crop' && w && h) size = { width: w * dpr, height: h * dpr };
  else if (w || h) {
    const scale = Math.min(w ? w / original.width : Infinity, h ? h / original.height : Infinity, 1) * dpr;
    size = { width: original.width * scale, height: original.height * scale };
  }
  const cap = Math.min(1, MAX_SIDE / Math.max(size.width, size.height));
  const even = (n: number) => Math.max(2, Math.round((n * cap) / 2) * 2);
  return { width: even(size.width), height: even(size.height) };
}
