import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../../src/domain/errors.js';
import type { OpenedMediaStore } from './engines.js';

/** The MediaStore port's meaning, run against one adapter. */
export function mediaStoreContract(engine: string, open: () => Promise<OpenedMediaStore>): void {
  describe(`MediaStore contract (${engine})`, () => {
    let opened: OpenedMediaStore;
    let sources = 0;

    beforeEach(async () => {
      opened = await open();
    });
    afterEach(async () => {
      await opened.close();
    });

    /** A file outside the store with these bytes, ready to put. */
    const source = (bytes: string | Buffer): string => {
      const path = join(opened.work, `source-${++sources}`);
      writeFileSync(path, bytes);
      return path;
    };

    it('put moves the file in: exists, size, sha256 and a readable local copy follow, the source is gone', async () => {
      const { store } = opened;
      const bytes = Buffer.from('video bytes \u0000\u00ff', 'latin1');
      const from = source(bytes);
      await store.put('workspaces/ws/renders/a.mp4', from);
      expect(existsSync(from)).toBe(false);
      expect(await store.exists('workspaces/ws/renders/a.mp4')).toBe(true);
      expect(await store.size('workspaces/ws/renders/a.mp4')).toBe(bytes.length);
      expect(await store.sha256('workspaces/ws/renders/a.mp4')).toBe(
        createHash('sha256').update(bytes).digest('hex'),
      );
      expect(readFileSync(await store.localPath('workspaces/ws/renders/a.mp4'))).toEqual(bytes);
    });

    it('a missing key: not there, no size, no hash, and no local copy', async () => {
      const { store } = opened;
      expect(await store.exists('workspaces/ws/none.mp4')).toBe(false);
      expect(await store.size('workspaces/ws/none.mp4')).toBeNull();
      expect(await store.sha256('workspaces/ws/none.mp4')).toBeNull();
      await expect(store.localPath('workspaces/ws/none.mp4')).rejects.toMatchObject({
        code: 'media_missing',
      });
    });

    it('a second put under the same key replaces the file, and reading sees the new bytes', async () => {
      const { store } = opened;
      await store.put('workspaces/ws/a.txt', source('first'));
      expect(readFileSync(await store.localPath('workspaces/ws/a.txt'), 'utf8')).toBe('first');
      await store.put('workspaces/ws/a.txt', source('second, longer'));
      expect(readFileSync(await store.localPath('workspaces/ws/a.txt'), 'utf8')).toBe('second, longer');
      expect(await store.size('workspaces/ws/a.txt')).toBe('second, longer'.length);
    });

    it('move gives the file its new key and removes the old one', async () => {
      const { store } = opened;
      await store.put('workspaces/ws/uploads/i1/incoming', source('clip'));
      await store.move('workspaces/ws/uploads/i1/incoming', 'workspaces/ws/uploads/i1/video.mp4');
      expect(await store.exists('workspaces/ws/uploads/i1/incoming')).toBe(false);
      expect(readFileSync(await store.localPath('workspaces/ws/uploads/i1/video.mp4'), 'utf8')).toBe('clip');
    });

    it('delete removes a file, and deleting a missing one is fine', async () => {
      const { store } = opened;
      await store.put('workspaces/ws/a.txt', source('a'));
      await store.delete('workspaces/ws/a.txt');
      expect(await store.exists('workspaces/ws/a.txt')).toBe(false);
      await expect(store.localPath('workspaces/ws/a.txt')).rejects.toBeInstanceOf(UserError);
      await store.delete('workspaces/ws/a.txt');
    });

    it('list and deletePrefix act on one folder only, in key order', async () => {
      const { store } = opened;
      for (const key of ['workspaces/w1/b.txt', 'workspaces/w1/sub/a.txt', 'workspaces/w10/c.txt'])
        await store.put(key, source(key));
      expect(await store.list('workspaces/w1/')).toEqual(['workspaces/w1/b.txt', 'workspaces/w1/sub/a.txt']);
      expect(await store.list('workspaces/none/')).toEqual([]);
      expect(await store.deletePrefix('workspaces/w1/')).toBe(2);
      expect(await store.list('workspaces/w1/')).toEqual([]);
      expect(await store.exists('workspaces/w10/c.txt')).toBe(true);
      expect(await store.deletePrefix('workspaces/w1/')).toBe(0);
    });

    it('refuses keys that could leave the store, and prefixes that are not folders', async () => {
      const { store } = opened;
      for (const bad of ['../x', '/abs', 'a//b', 'A.txt', 'a/.hidden', 'a@1'])
        await expect(store.put(bad, source('x'))).rejects.toBeInstanceOf(UserError);
      await expect(store.list('workspaces/w1')).rejects.toBeInstanceOf(UserError);
      await expect(store.deletePrefix('workspaces/w1')).rejects.toBeInstanceOf(UserError);
    });

    it('scratch hands out a fresh local folder that cleanup removes', async () => {
      const { store } = opened;
      const one = await store.scratch();
      const two = await store.scratch();
      expect(one.dir).not.toBe(two.dir);
      writeFileSync(join(one.dir, 'out.mp4'), 'rendered');
      await store.put('workspaces/ws/out.mp4', join(one.dir, 'out.mp4'));
      await one.cleanup();
      await two.cleanup();
      expect(existsSync(one.dir)).toBe(false);
      expect(readFileSync(await store.localPath('workspaces/ws/out.mp4'), 'utf8')).toBe('rendered');
    });
  });
}
