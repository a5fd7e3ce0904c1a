import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as FsPromises from 'node:fs/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LocalMediaStore } from '../../../src/adapters/media-store/local-media-store.js';

// A rename across devices fails with EXDEV; only when the source is outside the store's disk (here: "upload").
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof FsPromises>();
  return {
    ...real,
    rename: async (from: string, to: string) => {
      if (from.includes('other-device'))
        throw Object.assign(new Error('EXDEV: cross-device link'), { code: 'EXDEV' });
      return real.rename(from, to);
    },
  };
});

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('LocalMediaStore across devices', () => {
  it('copies, then removes the source, leaving no partial file', async () => {
    dir = mkdtempSync(join(tmpdir(), 'aif-media-'));
    const store = new LocalMediaStore(join(dir, 'media'));
    const from = join(dir, 'other-device-upload.bin');
    writeFileSync(from, 'bytes from another disk');
    await store.put('workspaces/ws/library/a.png', from);
    expect(readFileSync(store.pathOf('workspaces/ws/library/a.png'), 'utf8')).toBe('bytes from another disk');
    expect(existsSync(from)).toBe(false);
    expect(readdirSync(join(dir, 'media', 'workspaces', 'ws', 'library'))).toEqual(['a.png']);
  });
});
