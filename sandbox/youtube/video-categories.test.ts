import { afterEach, describe, expect, it } from 'vitest';
import {
  adminCall,
  apiGet,
  connect,
  fakeMp4,
  initUpload,
  startSandbox,
  uploadVideo,
  VALID_METADATA,
  type RunningSandbox,
} from './test-support.js';
import { SCOPES } from './scopes.js';

let sb: RunningSandbox;
afterEach(async () => {
  await sb.close();
});

interface CategoryItem {
  kind: string;
  id: string;
  snippet: { title: string; assignable: boolean; channelId: string };
}

describe('videoCategories.list', () => {
  it('regionCode=US lists every category with snippet.assignable; 1 unit', async () => {
    sb = await startSandbox();
    const { access_token } = await connect(sb);
    const before = (await (await adminCall(sb, 'GET', '/youtube/quota')).json()) as {
      usage: { units: number };
    };
    const res = await apiGet(sb, '/youtube/v3/videoCategories?part=snippet&regionCode=US', access_token);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { kind: string; items: CategoryItem[] };
    expect(body.kind).toBe('youtube#videoCategoryListResponse');
    expect(body.items.find((c) => c.id === '22')).toMatchObject({
      kind: 'youtube#videoCategory',
      snippet: { title: 'People & Blogs', assignable: true },
    });
    expect(body.items.find((c) => c.id === '42')?.snippet.assignable).toBe(false);
    const after = (await (await adminCall(sb, 'GET', '/youtube/quota')).json()) as {
      usage: { units: number };
    };
    expect(after.usage.units - before.usage.units).toBe(1);
  });

  it('every assignable category is accepted by videos.insert, and a listed non-assignable one is refused', async () => {
    sb = await startSandbox();
    const { access_token } = await connect(sb);
    const res = await apiGet(sb, '/youtube/v3/videoCategories?part=snippet&regionCode=US', access_token);
    const items = ((await res.json()) as { items: CategoryItem[] }).items;
    const assignable = items.filter((c) => c.snippet.assignable);
    expect(assignable.length).toBeGreaterThan(10);
    const init = (categoryId: string) =>
      initUpload(sb, access_token, 1000, {
        ...VALID_METADATA,
        snippet: { ...VALID_METADATA.snippet, categoryId },
      });
    expect((await init(assignable[0]?.id ?? '')).status).toBe(200);
    const refused = await init('42');
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: { errors: [{ reason: 'invalidCategoryId' }] } });
  });

  it('needs exactly one filter, a known part, a readable region and known ids', async () => {
    sb = await startSandbox();
    const { access_token } = await connect(sb);
    const reason = async (query: string): Promise<[number, string | undefined]> => {
      const res = await apiGet(sb, `/youtube/v3/videoCategories?${query}`, access_token);
      const body = (await res.json()) as { error?: { errors: { reason: string }[] } };
      return [res.status, body.error?.errors[0]?.reason];
    };
    expect(await reason('part=snippet')).toEqual([400, 'missingRequiredParameter']);
    expect(await reason('part=snippet&regionCode=US&id=22')).toEqual([400, 'missingRequiredParameter']);
    expect(await reason('part=statistics&regionCode=US')).toEqual([400, 'unknownPart']);
    expect(await reason('part=snippet&regionCode=USA')).toEqual([400, 'invalidParameter']);
    expect(await reason('part=snippet&id=999')).toEqual([404, 'videoCategoryNotFound']);
    const byId = await apiGet(sb, '/youtube/v3/videoCategories?part=snippet&id=22,10', access_token);
    const ids = ((await byId.json()) as { items: CategoryItem[] }).items.map((c) => c.id);
    expect(ids.sort()).toEqual(['10', '22']);
  });

  it('a token without a read scope gets 403 insufficientPermissions; no token gets 403 forbidden', async () => {
    sb = await startSandbox();
    const { access_token } = await connect(sb, 'public', { scope: SCOPES.upload });
    const res = await apiGet(sb, '/youtube/v3/videoCategories?part=snippet&regionCode=US', access_token);
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { errors: [{ reason: 'insufficientPermissions' }] } });
    expect((await apiGet(sb, '/youtube/v3/videoCategories?part=snippet&regionCode=US')).status).toBe(403);
  });
});

describe('admin: GET /youtube/videos', () => {
  it('lists every uploaded video with its size and current state', async () => {
    sb = await startSandbox({ processingMs: 1000 });
    const { access_token } = await connect(sb);
    const file = fakeMp4(5000);
    const { id } = await uploadVideo(sb, access_token, file);
    const list = async () =>
      (
        (await (await adminCall(sb, 'GET', '/youtube/videos')).json()) as {
          videos: Record<string, unknown>[];
        }
      ).videos;
    expect(await list()).toEqual([
      expect.objectContaining({
        id,
        bytes: 5000,
        uploadStatus: 'uploaded',
        privacyStatus: 'public',
        deleted: false,
      }),
    ]);
    sb.ctx.clock.advance(1000);
    expect((await list())[0]).toMatchObject({ uploadStatus: 'processed' });
  });
});
