import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { freePort } from '../test/fakes/free-port.js';

describe('npm run sandbox', () => {
  it('prints the eight base URL settings as its first stdout line and serves every host', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'sandbox/main.ts', '--port', String(port)], {
      env: { PATH: process.env.PATH, SANDBOX_AUTO_CONSENT: 'public' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const firstLine = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).once('line', resolve);
        child.once('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
      });
      const urls = JSON.parse(firstLine) as Record<string, string>;
      expect(Object.keys(urls).sort()).toEqual([
        'GOOGLE_AUTH_BASE_URL',
        'GOOGLE_OAUTH2_BASE_URL',
        'INSTAGRAM_API_BASE_URL',
        'INSTAGRAM_AUTH_BASE_URL',
        'INSTAGRAM_GRAPH_BASE_URL',
        'TIKTOK_API_BASE_URL',
        'TIKTOK_AUTH_BASE_URL',
        'YOUTUBE_API_BASE_URL',
      ]);
      for (const url of Object.values(urls)) expect(url.startsWith(`http://127.0.0.1:${port}/`)).toBe(true);

      // Each host answers in its platform's own way.
      const tiktok = await fetch(`${urls.TIKTOK_API_BASE_URL}/v2/user/info/?fields=open_id`);
      expect(tiktok.status).toBe(401);
      expect(((await tiktok.json()) as { error: { code: string } }).error.code).toBe('access_token_invalid');
      const graph = await fetch(`${urls.INSTAGRAM_GRAPH_BASE_URL}/v25.0/me?access_token=nope`);
      expect(((await graph.json()) as { error: { code: number } }).error.code).toBe(190);
      const youtube = await fetch(`${urls.YOUTUBE_API_BASE_URL}/youtube/v3/channels?part=snippet&mine=true`);
      // Without credentials Google answers in its JSON error envelope, with the status in the body too.
      const youtubeError = ((await youtube.json()) as { error: { code: number } }).error;
      expect(youtubeError.code).toBe(youtube.status);
      expect([401, 403]).toContain(youtube.status);
      const consent = await fetch(
        `${urls.GOOGLE_AUTH_BASE_URL}/o/oauth2/v2/auth?client_id=sandbox-client.apps.googleusercontent.com&redirect_uri=${encodeURIComponent('http://localhost:8080/oauth/youtube/callback')}&response_type=code&scope=${encodeURIComponent('https://www.googleapis.com/auth/youtube.readonly')}&state=s&code_challenge=${'a'.repeat(43)}&code_challenge_method=S256`,
        { redirect: 'manual' },
      );
      expect(consent.status).toBe(302);
      expect(consent.headers.get('location')).toMatch(
        /^http:\/\/localhost:8080\/oauth\/youtube\/callback\?.*code=/,
      );
      const admin = await fetch(`http://127.0.0.1:${port}/__sandbox/clock`);
      expect(admin.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
