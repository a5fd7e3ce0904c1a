import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalMediaStore } from '../../../src/adapters/media-store/local-media-store.js';
import { openGcsMediaStore } from '../../../src/adapters/media-store/open-gcs-media-store.js';
import type { MediaStore } from '../../../src/ports/media-store.js';
import { startFakeGcs, type FakeGcs } from '../../fakes/fake-gcs-server.js';
import { makeTestServiceAccount } from '../../fakes/gcs-service-account.js';

/** A media store under test, a folder for the test's own source files, and how to tear both down. */
export interface OpenedMediaStore {
  store: MediaStore;
  /** A local folder outside the store, where a test writes the files it puts. */
  work: string;
  /** The fake bucket behind a gcs store (null for the local store). */
  fake: FakeGcs | null;
  close(): Promise<void>;
}

/** The local store over a temporary folder. */
export async function openLocal(): Promise<OpenedMediaStore> {
  const dir = mkdtempSync(join(tmpdir(), 'aif-media-local-'));
  return {
    store: new LocalMediaStore(join(dir, 'media')),
    work: dir,
    fake: null,
    close: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The bucket store over a fake GCS server, with a service-account key made for this run. */
export async function openGcs(options: { now?: () => number } = {}): Promise<OpenedMediaStore> {
  const dir = mkdtempSync(join(tmpdir(), 'aif-media-gcs-'));
  const account = makeTestServiceAccount(dir);
  const fake = await startFakeGcs({ buckets: ['aif-media'], publicKeyPem: account.publicKeyPem, ...options });
  const store = openGcsMediaStore({
    bucket: 'aif-media',
    apiEndpoint: fake.endpoint,
    keyFile: account.keyFile,
    cacheDir: join(dir, 'media', '.gcs-cache'),
    scratchDir: join(dir, 'media', '.scratch'),
  });
  return {
    store,
    work: dir,
    fake,
    close: async () => {
      await fake.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
