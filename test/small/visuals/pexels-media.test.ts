import { describe, expect, it } from 'vitest';
import { errorForStatus } from '../../../src/adapters/ai/visuals/pexels-http.js';
import {
  photoCandidate,
  pickVideoFile,
  type PexelsPhoto,
  type PexelsVideo,
} from '../../../src/adapters/ai/visuals/pexels-media.js';
import { searchQuery, stockKey } from '../../../src/adapters/ai/visuals/pexels-visuals.js';
import { BugError, TransientError, UserError } from '../../../src/domain/errors.js';
import { makeBrief } from './brief.js';

const file = (width: number | null, height: number | null, file_type = 'video/mp4') => ({
  id: (width ?? 0) * 10_000 + (height ?? 0),
  quality: 'hd',
  file_type,
  width,
  height,
  link: `https://videos.example/${width}x${height}.mp4`,
});
const video = (...files: ReturnType<typeof file>[]): PexelsVideo => ({
  id: 1,
  user: { name: 'Ana' },
  video_files: files,
});

describe('pickVideoFile', () => {
  it.each([
    ['the smallest that fills 1920 px', [file(2160, 3840), file(1080, 1920), file(720, 1280)], '1080x1920'],
    ['the tallest when none fills 1920 px', [file(720, 1280), file(1080, 1440), file(540, 960)], '1080x1440'],
    ['only MP4 files', [file(1080, 1920, 'application/x-mpegURL'), file(720, 1280)], '720x1280'],
    ['past files without dimensions', [file(null, null), file(1440, 2560)], '1440x2560'],
  ])('picks %s', (_what, files, expected) => {
    expect(pickVideoFile(video(...files))?.url).toBe(`https://videos.example/${expected}.mp4`);
  });

  it.each([
    ['only landscape files', [file(1920, 1080), file(3840, 2160)]],
    ['portrait files under 1080 px tall', [file(540, 960), file(360, 640)]],
    ['no files', []],
  ])('gives null for %s', (_what, files) => expect(pickVideoFile(video(...files))).toBeNull());

  it('credits the videographer', () => {
    expect(pickVideoFile(video(file(1080, 1920)))).toMatchObject({
      mediaType: 'video',
      extension: 'mp4',
      credit: 'Ana on Pexels',
    });
  });
});

describe('photoCandidate', () => {
  const photo = (portrait: string): PexelsPhoto => ({
    id: 7,
    width: 3000,
    height: 4500,
    photographer: 'Mia Chen',
    src: { original: 'https://images.example/7.jpeg', portrait },
  });

  it.each([
    ['https://images.example/photos/7/pexels-photo-7.jpeg?fit=crop&h=1200&w=800', 'jpg'],
    ['https://images.example/photos/7/pexels-photo-7.png?fit=crop&h=1200&w=800', 'png'],
  ])('uses the portrait crop %s as %s', (url, extension) => {
    expect(photoCandidate(photo(url))).toEqual({
      url,
      mediaType: 'image',
      extension,
      credit: 'Mia Chen on Pexels',
    });
  });
});

describe('searchQuery and stockKey', () => {
  it.each([
    [
      { text: 'Hi', visualCue: 'Close-up shot of steaming coffee cups on a wooden desk' },
      'steaming coffee cups',
    ],
    [{ text: 'Drink more water every morning', visualCue: '' }, 'drink water morning'],
    [{ text: 'It is', visualCue: 'a shot' }, null],
  ])('%o → %s', (beat, expected) => expect(searchQuery({ beat, brief: makeBrief() })).toBe(expected));

  it('names a file by a hash of its URL, under stock/pexels', () => {
    const candidate = {
      url: 'https://v.example/1.mp4',
      mediaType: 'video' as const,
      extension: 'mp4' as const,
      credit: '',
    };
    expect(stockKey(candidate)).toMatch(/^stock\/pexels\/[0-9a-f]{40}\.mp4$/);
    expect(stockKey(candidate)).toBe(stockKey({ ...candidate }));
    expect(stockKey({ ...candidate, url: 'https://v.example/2.mp4' })).not.toBe(stockKey(candidate));
  });
});

describe('errorForStatus', () => {
  const answer = (status: number, headers: Record<string, string> = {}) =>
    new Response(null, { status, headers });

  it.each([
    [401, UserError, 'provider_auth'],
    [403, UserError, 'provider_auth'],
    [429, TransientError, 'provider_rate_limited'],
    [500, TransientError, 'provider_unavailable'],
    [503, TransientError, 'provider_unavailable'],
    [400, BugError, 'provider_rejected'],
  ])('%d → %o %s', (status, type, code) => {
    const error = errorForStatus(answer(status));
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject({ code });
  });

  it('reads Retry-After on a 429', () => {
    expect(errorForStatus(answer(429, { 'retry-after': '30' }))).toMatchObject({ retryAfterMs: 30_000 });
  });
});
