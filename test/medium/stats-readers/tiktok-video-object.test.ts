import { describe, expect, it } from 'vitest';
import { parseTiktokJson } from '../../../src/adapters/platforms/tiktok/tiktok-json.js';
import {
  accountPostOf,
  countersOf,
  videoObjectId,
  videoObjectsOf,
} from '../../../src/adapters/platforms/tiktok/tiktok-video-object.js';

/** Video objects as TikTok's JSON text carries them, parsed the way the reader parses answers. */
function videosIn(json: string): Record<string, unknown>[] {
  const parsed = parseTiktokJson(json) as { data: Record<string, unknown> };
  return videoObjectsOf(parsed.data);
}

describe('TikTok video objects (the stats reader’s mapping)', () => {
  it('a counter TikTok leaves out or garbles is null, never 0; a real 0 stays 0', () => {
    const [video] = videosIn(
      '{"data":{"videos":[{"id":"7312","view_count":0,"like_count":-1,"comment_count":2.5}]},"error":{"code":"ok"}}',
    );
    expect(countersOf(video ?? {})).toEqual({
      views: 0,
      likes: null,
      comments: null,
      shares: null,
      extra: {},
    });
  });

  it('int64 view counts past 15 digits and bare-number ids survive parsing', () => {
    const [video] = videosIn(
      '{"data":{"videos":[{"id":7312345678901234567,"view_count":1234567890123456,"share_count":"12"}]}}',
    );
    expect(videoObjectId(video ?? {})).toBe('7312345678901234567');
    expect(countersOf(video ?? {})).toMatchObject({ views: 1234567890123456, shares: 12 });
  });

  it('an object without a usable id is skipped; a non-list `videos` is no videos', () => {
    expect(videoObjectId({ id: '' })).toBeNull();
    expect(videoObjectId({ id: 1.5 })).toBeNull();
    expect(videoObjectsOf({ videos: 'none' })).toEqual([]);
    expect(videoObjectsOf({ videos: [null, 3, { id: 'a' }] })).toEqual([{ id: 'a' }]);
  });

  it('an earlier post takes its caption from video_description, else title, and its time from create_time', () => {
    const post = accountPostOf({
      id: '7312',
      create_time: 1_767_225_600,
      title: 'Short title',
      video_description: '  The caption #ai  ',
      duration: 34,
      share_url: 'https://www.tiktok.com/@ai.factory/video/7312',
      view_count: 1500,
    });
    expect(post).toEqual({
      platformPostId: '7312',
      title: 'The caption #ai',
      url: 'https://www.tiktok.com/@ai.factory/video/7312',
      durationSec: 34,
      publishedAt: '2026-01-01T00:00:00.000Z',
      counters: { views: 1500, likes: null, comments: null, shares: null, extra: {} },
    });
    expect(accountPostOf({ id: '7313', create_time: 1_767_225_600, title: 'Only a title' })).toMatchObject({
      title: 'Only a title',
      url: null,
      durationSec: null,
      // No counter at all: the import reads the numbers separately rather than storing zeros.
      counters: null,
    });
  });

  it('an earlier post without an id or a create_time cannot be placed in time and is left out', () => {
    expect(accountPostOf({ create_time: 1_767_225_600 })).toBeNull();
    expect(accountPostOf({ id: '7312' })).toBeNull();
    expect(accountPostOf({ id: '7312', create_time: '1767225600' })).toBeNull();
  });
});
