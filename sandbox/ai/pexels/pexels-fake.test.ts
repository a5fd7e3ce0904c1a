import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_PEXELS_KEY, startPexelsFake } from './server.js';
import { servedPhotoSize } from './media-files.js';

const ffprobe = (() => {
  try {
    execFileSync('ffprobe', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

let now = Date.parse('2026-03-01T10:00:00Z');
let fake: Awaited<ReturnType<typeof startPexelsFake>>;
const auth = { Authorization: SANDBOX_PEXELS_KEY };

beforeAll(async () => {
  fake = await startPexelsFake({ hourlyLimit: 50, now: () => now });
});
afterAll(async () => fake.close());

const get = (path: string, headers: Record<string, string> = auth) =>
  fetch(`${fake.baseUrl}${path}`, { headers });

describe('Pexels fake: search', () => {
  it('answers a video search with Pexels video resources, portrait only when asked', async () => {
    const response = await get(
      '/videos/search?query=ocean+nature&orientation=portrait&size=medium&per_page=5',
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      page: number;
      per_page: number;
      total_results: number;
      url: string;
      videos: { id: number; width: number; height: number; user: { name: string }; video_files: unknown[] }[];
    };
    expect([body.page, body.per_page, body.url]).toEqual([
      1,
      5,
      'https://www.pexels.com/search/videos/ocean%20nature/',
    ]);
    expect(body.videos.map((v) => v.id)).toEqual([1001, 1002]);
    expect(body.videos.every((v) => v.height > v.width)).toBe(true);
    expect(body.videos[0]?.user.name).toBe('Ana Souza');
    expect(body.videos[0]?.video_files).toContainEqual({
      id: 100102,
      quality: 'hd',
      file_type: 'video/mp4',
      width: 1080,
      height: 1920,
      fps: 30,
      link: `${fake.baseUrl}/video-files/1001/1001-hd_1080_1920_30fps.mp4`,
    });
    expect(body.videos[0]?.video_files).toContainEqual(
      expect.objectContaining({ quality: 'hls', width: null }),
    );
  });

  it('filters videos by size class: medium means Full HD, so a 720p-only subject is left out', async () => {
    const medium = (await (await get('/videos/search?query=coffee&size=medium')).json()) as {
      videos: unknown[];
    };
    const any = (await (await get('/videos/search?query=coffee')).json()) as { videos: unknown[] };
    expect([medium.videos.length, any.videos.length]).toEqual([0, 1]);
  });

  it('answers a photo search with every src size, portrait crop included', async () => {
    const response = await get('/v1/search?query=mountain+coffee&orientation=portrait&per_page=5');
    const body = (await response.json()) as {
      total_results: number;
      photos: { id: number; photographer: string; src: Record<string, string>; avg_color: string }[];
    };
    // The mountain photo is landscape, so a portrait search finds only the coffee cup.
    expect(body.photos.map((p) => p.id)).toEqual([1003]);
    expect(Object.keys(body.photos[0]?.src ?? {}).sort()).toEqual(
      ['landscape', 'large', 'large2x', 'medium', 'original', 'portrait', 'small', 'tiny'].sort(),
    );
    expect(body.photos[0]?.src.portrait).toBe(
      `${fake.baseUrl}/photos/1003/pexels-photo-1003.jpeg?auto=compress&cs=tinysrgb&fit=crop&h=1200&w=800`,
    );
  });

  it('pages results with next_page and caps per_page at 80', async () => {
    const first = (await (await get('/v1/search?query=nature&per_page=1')).json()) as Record<string, unknown>;
    expect(first).toMatchObject({ page: 1, per_page: 1, total_results: 3 });
    expect(first.next_page).toContain('page=2');
    expect(first.prev_page).toBeUndefined();
    const capped = (await (await get('/v1/search?query=nature&per_page=500')).json()) as Record<
      string,
      unknown
    >;
    expect(capped.per_page).toBe(80);
  });

  it('refuses a search without a query', async () => {
    const response = await get('/v1/search?orientation=portrait');
    expect(response.status).toBe(400);
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['error']);
    expect(typeof body.error).toBe('string');
  });

  it('looks single photos and videos up by id', async () => {
    expect((await get('/v1/photos/1004')).status).toBe(200);
    expect((await get('/videos/videos/1007')).status).toBe(404);
  });
});

describe('Pexels fake: keys, rate limit and faults', () => {
  it('refuses a missing or unknown key with 401 and no rate-limit headers', async () => {
    const attempts: Record<string, string>[] = [
      {},
      { Authorization: 'wrong' },
      { Authorization: `Bearer ${SANDBOX_PEXELS_KEY}` },
    ];
    for (const headers of attempts) {
      const response = await get('/v1/search?query=ocean', headers);
      expect(response.status).toBe(401);
      expect(response.headers.get('x-ratelimit-remaining')).toBeNull();
    }
  });

  it('counts requests down in X-Ratelimit-* headers, answers 429 when used up, and resets with the window', async () => {
    fake.state.remaining = 2;
    const ok = await get('/v1/search?query=ocean');
    expect(ok.headers.get('x-ratelimit-limit')).toBe('50');
    expect(ok.headers.get('x-ratelimit-remaining')).toBe('1');
    expect(Number(ok.headers.get('x-ratelimit-reset'))).toBe(Math.floor(fake.state.resetAtMs / 1000));
    await get('/v1/search?query=ocean');
    const limited = await get('/v1/search?query=ocean');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-ratelimit-remaining')).toBeNull();
    now += 3_600_000;
    const again = await get('/v1/search?query=ocean');
    expect([again.status, again.headers.get('x-ratelimit-remaining')]).toEqual([200, '49']);
  });

  it('serves injected 5xx answers, then recovers', async () => {
    fake.state.injectFault({ type: 'status', status: 503 }, 2);
    expect((await get('/videos/search?query=ocean')).status).toBe(503);
    expect((await get('/videos/search?query=ocean')).status).toBe(503);
    expect((await get('/videos/search?query=ocean')).status).toBe(200);
  });

  it('logs API requests with their query and key', async () => {
    await get('/videos/search?query=forest&orientation=portrait');
    expect(fake.state.requests.at(-1)).toMatchObject({
      path: '/videos/search',
      query: { query: 'forest', orientation: 'portrait' },
      authorization: SANDBOX_PEXELS_KEY,
      status: 200,
    });
  });
});

describe('Pexels fake: media files', () => {
  it.each([
    [
      { width: 3000, height: 4500 },
      { fit: 'crop', w: '800', h: '1200' },
      { width: 800, height: 1200 },
    ],
    [
      { width: 3000, height: 4500 },
      { dpr: '2', w: '940', h: '650' },
      { width: 866, height: 1300 },
    ],
    [{ width: 3000, height: 4500 }, {}, { width: 2666, height: 4000 }],
    [{ width: 2000, height: 3000 }, { h: '350' }, { width: 234, height: 350 }],
  ])('sizes %o with %o as %o', (original, query, expected) => {
    expect(servedPhotoSize(original, query)).toEqual(expected);
  });

  it.skipIf(!ffprobe && process.env.CI !== 'true')(
    'serves real JPEG and MP4 files of the listed sizes',
    async () => {
      const photo = await fetch(`${fake.baseUrl}/photos/1003/pexels-photo-1003.jpeg?fit=crop&h=1200&w=800`);
      expect([photo.status, photo.headers.get('content-type')]).toEqual([200, 'image/jpeg']);
      const video = await fetch(`${fake.baseUrl}/video-files/1002/1002-hd_720_1280_30fps.mp4`);
      expect([video.status, video.headers.get('content-type')]).toEqual([200, 'video/mp4']);
      const bytes = Buffer.from(await video.arrayBuffer());
      const probe = execFileSync(
        'ffprobe',
        ['-v', 'error', '-show_entries', 'stream=codec_name,width,height', '-of', 'csv=p=0', '-i', 'pipe:0'],
        { input: bytes },
      ).toString();
      expect(probe.trim()).toBe('h264,720,1280');
      expect(fake.state.downloads.slice(-2)).toEqual([
        '/photos/1003/pexels-photo-1003.jpeg',
        '/video-files/1002/1002-hd_720_1280_30fps.mp4',
      ]);
    },
  );

  it('answers 404 for files that are not listed', async () => {
    expect((await fetch(`${fake.baseUrl}/video-files/1002/1002-uhd_2160_3840_30fps.mp4`)).status).toBe(404);
    expect((await fetch(`${fake.baseUrl}/photos/9999/pexels-photo-9999.jpeg`)).status).toBe(404);
  });
});
