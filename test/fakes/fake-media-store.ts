import { createHash } from 'node:crypto';
import type { MediaStore } from '../../src/ports/media-store.js';

/** A file as the fakes see it: its size and a label the fake probe recognizes. */
export interface FakeFile {
  size: number;
  label: string;
}

/** An in-memory MediaStore: "files" are entries by absolute path, moved by `put` like a rename. */
export class FakeMediaStore implements MediaStore {
  readonly root = '/fake-media';
  readonly files = new Map<string, FakeFile>();
  private scratchCount = 0;

  /** Puts a file at a path outside the store (an upload's temporary file). */
  stage(path: string, file: FakeFile): string {
    this.files.set(path, file);
    return path;
  }

  /** The file at an absolute path, if any. */
  fileAt(path: string): FakeFile | undefined {
    return this.files.get(path);
  }

  /** Keys of every stored file, sorted. */
  keys(): string[] {
    const prefix = `${this.root}/`;
    return [...this.files.keys()]
      .filter((p) => p.startsWith(prefix))
      .map((p) => p.slice(prefix.length))
      .sort();
  }

  /** The fake's absolute path of a key (its own helper; the port hands out paths through `localPath`). */
  pathOf(key: string): string {
    if (!/^[a-z0-9][a-z0-9/_.-]*$/.test(key) || key.includes('..')) throw new Error(`bad key ${key}`);
    return `${this.root}/${key}`;
  }

  async put(key: string, sourcePath: string): Promise<void> {
    const file = this.files.get(sourcePath);
    if (!file) throw new Error(`ENOENT: no such file ${sourcePath}`);
    this.files.delete(sourcePath);
    this.files.set(this.pathOf(key), file);
  }

  async localPath(key: string): Promise<string> {
    if (!(await this.exists(key))) throw new Error(`ENOENT: no media under ${key}`);
    return this.pathOf(key);
  }

  async move(fromKey: string, toKey: string): Promise<void> {
    await this.put(toKey, this.pathOf(fromKey));
  }

  async list(prefix: string): Promise<string[]> {
    return this.keys().filter((k) => k.startsWith(prefix));
  }

  async signedReadUrl(): Promise<string | null> {
    return null;
  }

  async exists(key: string): Promise<boolean> {
    return this.files.has(this.pathOf(key));
  }

  async size(key: string): Promise<number | null> {
    return this.files.get(this.pathOf(key))?.size ?? null;
  }

  /** A stand-in digest: the same size and label give the same hash. */
  async sha256(key: string): Promise<string | null> {
    const file = this.files.get(this.pathOf(key));
    return file ? createHash('sha256').update(`${file.size}:${file.label}`).digest('hex') : null;
  }

  async delete(key: string): Promise<void> {
    this.files.delete(this.pathOf(key));
  }

  async deletePrefix(prefix: string): Promise<number> {
    const folder = this.pathOf(prefix.replace(/\/$/, '')) + '/';
    const doomed = [...this.files.keys()].filter((p) => p.startsWith(folder));
    for (const path of doomed) this.files.delete(path);
    return doomed.length;
  }

  async scratch(): Promise<{ dir: string; cleanup(): Promise<void> }> {
    const dir = `/fake-scratch/${++this.scratchCount}`;
    return {
      dir,
      cleanup: async () => {
        for (const path of [...this.files.keys()]) if (path.startsWith(`${dir}/`)) this.files.delete(path);
      },
    };
  }
}
