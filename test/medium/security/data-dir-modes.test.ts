import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { OutboxMailer } from '../../../src/adapters/mail/outbox-mailer.js';
import { Client, startTestApp, type TestApp } from '../../fakes/test-app.js';

/** Every file and folder under `dir` with its permission bits, as "path mode" lines. */
function modes(dir: string): string[] {
  const found: string[] = [];
  const walk = (path: string) => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      const info = statSync(full);
      found.push(`${relative(dir, full)} ${(info.mode & 0o777).toString(8)}`);
      if (info.isDirectory()) walk(full);
    }
  };
  walk(dir);
  return found;
}

describe('DATA_DIR permissions', () => {
  let t: TestApp;
  afterEach(async () => t.close());

  it('creates the database, keys, outbox mail and media readable by the owner only', async () => {
    t = await startTestApp();
    const owner = new Client(t.app);
    await owner.signUp('owner@example.com');
    // A built-in track is written into the media store on first use.
    const tracks = await owner.get('/api/music/builtin');
    expect(tracks.statusCode).toBe(200);
    await new OutboxMailer(join(t.dataDir, 'outbox'), pino({ level: 'silent' })).send({
      to: 'someone@example.com',
      subject: 'Hello',
      text: 'A link: http://app.test/x',
    });

    const found = modes(t.dataDir);
    const names = found.map((line) => line.split(' ')[0]);
    expect(names).toEqual(
      expect.arrayContaining([
        'ai-factory.sqlite',
        'ai-factory.sqlite-wal',
        'ai-factory.sqlite-shm',
        'keys',
        'keys/media-links.key',
        'outbox',
        'media',
        'media/builtin/music',
      ]),
    );
    expect(names.some((name) => /^outbox\/.+\.eml$/.test(name ?? ''))).toBe(true);
    expect(names.some((name) => /^media\/builtin\/music\/.+\.wav$/.test(name ?? ''))).toBe(true);
    for (const line of found) {
      const [path = '', mode] = line.split(' ');
      expect(mode, path).toBe(statSync(join(t.dataDir, path)).isDirectory() ? '700' : '600');
    }
  }, 120_000);
});
