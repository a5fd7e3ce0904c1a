import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { chmod, copyFile, mkdir, mkdtemp, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { UserError } from '../../domain/errors.js';
import type { MediaStore } from '../../ports/media-store.js';

const KEY_CHARACTERS = /^[a-z0-9/_.-]+$/;
const SCRATCH_DIR = '.scratch';

/** Throws unless `key` is a safe relative path: [a-z0-9/_.-] only, no "..", no leading slash, no empty part. */
export function assertSafeKey(key: string): void {
  const parts = key.split('/');
  const safe =
    KEY_CHARACTERS.test(key) &&
    !key.includes('..') &&
    parts.every((part) => part !== '' && part !== '.' && !part.startsWith('.'));
  if (!safe) throw new UserError('validation', 'invalid_media_key', `"${key}" is not a valid media key`);
}

/** Media files under one root directory (a local disk or a mounted bucket). */
export class LocalMediaStore implements MediaStore {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  /** Absolute path of a key, after checking the key cannot leave the root. */
  pathOf(key: string): string {
    assertSafeKey(key);
    const path = join(this.root, ...key.split('/'));
    if (!path.startsWith(this.root + sep))
      throw new UserError('validation', 'invalid_media_key', 'Bad media key');
    return path;
  }

  /** Moves the file in: a rename on the same disk, else a copy to a temporary name, a rename and an unlink. */
  async put(key: string, sourcePath: string): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(dirname(target), { recursive: true, mode: 0o700 });
    try {
      await rename(sourcePath, target);
    } catch (error) {
      if (!isCode(error, 'EXDEV')) throw error;
      // Across devices a rename fails; copy beside the target first so readers never see half a file.
      const partial = `${target}.${randomUUID()}.partial`;
      try {
        await copyFile(sourcePath, partial);
        await rename(partial, target);
      } finally {
        await rm(partial, { force: true });
      }
      await unlink(sourcePath);
    }
    // Files arrive from ffmpeg and uploads with the process umask's mode; media is private to this user.
    await chmod(target, 0o600);
  }

  /** True when a file is stored under the key. */
  async exists(key: string): Promise<boolean> {
    return (await this.size(key)) !== null;
  }

  /** The stored file itself: nothing to download on a local disk. */
  async localPath(key: string): Promise<string> {
    if ((await this.size(key)) === null)
      throw new UserError('not_found', 'media_missing', `No media file is stored under "${key}"`);
    return this.pathOf(key);
  }

  /** A rename within the root. */
  async move(fromKey: string, toKey: string): Promise<void> {
    await this.put(toKey, this.pathOf(fromKey));
  }

  /** SHA-256 of the stored file, or null. */
  async sha256(key: string): Promise<string | null> {
    if ((await this.size(key)) === null) return null;
    const hash = createHash('sha256');
    await pipeline(createReadStream(this.pathOf(key)), hash);
    return hash.digest('hex');
  }

  /** Size in bytes of the stored file, or null. */
  async size(key: string): Promise<number | null> {
    try {
      const info = await stat(this.pathOf(key));
      return info.isFile() ? info.size : null;
    } catch (error) {
      if (isCode(error, 'ENOENT') || isCode(error, 'ENOTDIR')) return null;
      throw error;
    }
  }

  /** Removes the file; removing a missing file is fine. */
  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  /** Removes a folder of keys (the prefix must end in "/"), counting the files it held. */
  async deletePrefix(prefix: string): Promise<number> {
    if (!prefix.endsWith('/')) throw new UserError('validation', 'invalid_media_key', 'A prefix ends with /');
    const folder = this.pathOf(prefix.slice(0, -1));
    let files: number;
    try {
      const entries = await readdir(folder, { recursive: true, withFileTypes: true });
      files = entries.filter((e) => e.isFile()).length;
    } catch (error) {
      if (isCode(error, 'ENOENT') || isCode(error, 'ENOTDIR')) return 0;
      throw error;
    }
    await rm(folder, { recursive: true, force: true });
    return files;
  }

  /** Keys of the files under a folder, sorted (the scratch folder is never listed: its name starts with a dot). */
  async list(prefix: string): Promise<string[]> {
    if (!prefix.endsWith('/')) throw new UserError('validation', 'invalid_media_key', 'A prefix ends with /');
    const folder = this.pathOf(prefix.slice(0, -1));
    try {
      const entries = await readdir(folder, { recursive: true, withFileTypes: true });
      return entries
        .filter((e) => e.isFile() && !e.name.includes('.partial'))
        .map((e) => relative(this.root, join(e.parentPath, e.name)).split(sep).join('/'))
        .sort();
    } catch (error) {
      if (isCode(error, 'ENOENT') || isCode(error, 'ENOTDIR')) return [];
      throw error;
    }
  }

  /** Null: the app streams local files itself, behind its own signed links. */
  signedReadUrl(): Promise<string | null> {
    return Promise.resolve(null);
  }

  /** A fresh directory under the root (same disk, so `put` from it is a rename). */
  async scratch(): Promise<{ dir: string; cleanup(): Promise<void> }> {
    const parent = join(this.root, SCRATCH_DIR);
    await mkdir(parent, { recursive: true, mode: 0o700 });
    const dir = await mkdtemp(join(parent, 'job-'));
    return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
  }
}

function isCode(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}
