import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { basename, dirname, join } from 'node:path';
import type { Bucket, File } from '@google-cloud/storage';
import { UserError } from '../../domain/errors.js';
import type { MediaStore } from '../../ports/media-store.js';
import { assertSafeKey } from './local-media-store.js';

// Past this size an upload is resumable (a dropped connection resumes instead of starting again).
const RESUMABLE_FROM_BYTES = 16 * 1024 * 1024;

/** What the bucket store needs: the bucket, and two local folders (downloads kept for reading, job scratch). */
export interface GcsMediaStoreOptions {
  bucket: Bucket;
  cacheDir: string;
  scratchDir: string;
  /** False against an emulator: the library's resumable uploads ask Google for a token even on a custom endpoint. */
  resumableUploads: boolean;
}

/**
 * Media in a Cloud Storage bucket, shared by every machine. Objects are named by their keys; tools that need a
 * path read a local copy kept under `cacheDir`, named by the object's generation so a replaced file is never
 * read stale.
 */
export class GcsMediaStore implements MediaStore {
  constructor(private readonly options: GcsMediaStoreOptions) {}

  /** Uploads the file, then keeps it as the cached copy of the new generation (no download to read it back). */
  async put(key: string, sourcePath: string): Promise<void> {
    const file = this.file(key);
    const { size } = await stat(sourcePath);
    const [uploaded] = await this.options.bucket.upload(sourcePath, {
      destination: file,
      resumable: this.options.resumableUploads && size > RESUMABLE_FROM_BYTES,
      metadata: { cacheControl: 'private, max-age=3600' },
    });
    await this.forgetCached(key);
    const cached = this.cachePath(key, generationOf(uploaded));
    await mkdir(dirname(cached), { recursive: true, mode: 0o700 });
    try {
      await rename(sourcePath, cached);
    } catch {
      // Another disk: copying is not worth it, the first read downloads it.
      await unlink(sourcePath);
    }
  }

  /** The cached copy of the current generation, downloaded first when absent. */
  async localPath(key: string): Promise<string> {
    const generation = await this.generationOf(key);
    if (generation === null)
      throw new UserError('not_found', 'media_missing', `No media file is stored under "${key}"`);
    const cached = this.cachePath(key, generation);
    if (await isFile(cached)) return cached;
    await mkdir(dirname(cached), { recursive: true, mode: 0o700 });
    const partial = `${cached}.${randomBytes(6).toString('hex')}.partial`;
    try {
      await this.file(key, generation).download({ destination: partial });
      await rename(partial, cached);
    } finally {
      await rm(partial, { force: true });
    }
    return cached;
  }

  /** A server-side copy and a delete: the bytes never come down. */
  async move(fromKey: string, toKey: string): Promise<void> {
    assertSafeKey(toKey);
    await this.file(fromKey).move(toKey);
    await this.forgetCached(fromKey);
    await this.forgetCached(toKey);
  }

  /** True when an object is stored under the key. */
  async exists(key: string): Promise<boolean> {
    return (await this.size(key)) !== null;
  }

  /** Size in bytes from the object's metadata, or null. */
  async size(key: string): Promise<number | null> {
    const metadata = await this.metadataOf(key);
    return metadata === null ? null : Number(metadata.size);
  }

  /** SHA-256 of the object's bytes, streamed from the bucket, or null. */
  async sha256(key: string): Promise<string | null> {
    if ((await this.size(key)) === null) return null;
    const hash = createHash('sha256');
    await pipeline(this.file(key).createReadStream(), hash);
    return hash.digest('hex');
  }

  /** Removes the object and its cached copies; a missing object is fine. */
  async delete(key: string): Promise<void> {
    await this.file(key).delete({ ignoreNotFound: true });
    await this.forgetCached(key);
  }

  /** Removes every object under a folder, counting them. */
  async deletePrefix(prefix: string): Promise<number> {
    const keys = await this.list(prefix);
    for (const key of keys) await this.file(key).delete({ ignoreNotFound: true });
    await rm(join(this.options.cacheDir, ...prefix.slice(0, -1).split('/')), {
      recursive: true,
      force: true,
    });
    return keys.length;
  }

  /** Object names under a folder, sorted. */
  async list(prefix: string): Promise<string[]> {
    if (!prefix.endsWith('/')) throw new UserError('validation', 'invalid_media_key', 'A prefix ends with /');
    assertSafeKey(prefix.slice(0, -1));
    const [files] = await this.options.bucket.getFiles({ prefix, autoPaginate: true });
    return files.map((f) => f.name).sort();
  }

  /** A V4 signed GET URL (signed with the key file, or through IAM signBlob with the service account). */
  async signedReadUrl(key: string, ttlSeconds: number): Promise<string | null> {
    const [url] = await this.file(key).getSignedUrl({
      version: 'v4',
      action: 'read',
      expires: Date.now() + ttlSeconds * 1000,
    });
    return url;
  }

  /** A local directory: ffmpeg and uploads write there, `put` sends the result up. */
  async scratch(): Promise<{ dir: string; cleanup(): Promise<void> }> {
    await mkdir(this.options.scratchDir, { recursive: true, mode: 0o700 });
    const dir = await mkdtemp(join(this.options.scratchDir, 'job-'));
    return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
  }

  private file(key: string, generation?: string): File {
    assertSafeKey(key);
    return this.options.bucket.file(key, generation === undefined ? {} : { generation });
  }

  private async metadataOf(
    key: string,
  ): Promise<{ size?: string | number; generation?: string | number } | null> {
    try {
      const [metadata] = await this.file(key).getMetadata();
      return metadata;
    } catch (error) {
      if (statusOf(error) === 404) return null;
      throw error;
    }
  }

  private async generationOf(key: string): Promise<string | null> {
    const metadata = await this.metadataOf(key);
    return metadata === null ? null : String(metadata.generation ?? '0');
  }

  // Keys hold no "@" (assertSafeKey), so "<key>@<generation>" cannot collide with another key's copy.
  private cachePath(key: string, generation: string): string {
    return join(this.options.cacheDir, ...key.split('/')) + `@${generation}`;
  }

  private async forgetCached(key: string): Promise<void> {
    const path = join(this.options.cacheDir, ...key.split('/'));
    const name = basename(path);
    const entries = await readdir(dirname(path)).catch(() => [] as string[]);
    await Promise.all(
      entries.filter((e) => e.startsWith(`${name}@`)).map((e) => rm(join(dirname(path), e), { force: true })),
    );
  }
}

function generationOf(file: File): string {
  return String(file.metadata.generation ?? '0');
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function statusOf(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'number'
    ? error.code
    : undefined;
}
