import { describe, expect, it } from 'vitest';
import type { PlatformResponse } from '../../../src/adapters/platforms/http.js';
import { regainAccessAt } from '../../../src/adapters/platforms/instagram/instagram-graph-client.js';
import {
  graphTime,
  parseContainerState,
  parseId,
  matchPublishedMedia,
  parseMediaList,
  parsePublishingLimit,
} from '../../../src/adapters/platforms/instagram/publish-responses.js';

const NOW = Date.UTC(2026, 11, 7, 10, 0);

function withHeaders(headers: Record<string, string>): PlatformResponse {
  return { status: 400, headers: new Headers(headers), json: null, text: '' };
}

describe('Instagram publishing answers', () => {
  it('reads the container status and the subcode Meta writes into the status text', () => {
    expect(parseContainerState({ status_code: 'IN_PROGRESS', status: 'In Progress' })).toEqual({
      statusCode: 'IN_PROGRESS',
      status: 'In Progress',
      subcode: null,
    });
    expect(
      parseContainerState({
        status_code: 'ERROR',
        status: 'Error: Media upload has failed with error code 2207082',
      }),
    ).toMatchObject({ statusCode: 'ERROR', subcode: 2207082 });
    expect(parseContainerState({ status_code: 'PUBLISHED' }).statusCode).toBe('PUBLISHED');
    expect(parseContainerState({ status_code: 'SOMETHING_NEW' }).statusCode).toBe('UNKNOWN');
    expect(parseContainerState({}).statusCode).toBe('UNKNOWN');
  });

  it('reads ids given as strings or numbers', () => {
    expect(parseId({ id: '17889455560051444' })).toBe('17889455560051444');
    expect(parseId({ id: 42 })).toBe('42');
    expect(parseId({})).toBeNull();
  });

  it('reads content_publishing_limit, with the documented 24 h default window', () => {
    expect(
      parsePublishingLimit({
        data: [{ quota_usage: 2, config: { quota_total: 50, quota_duration: 86400 } }],
      }),
    ).toEqual({ usage: 2, total: 50, durationSec: 86400 });
    expect(parsePublishingLimit({ data: [{ quota_usage: '3', config: { quota_total: '100' } }] })).toEqual({
      usage: 3,
      total: 100,
      durationSec: 86400,
    });
    expect(parsePublishingLimit({ data: [{ quota_usage: 2 }] })).toBeNull();
    expect(parsePublishingLimit({ data: [] })).toBeNull();
  });

  it("reads the account's media with Meta's +0000 timestamps", () => {
    const media = parseMediaList({
      data: [
        {
          id: '1',
          permalink: 'https://www.instagram.com/reel/A/',
          timestamp: '2026-12-07T10:00:00+0000',
          caption: 'hi',
        },
        { id: '2', timestamp: 'garbage' },
        { permalink: 'no id' },
      ],
    });
    expect(media).toEqual([
      { id: '1', permalink: 'https://www.instagram.com/reel/A/', publishedAt: NOW, caption: 'hi' },
      { id: '2', permalink: null, publishedAt: null, caption: '' },
    ]);
    expect(graphTime('2026-12-07T12:00:00+0200')).toBe(NOW);
  });

  it('finds the post of a lost publish: same caption, not before the attempt, the oldest of those', () => {
    const at = (minutes: number) => NOW + minutes * 60_000;
    const media = [
      { id: 'newer', permalink: null, publishedAt: at(5), caption: 'Reel #1' },
      { id: 'other-caption', permalink: null, publishedAt: at(2), caption: 'Another' },
      { id: 'ours', permalink: null, publishedAt: at(1), caption: 'Reel #1 ' },
      { id: 'too-early', permalink: null, publishedAt: at(-30), caption: 'Reel #1' },
      { id: 'no-time', permalink: null, publishedAt: null, caption: 'Reel #1' },
    ];
    expect(matchPublishedMedia(media, 'Reel #1', at(-10))?.id).toBe('ours');
    expect(matchPublishedMedia(media, 'Missing', at(-10))).toBeUndefined();
  });

  it('dates the end of a rate limit from Retry-After or the usage header', () => {
    expect(regainAccessAt(withHeaders({ 'retry-after': '30' }), NOW)).toBe(NOW + 30_000);
    const usage = JSON.stringify({
      '17841400000000000': [
        { type: 'instagram', call_count: 100, estimated_time_to_regain_access: 12 },
        { type: 'instagram', call_count: 80, estimated_time_to_regain_access: 3 },
      ],
    });
    expect(regainAccessAt(withHeaders({ 'x-business-use-case-usage': usage }), NOW)).toBe(NOW + 12 * 60_000);
    expect(regainAccessAt(withHeaders({ 'x-business-use-case-usage': 'not json' }), NOW)).toBeNull();
    expect(regainAccessAt(withHeaders({}), NOW)).toBeNull();
  });
});
