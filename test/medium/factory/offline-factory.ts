import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../../../src/adapters/clock/system-clock.js';
import { SqliteStore } from '../../../src/adapters/store/sqlite/sqlite-store.js';
import { loadConfig } from '../../../src/config/load.js';
import { buildFactoryKit } from '../../../src/container/factory-kit.js';
import type { FactoryKit } from '../../../src/services/generation/factory-kit.js';
import { GenerationService } from '../../../src/services/generation/generation.service.js';

export { SHORT_SCRIPT } from '../../fakes/short-script.js';

export interface OfflineFactory {
  store: SqliteStore;
  kit: FactoryKit;
  generation: GenerationService;
  close(): Promise<void>;
}

/** The real factory on the offline engines (default configuration, plus `env`), in a throwaway folder. */
export async function openOfflineFactory(env: Record<string, string> = {}): Promise<OfflineFactory> {
  const dir = mkdtempSync(join(tmpdir(), 'aif-factory-'));
  const store = SqliteStore.open(join(dir, 'db.sqlite'));
  const kit = await buildFactoryKit(loadConfig({ DATA_DIR: dir, ...env }, '/nonexistent/.env'), {
    mediaRoot: join(dir, 'media'),
    store,
  });
  return {
    store,
    kit,
    generation: new GenerationService({ store, clock: systemClock, kit }),
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
