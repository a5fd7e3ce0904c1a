import { join } from 'node:path';
import type { Config } from '../config/schema.js';
import type { Store } from '../ports/store.js';
import type { TokenVault } from '../ports/token-vault.js';
import { openConfiguredStore, openEmbeddedStore } from './store.js';

/** Where the embedded default keeps its master keys. */
export function keyFilePath(dataDir: string): string {
  return join(dataDir, 'keys', 'token-keys.json');
}

/** The vault's master keys: TOKEN_ENCRYPTION_KEYS, or the embedded default's key file made at first start. */
export async function openVault(config: Config, dataDir: string): Promise<TokenVault> {
  const { EnvelopeVault } = await import('../adapters/crypto/envelope-vault.js');
  const { fileKeyRing, staticKeyRing } = await import('../adapters/crypto/key-ring.js');
  const { parseKeyList } = await import('../domain/master-keys.js');
  const ring = config.TOKEN_ENCRYPTION_KEYS
    ? staticKeyRing(parseKeyList(config.TOKEN_ENCRYPTION_KEYS))
    : fileKeyRing(keyFilePath(dataDir));
  return new EnvelopeVault(ring);
}

/** What `vault rotate` works on: the server's store, its vault, and the key file when keys live in one. */
export interface VaultMaintenance {
  store: Store;
  /** The embedded default's key file; null when the keys come from TOKEN_ENCRYPTION_KEYS. */
  keyFile: {
    /** Puts a fresh current key in front of the file's keys; returns its id. */
    addKey(): string;
    /** Drops the keys no sealed record uses (the current key always stays); returns their ids. */
    pruneUnused(inUse: Set<string>): string[];
  } | null;
  /** The vault over the keys as they are now (open it after `addKey`, so the new key is current). */
  vault(): Promise<TokenVault>;
  close(): Promise<void>;
}

/** Opens the server's store and key source for a key rotation run from the command line. */
export async function openVaultMaintenance(config: Config, dataDir: string): Promise<VaultMaintenance> {
  const { addKeyToFile, pruneKeyFile } = await import('../adapters/crypto/key-ring.js');
  const store =
    config.STORE === 'firestore' ? await openConfiguredStore(config) : await openEmbeddedStore(dataDir);
  const file = keyFilePath(dataDir);
  return {
    store,
    keyFile: config.TOKEN_ENCRYPTION_KEYS
      ? null
      : { addKey: () => addKeyToFile(file).id, pruneUnused: (inUse) => pruneKeyFile(file, inUse) },
    vault: () => openVault(config, dataDir),
    close: () => store.close(),
  };
}
