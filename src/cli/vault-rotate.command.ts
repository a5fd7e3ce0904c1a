import { resolve } from 'node:path';
import type { Config } from '../config/schema.js';
import { openVaultMaintenance } from '../container/cli.js';
import { rewrapAllTokens } from '../services/key-rotation.service.js';

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
  const prune = args.includes('--prune');
  const vault = await openVaultMaintenance(config, resolve(config.DATA_DIR));
  try {
    if (vault.keyFile && !prune) out(`new current master key: ${vault.keyFile.addKey()}`);
    const current = await vault.vault();
    const report = await rewrapAllTokens(vault.store, current);
    out(
      `re-wrapped ${report.rewrapped} of ${report.examined} token records under key ${current.currentKeyId()}`,
    );
    if (prune && vault.keyFile) {
      const dropped = vault.keyFile.pruneUnused(report.keyIdsInUse);
      out(dropped.length ? `dropped unused keys: ${dropped.join(', ')}` : 'no unused key to drop');
    }
    return 0;
  } finally {
    await vault.close();
  }
}
