import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UrlSigner } from '../../../src/adapters/crypto/url-signer.js';
import { MediaLinks } from '../../../src/http/media-links.js';
import { FakeClock } from '../../fakes/fake-clock.js';
import { Client, startTestApp, type TestApp } from '../../fakes/test-app.js';

const CHILD = new URL('../../fakes/media-link-key-child.ts', import.meta.url).pathname;

/** Starts `count` processes that each load the key file at the same instant; resolves with what each signed. */
async function raceForKey(file: string, go: string, count: number): Promise<string[]> {
  const children = Array.from({ length: count }, () =>
    spawn(process.execPath, ['--import', 'tsx', CHILD, file, go], { stdio: ['ignore', 'pipe', 'inherit'] }),
  );
  const outputs = children.map(
    (child) =>
      new Promise<string[]>((resolve, reject) => {
        let text = '';
        child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
        child.on('error', reject);
        child.on('close', (code) =>
          code === 0 ? resolve(text.trim().split('\n')) : reject(new Error(`child exited ${code}`)),
        );
      }),
  );
  const ready = children.map(
    (child) => new Promise<void>((resolve) => child.stdout.once('data', () => resolve())),
  );
  await Promise.all(ready);
  writeFileSync(go, '');
  return (await Promise.all(outputs)).map((lines) => lines.at(-1) ?? '');
}

describe('media-link signing key', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'aif-link-key-'));

  it('is created owner-only, once, and read back the same by later starts', () => {
    const file = join(dir(), 'keys', 'media-links.key');
    const first = UrlSigner.fromKeyFile(file).sign('/media/a', 100).sig;
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(file, '..')).mode & 0o777).toBe(0o700);
    expect(Buffer.from(readFileSync(file, 'utf8'), 'base64')).toHaveLength(32);
    expect(UrlSigner.fromKeyFile(file).sign('/media/a', 100).sig).toBe(first);
    expect(readdirSync(join(file, '..'))).toEqual(['media-links.key']);
  });

  it.each([
    ['empty', ''],
    ['short', Buffer.alloc(16, 1).toString('base64')],
    ['long', Buffer.alloc(48, 1).toString('base64')],
    ['not base64', `${'!'.repeat(43)}=`],
  ])('refuses a %s key file with a clear error and leaves it alone', (_name, content) => {
    const file = join(dir(), 'media-links.key');
    writeFileSync(file, content, { mode: 0o600 });
    expect(() => UrlSigner.fromKeyFile(file)).toThrow(
      /media-link key file .* is corrupt \(expected 32 bytes/,
    );
    expect(readFileSync(file, 'utf8')).toBe(content);
  });

  it('ends with one key when several processes start together', async () => {
    const root = dir();
    const file = join(root, 'keys', 'media-links.key');
    const signatures = await raceForKey(file, join(root, 'go'), 4);
    expect(signatures).toHaveLength(4);
    expect(new Set(signatures).size).toBe(1);
    expect(signatures[0]).toBe(UrlSigner.fromKeyFile(file).sign('/media/probe', 1).sig);
    expect(readdirSync(join(file, '..'))).toEqual(['media-links.key']);
  }, 120_000);
});

describe('media link lifetime', () => {
  let t: TestApp | undefined;
  afterEach(async () => t?.close());

  it('links last 15 to 20 minutes', () => {
    const clock = new FakeClock(Date.UTC(2026, 0, 1, 12, 2, 30));
    const links = new MediaLinks(new UrlSigner(Buffer.alloc(32, 7)), clock, 'http://app.test');
    const link = new URL(links.path('music/a.wav'), 'http://app.test');
    const check = () =>
      links.verify(link.pathname, link.searchParams.get('exp') ?? '', link.searchParams.get('sig') ?? '');
    clock.advance(15 * 60_000);
    expect(check()).toBe(true);
    clock.advance(5 * 60_000);
    expect(check()).toBe(false);
  });

  it('a removed member loses the media links they were handed within 20 minutes', async () => {
    t = await startTestApp();
    const owner = new Client(t.app);
    await owner.signUp('owner@example.com');
    const invite = await owner.post('/api/invitations', { email: 'member@example.com', role: 'editor' });
    const token = new URL(invite.json<{ acceptUrl: string }>().acceptUrl).searchParams.get('token');
    const member = new Client(t.app);
    const { user } = await member.signUp('member@example.com');
    expect((await member.post('/api/invitations/accept', { token })).statusCode).toBe(200);

    const tracks = (await member.get('/api/music/builtin')).json<{ tracks: { previewUrl: string }[] }>();
    const link = tracks.tracks[0]!.previewUrl;
    expect((await t.app.inject(link)).statusCode).toBe(200);
    expect((await owner.delete(`/api/members/${user.id}`)).statusCode).toBeLessThan(300);

    t.clock.advance(20 * 60_000);
    const expired = await t.app.inject(link);
    expect(expired.statusCode).toBe(404);
    expect(expired.json()).toMatchObject({ error: { code: 'not_found' } });
  }, 120_000);
});
