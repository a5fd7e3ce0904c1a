import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeWav } from '../../../src/domain/music/index.js';
import { Client, startTestApp, type TestApp } from '../../fakes/test-app.js';

interface Track {
  choice: string;
  name: string;
  description: string;
  previewUrl: string;
}

interface ErrorReply {
  error: { code: string; message: string };
}

/** One second of a quiet A as a WAV file, the way a person's upload would arrive. */
function songWav(): Buffer {
  const left = Float32Array.from(
    { length: 48_000 },
    (_, i) => 0.2 * Math.sin((2 * Math.PI * 440 * i) / 48_000),
  );
  return Buffer.from(encodeWav({ sampleRate: 48_000, left, right: left }));
}

async function multipart(name: string, data: Buffer) {
  const form = new FormData();
  form.append('file', new Blob([data]), name);
  const request = new Request('http://multipart.test/', { method: 'POST', body: form });
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    contentType: request.headers.get('content-type') ?? '',
  };
}

describe('background music over HTTP', () => {
  let t: TestApp;
  let owner: Client;

  beforeAll(async () => {
    t = await startTestApp();
    owner = new Client(t.app, t.origin);
    await owner.signUp('music-owner@example.com');
  });
  afterAll(async () => t.close());

  it('lists the built-in tracks to a signed-in person, each with a preview that plays', async () => {
    expect((await new Client(t.app, t.origin).get('/api/music/builtin')).statusCode).toBe(401);
    const listed = await owner.get('/api/music/builtin');
    expect(listed.statusCode).toBe(200);
    const { tracks } = listed.json<{ tracks: Track[] }>();
    expect(tracks.map((track) => [track.choice, track.name])).toEqual([
      ['builtin:calm', 'Calm'],
      ['builtin:bright', 'Bright'],
    ]);
    for (const track of tracks) {
      expect(track.previewUrl).toMatch(/^\/media\/builtin\/music\/(calm|bright)-v1\.wav\?exp=\d+&sig=/);
      const file = await t.app.inject({ method: 'GET', url: track.previewUrl });
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toMatch(/^audio\/(x-)?wav/);
      expect(file.rawPayload.subarray(0, 4).toString('latin1')).toBe('RIFF');
      // Players fetch ranges to seek.
      const range = await t.app.inject({
        method: 'GET',
        url: track.previewUrl,
        headers: { range: 'bytes=0-99' },
      });
      expect(range.statusCode).toBe(206);
    }
    // A tampered link is refused.
    const forged = tracks[0]!.previewUrl.replace('calm', 'bright');
    expect((await t.app.inject({ method: 'GET', url: forged })).statusCode).toBe(404);
  });

  it('takes a built-in track, or an audio upload of the workspace, as a brief’s music', async () => {
    const calm = await owner.post('/api/items', { topic: 'Cold brew at home', music: 'builtin:calm' });
    expect(calm.statusCode).toBe(201);
    expect(calm.json<{ item: { brief: { music: string } } }>().item.brief.music).toBe('builtin:calm');

    const { payload, contentType } = await multipart('evening piano.wav', songWav());
    const uploaded = await t.app.inject({
      method: 'POST',
      url: '/api/library',
      headers: { origin: t.origin, cookie: owner.cookieHeader ?? '', 'content-type': contentType },
      payload,
    });
    expect(uploaded.statusCode).toBe(201);
    const song = uploaded.json<{ id: string; kind: string; durationMs: number }>();
    expect(song).toMatchObject({ kind: 'audio', durationMs: 1000 });

    const withSong = await owner.post('/api/items', {
      topic: 'Tea for beginners',
      music: `library:${song.id}`,
    });
    expect(withSong.statusCode).toBe(201);
    const series = await owner.post('/api/items/series', {
      csv: `topic,music\nMorning stretches,builtin:bright\nEvening walks,library:${song.id}\nQuiet reading,\n`,
    });
    expect(series.statusCode).toBe(201);
    const briefs = series.json<{ items: { item: { brief: { music: string } } }[] }>().items;
    expect(briefs.map((entry) => entry.item.brief.music)).toEqual([
      'builtin:bright',
      `library:${song.id}`,
      'none',
    ]);
  });

  it('answers 400 music_not_found for music that is not an audio file of the workspace', async () => {
    const missing = await owner.post('/api/items', {
      topic: 'Cold brew at home',
      music: 'library:01jnothere',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json<ErrorReply>().error).toMatchObject({
      code: 'music_not_found',
      message: expect.stringContaining('no longer in the media library') as unknown,
    });

    const series = await owner.post('/api/items/series', {
      csv: 'topic,music\nMorning stretches,builtin:calm\nEvening walks,library:01jnothere\n',
    });
    expect(series.statusCode).toBe(400);
    expect(series.json<ErrorReply>().error.message).toMatch(/^Brief 2: /);

    const unknownTrack = await owner.post('/api/items/series', {
      csv: 'topic,music\nCold brew,builtin:jazz\n',
    });
    expect(unknownTrack.statusCode).toBe(400);
    expect(unknownTrack.json<ErrorReply>().error).toMatchObject({
      code: 'brief_invalid',
      message: expect.stringContaining('Brief 1: music') as unknown,
    });
  });
});
