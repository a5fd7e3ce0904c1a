import type { Store } from '../ports/store.js';
import type { TokenVault } from '../ports/token-vault.js';

export interface RewrapReport {
  examined: number;
  rewrapped: number;
  /** Records changed by a refresh while being re-wrapped; they were sealed under the current key anyway. */
  skipped: number;
  /** Key ids still in use after the pass. */
  keyIdsInUse: Set<string>;
}

/**
 * Re-wraps every record's data key under the vault's current master key, page by page, while the app keeps
 * running: ciphertexts do not change, and a record refreshed meanwhile is left as the refresh wrote it.
 */
export async function rewrapAllTokens(
  store: Store,
  vault: TokenVault,
  pageSize = 200,
): Promise<RewrapReport> {
  const report: RewrapReport = { examined: 0, rewrapped: 0, skipped: 0, keyIdsInUse: new Set() };
  let after = '';
  for (;;) {
    const page = await store.connections.listSealedAfter(after, pageSize);
    if (page.length === 0) return report;
    for (const record of page) {
      report.examined += 1;
      const binding = { recordId: record.connectionId, workspaceId: record.workspaceId };
      const next = await vault.rewrap(binding, record.sealed);
      if (!next) {
        report.keyIdsInUse.add(record.sealed.keyId);
      } else if (
        await store.connections.replaceSealed(record.workspaceId, record.connectionId, record.sealed, next)
      ) {
        report.rewrapped += 1;
        report.keyIdsInUse.add(next.keyId);
      } else {
        report.skipped += 1;
        report.keyIdsInUse.add(vault.currentKeyId());
      }
    }
    after = page[page.length - 1]!.connectionId;
  }
}
