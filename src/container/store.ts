import { join, resolve } from 'node:path';
import type { Config } from '../config/schema.js';
import type { Store } from '../ports/store.js';

/** The store `openEmbeddedStore` opens, in the words of the privacy policy (kept next to it so both change together). */
export const EMBEDDED_STORE = {
  engine: 'SQLite',
  location: 'one database file in the data folder of this install (DATA_DIR), on the server that runs it',
};

/** The Firestore store of `projectId`, in the words of the privacy policy. */
export function firestoreStoreFacts(projectId: string): { engine: string; location: string } {
  return {
    engine: 'Google Cloud Firestore',
    location: `project ${projectId}, access-controlled; server access only`,
  };
}

/** The configured store, in the words of the privacy policy. */
export function configuredStoreFacts(config: Pick<Config, 'STORE' | 'FIRESTORE_PROJECT_ID'>): {
  engine: string;
  location: string;
} {
  return config.STORE === 'firestore' && config.FIRESTORE_PROJECT_ID
    ? firestoreStoreFacts(config.FIRESTORE_PROJECT_ID)
    : EMBEDDED_STORE;
}

/**
 * The store STORE names: the embedded SQLite file in DATA_DIR, or Firestore (its client is loaded only then, so
 * SQLite users never load it).
 */
export async function openConfiguredStore(
  config: Pick<
    Config,
    'STORE' | 'DATA_DIR' | 'FIRESTORE_PROJECT_ID' | 'FIRESTORE_DATABASE_ID' | 'FIRESTORE_EMULATOR_HOST'
  >,
): Promise<Store> {
  if (config.STORE === 'sqlite') return openEmbeddedStore(resolve(config.DATA_DIR));
  if (!config.FIRESTORE_PROJECT_ID) throw new Error('STORE=firestore needs FIRESTORE_PROJECT_ID');
  const { FirestoreStore } = await import('../adapters/store/firestore/firestore-store.js');
  return FirestoreStore.open({
    projectId: config.FIRESTORE_PROJECT_ID,
    databaseId: config.FIRESTORE_DATABASE_ID,
    emulatorHost: config.FIRESTORE_EMULATOR_HOST,
  });
}

/** The embedded default's store: one SQLite file in DATA_DIR (the driver is loaded only when used). */
export async function openEmbeddedStore(dataDir: string): Promise<Store> {
  return openSqliteStore(join(dataDir, 'ai-factory.sqlite'));
}

/** A SQLite store at `file` (the server's, or the command line's own cache). */
export async function openSqliteStore(file: string): Promise<Store> {
  const { SqliteStore } = await import('../adapters/store/sqlite/sqlite-store.js');
  return SqliteStore.open(file);
}
