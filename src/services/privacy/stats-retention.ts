import { retentionOf } from '../../domain/people.js';
import type { Store } from '../../ports/store.js';

/**
 * Whether the workspace deletes an account's statistics when the account is disconnected or its access revoked
 * (its retention setting). Read it before a transaction's first write.
 */
export async function deletesStatsOnDisconnect(store: Store, workspaceId: string): Promise<boolean> {
  const workspace = await store.workspaces.findById(workspaceId);
  return retentionOf(workspace?.settings).statsOnDisconnect === 'delete';
}

/** The words the audit log adds when statistics went with the account. */
export const STATS_DELETED_NOTE = '; its statistics deleted (workspace retention setting)';
