import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalMediaStore, assertSafeKey } from '../../../src/adapters/media-store/local-media-store.js';
import { UserError } from '../../../src/domain/errors.js';

let dir: string;
let store: LocalMediaStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'aif-media-'));
  store = new LocalMediaStore(join(dir, 'media'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function source(content = 'hello'): string {
  const path = join(dir, `src-${Math.random().toString(36).slice(2)}`);
  writeFileSync(path, content);
  return path;
}

describe('media keys', () => {
  it.each(['workspaces/01jabc/library/01jdef.png', 'stock/pexels/0a1b2c.mp4', 'a', 'renders/v_1-final.mp4'])(
    'accepts %s',
    (key) => {
      expect(() => assertSafeKey(key)).not.toThrow();
      expect(store.pathOf(key).startsWith(join(dir, 'media') + '/')).toBe(true);
    },
  );

  it.each([
    '../etc/passwd',
    'workspaces/../../etc/passwd',
    'a/..',
    '/etc/passwd',
    'a//b',
    'a/',
    '',
    '.',
    'a/./b',
    '.scratch/job',
    'A/B.png',
    'a\\b',
    'a b',
    'a%2e%2e/b',
    'workspaces/ws/library/x.png\0',
    'caf\u00e9.png',
  ])('refuses %j', (key) => {
    expect(() => store.pathOf(key)).toThrow(UserError);
  });
});

describe('LocalMediaStore', () => {
  it('moves a file in, reports it, and deletes it (twice is fine)', async () => {
    const from = source('video bytes');
    await store.put('workspaces/ws/renders/a.mp4', from);
    expect(existsSync(from)).toBe(false);
    expect(readFileSync(store.pathOf('workspaces/ws/renders/a.mp4'), 'utf8')).toBe('video bytes');
    expect(await store.exists('workspaces/ws/renders/a.mp4')).toBe(true);
    expect(await store.size('workspaces/ws/renders/a.mp4')).toBe(11);
    await store.delete('workspaces/ws/renders/a.mp4');
    await store.delete('workspaces/ws/renders/a.mp4');
    expect(await store.exists('workspaces/ws/renders/a.mp4')).toBe(false);
    expect(await store.size('workspaces/ws/renders/a.mp4')).toBeNull();
  });

  it('replaces a file under the same key', async () => {
    await store.put('k/a.txt', source('one'));
    await store.put('k/a.txt', source('two!'));
    expect(await store.size('k/a.txt')).toBe(4);
  });

  it('says a directory or a path through a file is not a stored file', async () => {
    await store.put('k/a.txt', source());
    expect(await store.exists('k')).toBe(false);
    expect(await store.size('k/a.txt/b')).toBeNull();
  });

  it('fails loudly when the source is missing', async () => {
    await expect(store.put('k/a.txt', join(dir, 'nothing'))).rejects.toThrow(/ENOENT/);
  });

  it('gives scratch directories on the same disk, removed by cleanup', async () => {
    const scratch = await store.scratch();
    expect(scratch.dir.startsWith(join(dir, 'media', '.scratch'))).toBe(true);
    writeFileSync(join(scratch.dir, 'out.mp4'), 'x');
    await store.put('renders/out.mp4', join(scratch.dir, 'out.mp4'));
    await scratch.cleanup();
    expect(existsSync(scratch.dir)).toBe(false);
    expect(await store.exists('renders/out.mp4')).toBe(true);
  });
});
