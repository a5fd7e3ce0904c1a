import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { briefInput } from '../../../src/api/content.js';
import { EgressRecorder } from '../../fakes/egress-recorder.js';
import { startFakeGcs, type FakeGcs } from '../../fakes/fake-gcs-server.js';
import { makeTestServiceAccount } from '../../fakes/gcs-service-account.js';
import { openOfflineFactory, SHORT_SCRIPT, type OfflineFactory } from './offline-factory.js';

const hasFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0;

describe.skipIf(!hasFfmpeg && process.env.CI !== 'true')('offline generation with MEDIA_STORE=gcs', () => {
  let dir: string;
  let fake: FakeGcs;
  let factory: OfflineFactory;
  const egress = new EgressRecorder();

  beforeAll(async () => {
    egress.start();
    dir = mkdtempSync(join(tmpdir(), 'aif-gcs-factory-'));
    const account = makeTestServiceAccount(dir);
    fake = await startFakeGcs({ buckets: ['aif-media'], publicKeyPem: account.publicKeyPem });
    factory = await openOfflineFactory({
      MEDIA_STORE: 'gcs',
      GCS_BUCKET: 'aif-media',
      GCS_API_ENDPOINT: fake.endpoint,
      GCS_KEY_FILE: account.keyFile,
    });
  });
  afterAll(async () => {
    egress.stop();
    await factory.close();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('renders into the bucket (voice, video, cover), probes it, and reuses every stage the second time', async () => {
    const { generation, kit } = factory;
    const brief = briefInput.parse({ topic: 'Cold brew', durationSeconds: 10 });
    const version = await generation.generate('ws', 'item', brief, { script: SHORT_SCRIPT });
    const objects = [...(fake.buckets.get('aif-media')?.keys() ?? [])];
    expect(objects).toEqual(expect.arrayContaining([version.outputs.videoKey, version.outputs.coverKey]));
    expect(version.outputs.media.video).toMatchObject({ width: 1080, height: 1920 });
    const cover = await kit.media.probe(await kit.mediaStore.localPath(version.outputs.coverKey));
    expect(cover.video).toMatchObject({ width: 1080, height: 1920 });

    const again = await generation.generate('ws', 'item', brief, { script: SHORT_SCRIPT });
    expect(again.outputs.videoKey).toBe(version.outputs.videoKey);
    expect(again.stageLog.length).toBeGreaterThan(3);
    expect(again.stageLog.every((s) => s.cached)).toBe(true);
    expect(egress.foreign([fake.endpoint])).toEqual([]);
    expect(fake.log.unhandled).toEqual([]);
  });
});
