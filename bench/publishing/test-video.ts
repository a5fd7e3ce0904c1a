import { spawnSync } from 'node:child_process';
import { closeSync, openSync, statSync, writeSync } from 'node:fs';

/**
 * A real 1080x1920 H.264/AAC clip with its moov box first (what the platforms want), made by ffmpeg: a moving test
 * pattern (a few MB), or a plain colour (tens of kB) where the run measures scheduling rather than transfer.
 */
export function makeClip(path: string, seconds = 4, picture: 'pattern' | 'plain' = 'pattern'): void {
  const source =
    picture === 'pattern'
      ? `testsrc2=size=1080x1920:rate=30:duration=${seconds}`
      : `color=c=0x336699:size=1080x1920:rate=30:duration=${seconds}`;
  const made = spawnSync('ffmpeg', [
    ...['-hide_banner', '-loglevel', 'error', '-y'],
    ...['-f', 'lavfi', '-i', source],
    ...['-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest'],
    ...['-movflags', '+faststart', path],
  ]);
  if (made.status !== 0) throw new Error(`ffmpeg failed: ${made.stderr.toString()}`);
}

/**
 * Grows a clip to `totalBytes` with one trailing MP4 `free` box: still a valid file every reader accepts (players
 * skip free boxes), so a platform receives and checks a file of that size without us encoding a gigabyte.
 */
export function padClip(path: string, totalBytes: number): void {
  const size = statSync(path).size;
  const padding = totalBytes - size;
  if (padding < 8 || padding >= 2 ** 32) throw new Error('padding must fit one 32-bit free box');
  const fd = openSync(path, 'a');
  try {
    const header = Buffer.alloc(8);
    header.writeUInt32BE(padding, 0);
    header.write('free', 4, 'ascii');
    writeSync(fd, header);
    const block = Buffer.alloc(8 * 1024 * 1024);
    for (let left = padding - 8; left > 0; left -= block.length)
      writeSync(fd, block, 0, Math.min(left, block.length));
  } finally {
    closeSync(fd);
  }
}
