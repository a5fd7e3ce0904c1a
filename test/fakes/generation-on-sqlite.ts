import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../src/adapters/store/sqlite/sqlite-store.js';
import { GenerationService } from '../../src/services/generation/generation.service.js';
import { fakeFactoryKit } from './factory-kit.fake.js';
import { FakeClock } from './fake-clock.js';

/** The generation pipeline on a fresh SQLite file with the fake kit; `cleanup` throws all of it away. */
export function generationOnSqlite() {
  const dir = mkdtempSync(join(tmpdir(), 'aif-generation-'));
  const store = SqliteStore.open(join(dir, 'db.sqlite'));
  const fake = fakeFactoryKit();
  const generation = new GenerationService({ store, clock: new FakeClock(), kit: fake.kit });
  return {
    store,
    fake,
    generation,
    cleanup: async () => {
      await store.close();
      fake.cleanup();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
