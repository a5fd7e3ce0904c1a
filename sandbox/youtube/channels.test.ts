import { afterEach, describe, expect, it } from 'vitest';
import { apiGet, connect, fakeMp4, startSandbox, uploadVideo, type RunningSandbox } from './test-support.js';

let sb: RunningSandbox;
afterEach(async () => {
  await sb.close();
});

const MINE = '/youtube/v3/channels?part=snippet,statistics,contentDetails,status&mine=true';

interface ChannelList {
  kind: string;
  pageInfo: { totalResults: number };
  items?: {
    id: string;
    snippet: { title: string; customUrl: string; thumbnails: Record<string, { url: string }> };
    statistics: Record<string, unknown>;
    contentDetails: { relatedPlaylists: { uploads: string } };
    status: { longUploadsStatus: string };
  }[];
}

describe('channels.list', () => {
  it('mine=true returns the channel: UC id, @handle, thumbnails, string statistics, uploads playlist', async () => {
    sb = await startSandbox();
    const { access_token } = await connect(sb);
    const res = await apiGet(sb, MINE, access_token);
    expect(res.status).toBe(200);
    const body = (await res.json()) as ChannelList;
    expect(body.kind).toBe('youtube#channelListResponse');
    const channel = body.items?.[0];
    expect(channel?.id).toMatch(/^UC[A-Za-z0-9_-]{22}$/);
    expect(channel?.snippet.customUrl).toMatch(/^@/);
    expect(Object.keys(channel?.snippet.thumbnails ?? {})).toEqual(['default', 'medium', 'high']);
    expect(channel?.statistics).toMatchObject({
      viewCount: expect.any(String) as unknown,
      subscriberCount: expect.any(String) as unknown,
      hiddenSubscriberCount: false,
      // The channel's earlier posts (the world's history) are public videos already.
      videoCount: String(sb.ctx.settings.world.historyVideos),
    });
    expect(channel?.contentDetails.relatedPlaylists.uploads).toBe(`UU${channel?.id.slice(2)}`);
    expect(channel?.status.longUploadsStatus).toBeTruthy();
  });

  it('an account without a channel gets no items (omitted, as the real API does; configurable to [])', async () => {
    sb = await startSandbox();
    const { access_token } = await connect(sb, 'no-channel');
    const body = (await (await apiGet(sb, MINE, access_token)).json()) as ChannelList;
    expect(body.pageInfo.totalResults).toBe(0);
    expect(body.items).toBeUndefined();
    sb.ctx.settings.google.emptyChannelItems = 'empty-array';
    const again = (await (await apiGet(sb, MINE, access_token)).json()) as ChannelList;
    expect(again.items).toEqual([]);
  });

  it('videoCount and viewCount follow the channel’s public videos and grow with the clock', async () => {
    sb = await startSandbox();
    sb.ctx.settings.world.historyVideos = 3;
    const { access_token } = await connect(sb);
    await uploadVideo(sb, access_token, fakeMp4(2000));
    const mine = async (): Promise<ChannelList> =>
      (await (await apiGet(sb, MINE, (await connect(sb)).access_token)).json()) as ChannelList;
    sb.ctx.clock.advance(3_600_000);
    const early = await mine();
    sb.ctx.clock.advance(48 * 3_600_000);
    const later = await mine();
    expect(early.items?.[0]?.statistics.videoCount).toBe('4');
    expect(Number(later.items?.[0]?.statistics.viewCount)).toBeGreaterThan(
      Number(early.items?.[0]?.statistics.viewCount),
    );
  });

  it('needs a read scope: youtube.upload alone → 403 insufficientPermissions', async () => {
    sb = await startSandbox();
    const { access_token } = await connect(sb, 'public', {
      scope: 'https://www.googleapis.com/auth/youtube.upload',
    });
    const res = await apiGet(sb, MINE, access_token);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { errors: { reason: string }[] } }).error.errors[0]?.reason).toBe(
      'insufficientPermissions',
    );
  });

  it('rejects a missing filter, an unknown part, no credentials and an unknown API key', async () => {
    sb = await startSandbox();
    const { access_token } = await connect(sb);
    const reasonOf = async (res: Response): Promise<[number, string | undefined]> => [
      res.status,
      ((await res.json()) as { error: { errors: { reason: string }[] } }).error.errors[0]?.reason,
    ];
    expect(await reasonOf(await apiGet(sb, '/youtube/v3/channels?part=snippet', access_token))).toEqual([
      400,
      'missingRequiredParameter',
    ]);
    expect(
      await reasonOf(await apiGet(sb, '/youtube/v3/channels?part=snippet,nope&mine=true', access_token)),
    ).toEqual([400, 'unknownPart']);
    expect(await reasonOf(await apiGet(sb, '/youtube/v3/channels?mine=true', access_token))).toEqual([
      400,
      'required',
    ]);
    expect(await reasonOf(await apiGet(sb, MINE))).toEqual([403, 'forbidden']);
    expect(await reasonOf(await apiGet(sb, `${MINE}&key=AIzaSyFake`))).toEqual([400, 'keyInvalid']);
  });
});
