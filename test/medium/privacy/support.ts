import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestApp } from '../../fakes/test-app.js';

export const hasFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0;

/**
 * A short vertical H.264 clip made by ffmpeg (a real upload). Each person's clip needs its own `pattern` and
 * `tone`: equal frames would give equal covers, and a file both people have cannot tell whose it is.
 */
export function clip(dir: string, name: string, tone = 440, pattern = 'testsrc2'): Buffer {
  const out = join(dir, name);
  const made = spawnSync('ffmpeg', [
    ...['-v', 'error', '-f', 'lavfi', '-i', `${pattern}=size=1080x1920:rate=30:duration=3`],
    ...['-f', 'lavfi', '-i', `sine=frequency=${tone}:duration=3`],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '45', '-pix_fmt', 'yuv420p'],
    ...['-c:a', 'aac', '-shortest', '-movflags', '+faststart', out],
  ]);
  if (made.status !== 0) throw new Error(made.stderr.toString());
  return readFileSync(out);
}

/** Every file under a folder, recursively, with its bytes. */
export function filesUnder(root: string): { path: string; bytes: Buffer }[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const path = join(e.parentPath, e.name);
      return { path, bytes: readFileSync(path) };
    });
}

export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** The plaintext tokens of every connection of a workspace, read through the vault while they exist. */
export async function tokensOf(t: TestApp, workspaceId: string): Promise<string[]> {
  const { store, vault } = t.container;
  const tokens: string[] = [];
  for (const c of (await store.connections.listByWorkspace(workspaceId, { limit: 50 })).items) {
    const sealed = await store.connections.loadTokens(workspaceId, c.id);
    if (!sealed) continue;
    await vault.use({ recordId: c.id, workspaceId }, sealed, async (pair) => {
      tokens.push(pair.accessToken);
      if (pair.refreshToken) tokens.push(pair.refreshToken);
    });
  }
  return tokens;
}

/** Waits until `check` holds, polling. */
export async function until(check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
