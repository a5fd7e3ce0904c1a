import { resolve } from 'node:path';
import type { Config } from '../config/schema.js';

/**
 * `ai-factory vault rotate [--prune]`: with the key file of the embedded default, adds a new current master key
 * and re-wraps every data key under it (the running server follows the file); `--prune` then drops keys no
 * record uses. With TOKEN_ENCRYPTION_KEYS, put the new key first (keeping the old ones), restart, run this to
 * re-wrap, then remove the old keys from the setting.
 */
export async function vaultRotate(
  config: Config,
  args: string[],
  out: (line: string) => void,
): Promise<number> {
  const { SqliteStore } = await import('../adapters/store/sqlite/sqlite-store.js');
  const { EnvelopeVault } = await import('../adapters/crypto/envelope-vault.js');
  const ring = await import('../adapters/crypto/key-ring.js');
  const { rewrapAllTokens } = await import('../services/key-rotation.service.js');
  const { keyFilePath } = await import('../container/index.js');
  const dataDir = resolve(config.DATA_DIR);
  const store = SqliteStore.open(resolve(dataDir, 'ai-factory.sqlite'));
  try {
    const file = keyFilePath(dataDir);
    const fromEnv = config.TOKEN_ENCRYPTION_KEYS;
    if (!fromEnv && !args.includes('--prune')) out(`new current master key: ${ring.addKeyToFile(file).id}`);
    const keyRing = fromEnv ? ring.staticKeyRing(ring.parseKeyList(fromEnv)) : ring.fileKeyRing(file);
    const report = await rewrapAllTokens(store, new EnvelopeVault(keyRing));
    out(
      `re-wrapped ${report.rewrapped} of ${report.examined} token records under key ${keyRing.current().id}`,
    );
    if (args.includes('--prune') && !fromEnv) {
      const dropped = ring.pruneKeyFile(file, report.keyIdsInUse);
      out(dropped.length ? `dropped unused keys: ${dropped.join(', ')}` : 'no unused key to drop');
    }
    return 0;
  } finally {
    await store.close();
  }
}
