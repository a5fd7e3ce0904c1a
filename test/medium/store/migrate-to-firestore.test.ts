import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Firestore } from '@google-cloud/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unpack } from '../../../src/adapters/store/firestore/codec.js';
import { COLLECTIONS } from '../../../src/adapters/store/firestore/collections.js';
import { GUARD_COLLECTIONS, verifyImport } from '../../../src/adapters/store/firestore/firestore-import.js';
import { FirestoreStore, firestoreClient } from '../../../src/adapters/store/firestore/firestore-store.js';
import { openSqliteDump, DUMPED_COLLECTIONS } from '../../../src/adapters/store/sqlite/sqlite-dump.js';
import { SqliteStore } from '../../../src/adapters/store/sqlite/sqlite-store.js';
import { newId } from '../../../src/domain/ids.js';
import {
  firestoreEmulatorAvailable,
  startFirestoreEmulator,
  type FirestoreEmulator,
} from '../../fakes/firestore-emulator.js';
import { buildEmbeddedInstall, TOKENS, type EmbeddedInstall } from './embedded-install.fixture.js';

/** A value as JSON with sorted keys, so records compare whatever order their fields were written in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}
const sorted = (records: unknown[]) => records.map(canonical).sort();

describe.runIf(firestoreEmulatorAvailable('ai-factory migrate --to firestore'))(
  'ai-factory migrate --to firestore',
  () => {
    let emulator: FirestoreEmulator;
    let dataDir: string;
    let install: EmbeddedInstall;
    const projectId = `aif-migrate-${newId().toLowerCase()}`;
    let db: Firestore;

    const migrate = (...args: string[]) => {
      const run = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          'src/cli/main.ts',
          'migrate',
          '--to',
          'firestore',
          '--project',
          projectId,
          '--emulator-host',
          emulator.host,
          ...args,
        ],
        {
          env: { PATH: process.env.PATH, DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
          encoding: 'utf8',
          timeout: 120_000,
        },
      );
      return { status: run.status, output: `${run.stdout}${run.stderr}` };
    };

    beforeAll(async () => {
      emulator = await startFirestoreEmulator();
      dataDir = mkdtempSync(join(tmpdir(), 'aif-migrate-'));
      const sqlite = SqliteStore.open(join(dataDir, 'ai-factory.sqlite'));
      install = await buildEmbeddedInstall(sqlite);
      await sqlite.close();
      db = firestoreClient({ projectId, emulatorHost: emulator.host });
    }, 90_000);
    afterAll(async () => {
      await db?.terminate();
      await emulator?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('the dump holds every record the repositories wrote, in every record collection', () => {
      const dump = openSqliteDump(join(dataDir, 'ai-factory.sqlite'));
      try {
        expect(new Set(DUMPED_COLLECTIONS)).toEqual(
          new Set(COLLECTIONS.filter((c) => !(GUARD_COLLECTIONS as readonly string[]).includes(c))),
        );
        for (const collection of DUMPED_COLLECTIONS) {
          const written = install.written[collection] ?? [];
          expect(written.length, collection).toBeGreaterThan(0);
          expect(sorted([...dump.records(collection)]), collection).toEqual(sorted(written));
        }
      } finally {
        dump.close();
      }
    });

    it('a dry run writes nothing', async () => {
      const run = migrate('--dry-run');
      expect(run.output).toContain('dry run: nothing was written');
      expect(run.status).toBe(0);
      expect((await db.collection('users').count().get()).data().count).toBe(0);
    });

    it('copies every record, verifies it, and a second run is refused unless forced, then changes nothing', async () => {
      const first = migrate();
      expect(first.output).toContain('every record of');
      expect(first.status).toBe(0);

      // Compared here on our own: every document read back, unpacked, equals the dump's record.
      const dump = openSqliteDump(join(dataDir, 'ai-factory.sqlite'));
      const compared: string[] = [];
      try {
        for (const collection of DUMPED_COLLECTIONS) {
          const docs = (await db.collection(collection).get()).docs;
          expect(sorted(docs.map((d) => unpack(d.data()))), collection).toEqual(
            sorted([...dump.records(collection)]),
          );
          expect(docs.length, collection).toBeGreaterThan(0);
          compared.push(collection);
        }
      } finally {
        dump.close();
      }
      expect(new Set(compared)).toEqual(
        new Set(COLLECTIONS.filter((c) => !(GUARD_COLLECTIONS as readonly string[]).includes(c))),
      );
      for (const guard of GUARD_COLLECTIONS)
        expect((await db.collection(guard).count().get()).data().count, guard).toBeGreaterThan(0);
      const counts = async () =>
        Promise.all(COLLECTIONS.map(async (c) => (await db.collection(c).count().get()).data().count));
      const before = await counts();

      const refused = migrate();
      expect(refused.status).toBe(2);
      expect(refused.output).toMatch(/refused: the database already holds users 2/);
      const forced = migrate('--force');
      expect(forced.status).toBe(0);
      expect(await counts()).toEqual(before);
    }, 120_000);

    it('after the copy the Firestore store finds things through its own queries', async () => {
      const store = FirestoreStore.open({ projectId, emulatorHost: emulator.host });
      try {
        const owner = await store.users.findByEmail(install.ownerEmail);
        expect(owner).toEqual(install.written.users?.[0]);
        const found = await store.content.listItems(install.workspaceId, { search: 'habits' }, { limit: 10 });
        expect(found.items.map((i) => i.id)).toEqual([install.itemId]);
        expect(await store.memberships.listByUser(owner?.id ?? '')).toHaveLength(1);
        const sealed = await store.connections.loadTokens(install.workspaceId, install.connectionId);
        expect(sealed).not.toBeNull();
        const opened = await install.vault.use(
          { recordId: install.connectionId, workspaceId: install.workspaceId },
          sealed!,
          async (tokens) => tokens,
        );
        expect(opened).toEqual(TOKENS);
        const publications = await store.publications.list(install.workspaceId, {}, { limit: 10 });
        expect(publications.items).toHaveLength(2);
        const videos = await store.trackedVideos.list(
          install.workspaceId,
          { seriesId: 'series-1' },
          { limit: 10 },
        );
        expect(videos.items).toHaveLength(1);
      } finally {
        await store.close();
      }
    });

    it('a document the dump does not explain fails the command (exit 1); a changed record is named', async () => {
      const stray = db.collection('jobs').doc('stray-job');
      await stray.set({ data: '{}', workspaceId: 'elsewhere' });
      const run = migrate('--force');
      expect(run.output).toContain('jobs: 1 documents the dump does not have');
      expect(run.status).toBe(1);
      await stray.delete();

      const [doc] = (await db.collection('mediaAssets').limit(1).get()).docs;
      await doc!.ref.update({
        data: JSON.stringify({ ...unpack<object>(doc!.data()), filename: 'changed.png' }),
      });
      const dump = openSqliteDump(join(dataDir, 'ai-factory.sqlite'));
      try {
        const check = await verifyImport(db, dump);
        expect(check.differenceCount).toBe(1);
        expect(check.differences[0]).toMatch(/^mediaAssets\/.+: data differ$/);
      } finally {
        dump.close();
      }
    }, 60_000);
  },
);
