import { afterEach, describe, expect, it } from 'vitest';
import type { PersonaId } from '../core/settings.js';
import { offsetOfPageToken, pageTokenAt } from './page-token.js';
import { SCOPES } from './scopes.js';
import {
  adminCall,
  apiGet,
  connect,
  fakeMp4,
  startSandbox,
  uploadVideo,
  VALID_METADATA,
  type RunningSandbox,
} from './test-support.js';

let sb: RunningSandbox;
afterEach(async () => {
  await sb.close();
});

const DAY = 86_400_000;

interface ItemPage {
  kind: string;
  nextPageToken?: string;
  prevPageToken?: string;
  pageInfo: { totalResults: number; resultsPerPage: number };
  items: {
    kind: string;
    id: string;
    snippet: { position: number; playlistId: string; title: string; resourceId: { videoId: string } };
    contentDetails: { videoId: string; videoPublishedAt: string };
    status: { privacyStatus: string };
  }[];
}

interface VideoItem {
  id: string;
  snippet: { publishedAt: string; title: string };
  contentDetails: { duration: string };
  statistics: { viewCount: string; likeCount?: string; commentCount?: string };
}

async function uploadsPlaylistOf(token: string): Promise<string> {
  const res = await apiGet(sb, '/youtube/v3/channels?part=contentDetails&mine=true', token);
  const body = (await res.json()) as {
    items?: { contentDetails: { relatedPlaylists: { uploads: string } } }[];
  };
  return body.items?.[0]?.contentDetails.relatedPlaylists.uploads ?? '';
}

async function page(token: string, query: string): Promise<ItemPage> {
  const res = await apiGet(
    sb,
    `/youtube/v3/playlistItems?part=snippet,contentDetails,status&${query}`,
    token,
  );
  expect(res.status).toBe(200);
  return (await res.json()) as ItemPage;
}

/** Every item of the playlist, following nextPageToken. */
async function allItems(token: string, playlistId: string, maxResults: number): Promise<ItemPage[]> {
  const pages: ItemPage[] = [];
  let pageToken = '';
  do {
    const next = await page(
      token,
      `playlistId=${playlistId}&maxResults=${maxResults}&pageToken=${pageToken}`,
    );
    pages.push(next);
    pageToken = next.nextPageToken ?? '';
  } while (pageToken !== '' && pages.length < 100);
  return pages;
}

async function videosOf(token: string, ids: string[]): Promise<VideoItem[]> {
  const res = await apiGet(
    sb,
    `/youtube/v3/videos?part=snippet,contentDetails,statistics&id=${ids.join(',')}`,
    token,
  );
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: VideoItem[] }).items;
}

async function reasonOf(res: Response): Promise<[number, string | undefined]> {
  const body = (await res.json()) as { error: { errors: { reason: string }[] } };
  return [res.status, body.error.errors[0]?.reason];
}

/** Seconds of an ISO 8601 duration such as PT1M5S. */
function seconds(iso: string): number {
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(iso);
  return match ? Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0) : NaN;
}

describe('earlier posts in the uploads playlist', () => {
  it('every channel has the world’s 24 earlier posts: newest first, paged by 10, with growing numbers', async () => {
    sb = await startSandbox();
    const startedAt = sb.ctx.clock.now();
    const { access_token } = await connect(sb);
    const playlistId = await uploadsPlaylistOf(access_token);
    const pages = await allItems(access_token, playlistId, 10);
    expect(pages.map((p) => p.items.length)).toEqual([10, 10, 4]);
    expect(pages[0]?.prevPageToken).toBeUndefined();
    expect(pages[1]?.prevPageToken).toBe(pageTokenAt(0));
    expect(pages.every((p) => p.pageInfo.totalResults === 24 && p.pageInfo.resultsPerPage === 10)).toBe(true);
    const items = pages.flatMap((p) => p.items);
    expect(items.map((i) => i.snippet.position)).toEqual([...Array(24).keys()]);
    expect(items.every((i) => i.kind === 'youtube#playlistItem' && i.snippet.playlistId === playlistId)).toBe(
      true,
    );
    const published = items.map((i) => Date.parse(i.contentDetails.videoPublishedAt));
    expect([...published].sort((a, b) => b - a)).toEqual(published);
    // At least a day old, within the world's eight weeks.
    expect(Math.max(...published)).toBeLessThanOrEqual(startedAt - DAY);
    expect(Math.min(...published)).toBeGreaterThanOrEqual(startedAt - DAY - 8 * 7 * DAY - 1000);

    const ids = items.map((i) => i.contentDetails.videoId);
    const first = await videosOf(access_token, ids.slice(0, 24));
    expect(first).toHaveLength(24);
    for (const video of first) {
      expect(Number(video.statistics.viewCount)).toBeGreaterThan(0);
      expect(seconds(video.contentDetails.duration)).toBeGreaterThanOrEqual(10);
      expect(seconds(video.contentDetails.duration)).toBeLessThanOrEqual(90);
    }
    // The creator hid the like count of some earlier posts: likeCount is left out, the rest stays.
    expect(first.some((v) => v.statistics.likeCount === undefined)).toBe(true);
    expect(first.every((v) => v.statistics.commentCount !== undefined)).toBe(true);
    sb.ctx.clock.advance(7 * DAY);
    const later = await videosOf((await connect(sb)).access_token, ids.slice(0, 24));
    for (const video of later) {
      const before = first.find((v) => v.id === video.id);
      expect(Number(video.statistics.viewCount)).toBeGreaterThan(Number(before?.statistics.viewCount));
    }
  });

  it('PATCH /__sandbox/world {historyVideos, historyWeeks} changes how many earlier posts, and over what span', async () => {
    sb = await startSandbox();
    const startedAt = sb.ctx.clock.now();
    const patched = await adminCall(sb, 'PATCH', '/world', { historyVideos: 120, historyWeeks: 2 });
    expect(patched.status).toBe(200);
    const { access_token } = await connect(sb, 'private');
    const pages = await allItems(access_token, await uploadsPlaylistOf(access_token), 50);
    expect(pages.map((p) => p.items.length)).toEqual([50, 50, 20]);
    const published = pages.flatMap((p) => p.items.map((i) => Date.parse(i.contentDetails.videoPublishedAt)));
    expect(Math.min(...published)).toBeGreaterThanOrEqual(startedAt - DAY - 14 * DAY - 1000);
    expect(new Set(pages.flatMap((p) => p.items.map((i) => i.contentDetails.videoId))).size).toBe(120);
  });

  it('uploads come first; the owner sees its private upload, another account only public videos; deleted ones go', async () => {
    sb = await startSandbox();
    sb.ctx.settings.world.historyVideos = 2;
    const owner = await connect(sb, 'public');
    const privateMeta = { ...VALID_METADATA, status: { ...VALID_METADATA.status, privacyStatus: 'private' } };
    const hidden = await uploadVideo(sb, owner.access_token, fakeMp4(3000), privateMeta);
    sb.ctx.clock.advance(1000);
    const shown = await uploadVideo(sb, owner.access_token, fakeMp4(3000));
    sb.ctx.clock.advance(10_000);
    const playlistId = await uploadsPlaylistOf(owner.access_token);
    const seenByOwner = await page(owner.access_token, `playlistId=${playlistId}&maxResults=50`);
    expect(
      seenByOwner.items.slice(0, 2).map((i) => [i.contentDetails.videoId, i.status.privacyStatus]),
    ).toEqual([
      [shown.id, 'public'],
      [hidden.id, 'private'],
    ]);
    expect(seenByOwner.items).toHaveLength(4);
    const other = await connect(sb, 'private');
    const seenByOther = await page(other.access_token, `playlistId=${playlistId}&maxResults=50`);
    expect(seenByOther.items.map((i) => i.contentDetails.videoId)).toEqual(
      seenByOwner.items.map((i) => i.contentDetails.videoId).filter((id) => id !== hidden.id),
    );
    const earlier = seenByOwner.items[3]?.contentDetails.videoId ?? '';
    expect((await adminCall(sb, 'POST', `/youtube/videos/${earlier}/delete`)).status).toBe(200);
    const afterDelete = await page(owner.access_token, `playlistId=${playlistId}&maxResults=50`);
    expect(afterDelete.items.map((i) => i.contentDetails.videoId)).not.toContain(earlier);
    expect(await videosOf(owner.access_token, [earlier])).toEqual([]);
  });

  it('each playlistItems call costs 1 quota unit, and a spent quota answers 403 quotaExceeded', async () => {
    sb = await startSandbox({ dailyQuota: 3 });
    const { access_token } = await connect(sb);
    const playlistId = await uploadsPlaylistOf(access_token);
    await page(access_token, `playlistId=${playlistId}`);
    await page(access_token, `playlistId=${playlistId}`);
    const usage = (await (await adminCall(sb, 'GET', '/youtube/quota')).json()) as {
      usage: { units: number };
    };
    expect(usage.usage.units).toBe(3);
    const spent = await apiGet(
      sb,
      `/youtube/v3/playlistItems?part=id&playlistId=${playlistId}`,
      access_token,
    );
    expect(await reasonOf(spent)).toEqual([403, 'quotaExceeded']);
  });

  it('rejects a missing filter, an unknown playlist, a bad page token, maxResults above 50 and missing scopes', async () => {
    sb = await startSandbox();
    const { access_token } = await connect(sb);
    const playlistId = await uploadsPlaylistOf(access_token);
    const call = (query: string, token: string | undefined = access_token): Promise<Response> =>
      apiGet(sb, `/youtube/v3/playlistItems?${query}`, token);
    expect(await reasonOf(await call('part=snippet'))).toEqual([400, 'missingRequiredParameter']);
    expect(await reasonOf(await call('part=snippet&playlistId=UUnope'))).toEqual([404, 'playlistNotFound']);
    expect(await reasonOf(await call(`part=snippet&playlistId=${playlistId}&pageToken=abc`))).toEqual([
      400,
      'invalidPageToken',
    ]);
    expect(await reasonOf(await call(`part=snippet&playlistId=${playlistId}&maxResults=51`))).toEqual([
      400,
      'invalidParameter',
    ]);
    expect(await reasonOf(await call(`part=nope&playlistId=${playlistId}`))).toEqual([400, 'unknownPart']);
    expect(await reasonOf(await call(`part=id&playlistId=${playlistId}`, 'not-a-token'))).toEqual([
      401,
      'authError',
    ]);
    const uploadOnly = await connect(sb, 'public', { scope: SCOPES.upload });
    expect(await reasonOf(await call(`part=id&playlistId=${playlistId}`, uploadOnly.access_token))).toEqual([
      403,
      'insufficientPermissions',
    ]);
  });

  it('every persona with a channel has its own earlier posts; an account without a channel has none', async () => {
    sb = await startSandbox();
    const firstIds = async (persona: PersonaId): Promise<string[]> => {
      const { access_token } = await connect(sb, persona);
      const items = await page(
        access_token,
        `playlistId=${await uploadsPlaylistOf(access_token)}&maxResults=3`,
      );
      return items.items.map((i) => i.contentDetails.videoId);
    };
    const [mine, theirs] = [await firstIds('public'), await firstIds('private')];
    expect(mine).toHaveLength(3);
    expect(theirs).toHaveLength(3);
    expect(mine.filter((id) => theirs.includes(id))).toEqual([]);
    expect(await uploadsPlaylistOf((await connect(sb, 'no-channel')).access_token)).toBe('');
  });
});

describe('page tokens', () => {
  it('look like YouTube’s (offset 5 is EAAaBlBUOkNBVQ) and read back; anything else is refused', () => {
    expect(pageTokenAt(5)).toBe('EAAaBlBUOkNBVQ');
    for (const offset of [0, 1, 49, 50, 127, 128, 1000, 123_456]) {
      expect(offsetOfPageToken(pageTokenAt(offset))).toBe(offset);
    }
    expect(offsetOfPageToken('abc')).toBeNull();
    expect(offsetOfPageToken('')).toBeNull();
    expect(offsetOfPageToken(`${pageTokenAt(5)}x`)).toBeNull();
  });
});
