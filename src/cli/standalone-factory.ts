import { join } from 'node:path';
import type { Config } from '../config/schema.js';
import type { Brief } from '../domain/content.js';
import type { Version } from '../domain/content-item.js';
import { newId } from '../domain/ids.js';
import { buildFactoryKit } from '../factory-kit.container.js';
import { GenerationService, type ProgressListener } from '../services/generation/generation.service.js';

/** The factory without a server: a throwaway store and media folder in `workDir`, for the command line. */
export async function standaloneFactory(config: Config, workDir: string) {
  const { SqliteStore } = await import('../adapters/store/sqlite/sqlite-store.js');
  const { systemClock } = await import('../adapters/clock/system-clock.js');
  const store = SqliteStore.open(join(workDir, 'cli.sqlite'));
  const kit = await buildFactoryKit(config, { mediaRoot: join(workDir, 'media'), store });
  const generation = new GenerationService({ store, clock: systemClock, kit });
  return {
    generate: (brief: Brief, onProgress: ProgressListener): Promise<Omit<Version, 'number'>> =>
      generation.generate('cli', newId(), brief, {}, onProgress),
    pathOf: (key: string) => kit.mediaStore.pathOf(key),
    close: () => store.close(),
  };
}
