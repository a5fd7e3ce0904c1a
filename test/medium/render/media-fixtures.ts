import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import type { FfmpegMediaTools } from '../../../src/adapters/media/index.js';

/** True when the machine has Debian's (or any) ffmpeg and ffprobe on PATH. */
export const systemFfmpeg =
  spawnSync('ffmpeg', ['-version'], { stdio: 'ignore' }).status === 0 &&
  spawnSync('ffprobe', ['-version'], { stdio: 'ignore' }).status === 0;

/** Without system ffmpeg these tests skip locally but fail in CI, where ffmpeg must be installed. */
export const skipWithoutFfmpeg = !systemFfmpeg && process.env.CI !== 'true';

/** Makes a test input with ffmpeg (lavfi sources), written through the adapter itself. */
export async function makeMedia(tools: FfmpegMediaTools, out: string, ...args: string[]): Promise<string> {
  await tools.ffmpeg([...args, out], out, { expectedMs: 5000 });
  return out;
}

/** Processes whose parent is this one: running ones and zombies (exited but not reaped). */
export function childProcesses(): { pid: number; state: string; command: string }[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        // Fields after the command name, which is in parentheses and may hold spaces.
        const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        if (Number(ppid) !== process.pid) return [];
        const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
        return [{ pid: Number(pid), state: state ?? '?', command }];
      } catch {
        return [];
      }
    });
}
