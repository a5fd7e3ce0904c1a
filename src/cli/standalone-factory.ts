import type { Config } from '../config/schema.js';
import type { Brief } from '../domain/content.js';
import type { VersionEdits } from '../domain/content-item.js';
import { newId } from '../domain/ids.js';
import { buildFactoryKit } from '../container/factory-kit.js';
import {
  GenerationService,
  type GeneratedVersion,
  type ProgressListener,
} from '../services/generation/generation.service.js';
import { CLI_WORKSPACE_ID, cliWorkspace } from './cli-workspace.js';

/**
 * The factory without a server, for the command line: the CLI workspace's store and media folder, so a second run
 * of the same brief reuses every stage it can. Several runs may share it at once (SQLite in WAL mode, media files
 * that appear only complete).
 */
export async function standaloneFactory(config: Config) {
  const { SqliteStore } = await import('../adapters/store/sqlite/sqlite-store.js');
  const { systemClock } = await import('../adapters/clock/system-clock.js');
  const workspace = cliWorkspace(config);
  const store = SqliteStore.open(workspace.database);
  const kit = await buildFactoryKit(config, { mediaRoot: workspace.mediaRoot, store });
  const generation = new GenerationService({ store, clock: systemClock, kit });
  return {
    generate: (brief: Brief, edits: VersionEdits, onProgress: ProgressListener): Promise<GeneratedVersion> =>
      generation.generate(CLI_WORKSPACE_ID, newId(), brief, edits, onProgress),
    pathOf: (key: string) => kit.mediaStore.pathOf(key),
    close: () => store.close(),
  };
}
