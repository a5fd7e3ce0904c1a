import { afterEach, describe, expect, it } from 'vitest';
import { pacificDay } from './quota.js';
import { adminCall, apiGet, connect, initUpload, startSandbox, type RunningSandbox } from './test-support.js';

let sb: RunningSandbox;
afterEach(async () => {
  await sb.close();
});

async function reasonOf(res: Response): Promise<[number, string | undefined, string | undefined]> {
  if (res.status === 200) return [200, undefined, undefined];
  const body = (await res.json()) as { error: { errors: { reason: string; domain: string }[] } };
  return [res.status, body.error.errors[0]?.reason, body.error.errors[0]?.domain];
}

/** Milliseconds from `now` to the next midnight in America/Los_Angeles (DST-proof binary search). */
function msToPacificMidnight(now: number): number {
  const today = pacificDay(now);
  let low = now;
  let high = now + 26 * 3_600_000;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (pacificDay(mid) === today) low = mid;
    else high = mid;
  }
  return high - now;
}

async function quota(): Promise<{ usage: { units: number; 'videos.insert': number } }> {
  return (await (await adminCall(sb, 'GET', '/youtube/quota')).json()) as {
    usage: { units: number; 'videos.insert': number };
  };
}

describe('quota', () => {
  it('legacy: 10,000 units/day, 1600 per insert → the 7th insert gets 403 quotaExceeded; list costs 1', async () => {
    sb = await startSandbox();
    const { access_token } = await connect(sb);
    for (let i = 0; i < 6; i += 1) expect((await initUpload(sb, access_token, 100)).status).toBe(200);
    expect((await quota()).usage.units).toBe(9600);
    expect(await reasonOf(await initUpload(sb, access_token, 100))).toEqual([
      403,
      'quotaExceeded',
      'youtube.quota',
    ]);
    expect((await apiGet(sb, '/youtube/v3/channels?part=id&mine=true', access_token)).status).toBe(200);
    expect((await quota()).usage.units).toBe(9601);
  });

  it('resets at midnight America/Los_Angeles on the sandbox clock', async () => {
    sb = await startSandbox({ dailyQuota: 2 });
    const tokenNow = async (): Promise<string> => (await connect(sb)).access_token;
    const call = async (): Promise<Response> =>
      apiGet(sb, '/youtube/v3/channels?part=id&mine=true', await tokenNow());
    expect((await call()).status).toBe(200);
    expect((await call()).status).toBe(200);
    expect(await reasonOf(await call())).toEqual([403, 'quotaExceeded', 'youtube.quota']);
    sb.ctx.clock.advance(msToPacificMidnight(sb.ctx.clock.now()) - 5000);
    expect((await call()).status).toBe(403);
    sb.ctx.clock.advance(10_000);
    expect((await call()).status).toBe(200);
  });

  it('granular: videos.insert has its own daily bucket of calls, separate from the 10,000 units', async () => {
    sb = await startSandbox({ quotaMode: 'granular', insertCallsPerDay: 3, dailyQuota: 5 });
    const { access_token } = await connect(sb);
    for (let i = 0; i < 3; i += 1) expect((await initUpload(sb, access_token, 100)).status).toBe(200);
    expect(await reasonOf(await initUpload(sb, access_token, 100))).toEqual([
      403,
      'quotaExceeded',
      'youtube.quota',
    ]);
    expect((await quota()).usage).toEqual({ units: 0, 'videos.insert': 3 });
    for (let i = 0; i < 5; i += 1) {
      expect((await apiGet(sb, '/youtube/v3/videos?part=id&id=x', access_token)).status).toBe(200);
    }
    expect(await reasonOf(await apiGet(sb, '/youtube/v3/videos?part=id&id=x', access_token))).toEqual([
      403,
      'quotaExceeded',
      'youtube.quota',
    ]);
  });

  it('per-channel cap in a rolling 24 h → 400 uploadLimitExceeded, independent of quota and of other channels', async () => {
    sb = await startSandbox({ channelUploadsPer24h: 2, dailyQuota: 1_000_000 });
    const first = await connect(sb, 'public');
    const second = await connect(sb, 'private');
    expect((await initUpload(sb, first.access_token, 100)).status).toBe(200);
    expect((await initUpload(sb, first.access_token, 100)).status).toBe(200);
    expect(await reasonOf(await initUpload(sb, first.access_token, 100))).toEqual([
      400,
      'uploadLimitExceeded',
      'youtube.video',
    ]);
    expect((await initUpload(sb, second.access_token, 100)).status).toBe(200);
    sb.ctx.clock.advance(24 * 3_600_000);
    expect((await initUpload(sb, (await connect(sb, 'public')).access_token, 100)).status).toBe(200);
  });

  it('settings are switchable at runtime through the admin API', async () => {
    sb = await startSandbox();
    const res = await adminCall(sb, 'PATCH', '/youtube/settings', {
      quotaMode: 'granular',
      insertCostUnits: 100,
    });
    expect(res.status).toBe(200);
    expect(sb.ctx.settings.google.quotaMode).toBe('granular');
    expect((await adminCall(sb, 'PATCH', '/youtube/settings', { quotaMode: 'bogus' })).status).toBe(400);
  });
});
