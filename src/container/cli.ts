import type { Config } from '../config/schema.js';
import type { Brief } from '../domain/content.js';
import type { VersionEdits } from '../domain/content-item.js';
import { newId } from '../domain/ids.js';
import type { AccountDeletionService } from '../services/privacy/account-deletion.service.js';
import type { Store } from '../ports/store.js';
import {
  GenerationService,
  type GeneratedVersion,
  type ProgressListener,
} from '../services/generation/generation.service.js';
import { CLI_WORKSPACE_ID, cliWorkspace } from './cli-workspace.js';
import { openSqliteStore } from './store.js';

/** The factory without a server: what `ai-factory generate` runs. */
export interface StandaloneFactory {
  /** Makes a version of a brief in the command line's workspace, reusing every cached stage it can. */
  generate(brief: Brief, edits: VersionEdits, onProgress: ProgressListener): Promise<GeneratedVersion>;
  /** A local file with the bytes of a media key. */
  localPath(key: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The factory for the command line: the CLI workspace's store and media folder, so a second run of the same
 * brief reuses every stage it can. Several runs may share it at once (SQLite in WAL mode, media files that
 * appear only complete).
 */
export async function openStandaloneFactory(config: Config): Promise<StandaloneFactory> {
  const store = await openCliStore(config);
  const { buildFactoryKit } = await import('./factory-kit.js');
  const { systemClock } = await import('../adapters/clock/system-clock.js');
  const kit = await buildFactoryKit(config, {
    mediaRoot: cliWorkspace(config).mediaRoot,
    store,
    // The command line's cache is its own, on this machine, whatever the server's media store is.
    localMedia: true,
  });
  const generation = new GenerationService({ store, clock: systemClock, kit });
  return {
    generate: (brief, edits, onProgress) =>
      generation.generate(CLI_WORKSPACE_ID, newId(), brief, edits, onProgress),
    localPath: (key) => kit.mediaStore.localPath(key),
    close: () => store.close(),
  };
}

/** The command line's own store (its stage cache), apart from the server's. */
export function openCliStore(config: Config): Promise<Store> {
  return openSqliteStore(cliWorkspace(config).database);
}

export { CLI_WORKSPACE_ID, cliWorkspace } from './cli-workspace.js';
export { openVaultMaintenance } from './vault.js';

/** What `ai-factory privacy delete-account` runs: the server's account deletion, over the server's data. */
export async function openAccountDeletion(config: Config): Promise<{
  deletion: AccountDeletionService;
  close(): Promise<void>;
}> {
  const { buildContainer } = await import('./index.js');
  const { createLogger } = await import('../observability/logger.js');
  // The deletion's own report goes to stdout; the container's log lines would only repeat it.
  const container = await buildContainer(config, createLogger({ level: 'warn', pretty: false }));
  return { deletion: container.accountDeletion, close: () => container.close() };
}
