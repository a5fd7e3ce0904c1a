import { join } from 'node:path';
import type { Store } from '../ports/store.js';

/** The store `openEmbeddedStore` opens, in the words of the privacy policy (kept next to it so both change together). */
export const EMBEDDED_STORE = {
  engine: 'SQLite',
  location: 'one database file in the data folder of this install (DATA_DIR), on the server that runs it',
};

/** The embedded default's store: one SQLite file in DATA_DIR (the driver is loaded only when used). */
export async function openEmbeddedStore(dataDir: string): Promise<Store> {
  return openSqliteStore(join(dataDir, 'ai-factory.sqlite'));
}

/** A SQLite store at `file` (the server's, or the command line's own cache). */
export async function openSqliteStore(file: string): Promise<Store> {
  const { SqliteStore } = await import('../adapters/store/sqlite/sqlite-store.js');
  return SqliteStore.open(file);
}
