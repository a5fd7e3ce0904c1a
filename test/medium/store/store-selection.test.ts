import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FirestoreStore } from '../../../src/adapters/store/firestore/firestore-store.js';
import { SqliteStore } from '../../../src/adapters/store/sqlite/sqlite-store.js';
import { loadConfig } from '../../../src/config/load.js';
import { configuredStoreFacts, openConfiguredStore } from '../../../src/container/store.js';
import { buildContainer } from '../../../src/container/index.js';
import { privacyPolicy } from '../../../src/domain/privacy/policy-text.js';
import { createLogger } from '../../../src/observability/logger.js';

const dir = mkdtempSync(join(tmpdir(), 'aif-store-selection-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const config = (env: Record<string, string>) => loadConfig({ DATA_DIR: dir, ...env }, '/nonexistent/.env');

describe('store selection', () => {
  it('opens the SQLite file in DATA_DIR by default, described as today', async () => {
    const store = await openConfiguredStore(config({}));
    try {
      expect(store).toBeInstanceOf(SqliteStore);
      await store.ping();
    } finally {
      await store.close();
    }
    expect(configuredStoreFacts(config({})).engine).toBe('SQLite');
  });

  it('opens Firestore with STORE=firestore (no call is made until the first use)', async () => {
    const firestore = config({
      STORE: 'firestore',
      FIRESTORE_PROJECT_ID: 'aif-selection',
      FIRESTORE_DATABASE_ID: 'media-db',
      // Nothing listens here; opening must not reach out.
      FIRESTORE_EMULATOR_HOST: '127.0.0.1:9',
    });
    const store = await openConfiguredStore(firestore);
    try {
      expect(store).toBeInstanceOf(FirestoreStore);
    } finally {
      await store.close();
    }
    expect(configuredStoreFacts(firestore)).toEqual({
      engine: 'Google Cloud Firestore',
      location: 'project aif-selection, access-controlled; server access only',
    });
  });

  it('the container opens Firestore with STORE=firestore and the privacy policy says so', async () => {
    const firestore = config({
      STORE: 'firestore',
      FIRESTORE_PROJECT_ID: 'aif-policy',
      FIRESTORE_EMULATOR_HOST: '127.0.0.1:9',
    });
    const container = await buildContainer(firestore, createLogger({ level: 'silent', pretty: false }));
    try {
      expect(container.store).toBeInstanceOf(FirestoreStore);
      const policy = JSON.stringify(privacyPolicy(container.policyFacts));
      expect(policy).toContain(
        'Records are kept in Google Cloud Firestore: project aif-policy, access-controlled; server access only.',
      );
    } finally {
      await container.close();
    }
  });
});
