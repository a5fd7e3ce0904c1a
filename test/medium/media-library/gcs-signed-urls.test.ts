import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openGcsMediaStore } from '../../../src/adapters/media-store/open-gcs-media-store.js';
import { openGcs, type OpenedMediaStore } from '../../contract/media-store/engines.js';
import { EgressRecorder } from '../../fakes/egress-recorder.js';
import { makeTestServiceAccount } from '../../fakes/gcs-service-account.js';

describe('GcsMediaStore signed URLs (fake GCS)', () => {
  let clock: number;
  let opened: OpenedMediaStore;
  let egress: EgressRecorder;

  beforeEach(async () => {
    clock = Date.now();
    egress = new EgressRecorder().start();
    opened = await openGcs({ now: () => clock });
  });
  afterEach(async () => {
    egress.stop();
    await opened.close();
  });

  const putFile = async (key: string, text: string) => {
    const path = join(opened.work, 'upload');
    writeFileSync(path, text);
    await opened.store.put(key, path);
  };
  const endpoint = () => opened.fake?.endpoint ?? '';

  it('a V4 signed URL fetches the bytes straight from the bucket, and nothing else is called', async () => {
    await putFile('workspaces/ws/renders/v.mp4', 'the video');
    const url = await opened.store.signedReadUrl('workspaces/ws/renders/v.mp4', 60);
    expect(url).toMatch(
      new RegExp(`^${endpoint()}/aif-media/workspaces/ws/renders/v\\.mp4\\?X-Goog-Algorithm=`),
    );
    const response = await fetch(url ?? '');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('the video');
    expect(egress.foreign([endpoint()])).toEqual([]);
    expect(opened.fake?.log.unhandled).toEqual([]);
  });

  it('refuses the URL once it has expired', async () => {
    await putFile('workspaces/ws/a.mp4', 'a');
    const url = (await opened.store.signedReadUrl('workspaces/ws/a.mp4', 60)) ?? '';
    // Signed on the real clock (to the second); the fake's clock starts from just after.
    clock = Date.now() + 55_000;
    expect((await fetch(url)).status).toBe(200);
    clock += 10_000;
    const late = await fetch(url);
    expect(late.status).toBe(400);
    expect(await late.text()).toContain('ExpiredToken');
  });

  it('refuses a forged URL: another object, a changed signature, a longer expiry, another signer', async () => {
    await putFile('workspaces/ws/a.mp4', 'a');
    await putFile('workspaces/other/secret.mp4', 'secret');
    const url = (await opened.store.signedReadUrl('workspaces/ws/a.mp4', 60)) ?? '';
    const otherObject = url.replace('/workspaces/ws/a.mp4?', '/workspaces/other/secret.mp4?');
    const signature = new URL(url).searchParams.get('X-Goog-Signature') ?? '';
    const flipped = url.replace(signature, (signature.startsWith('0') ? '1' : '0') + signature.slice(1));
    const longer = url.replace('X-Goog-Expires=60', 'X-Goog-Expires=604800');
    for (const forged of [otherObject, flipped, longer]) {
      const response = await fetch(forged);
      expect(response.status).toBe(403);
      expect(await response.text()).toContain('SignatureDoesNotMatch');
    }

    const stranger = mkdtempSync(join(tmpdir(), 'aif-stranger-'));
    try {
      const strangersStore = openGcsMediaStore({
        bucket: 'aif-media',
        apiEndpoint: endpoint(),
        keyFile: makeTestServiceAccount(stranger).keyFile,
        cacheDir: join(stranger, 'cache'),
        scratchDir: join(stranger, 'scratch'),
      });
      const strangers = (await strangersStore.signedReadUrl('workspaces/ws/a.mp4', 60)) ?? '';
      expect((await fetch(strangers)).status).toBe(403);
    } finally {
      rmSync(stranger, { recursive: true, force: true });
    }
    expect(egress.foreign([endpoint()])).toEqual([]);
  });
});
