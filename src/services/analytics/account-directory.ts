import type { Platform } from '../../domain/connection.js';
import type { Store } from '../../ports/store.js';

export interface AccountEntry {
  connectionId: string;
  platform: Platform;
  accountName: string;
}

// Disconnecting deletes an account's tracked videos, so this shows only while a disconnect is under way.
const GONE = 'Disconnected account';
const PAGE = 100;

/** The workspace's connected accounts with their display names (a workspace has a handful). */
export class AccountDirectory {
  private constructor(private readonly byId: Map<string, AccountEntry>) {}

  static async load(store: Store, workspaceId: string): Promise<AccountDirectory> {
    const byId = new Map<string, AccountEntry>();
    let cursor: string | undefined;
    do {
      const page = await store.connections.listByWorkspace(workspaceId, { cursor, limit: PAGE });
      for (const c of page.items) {
        byId.set(c.id, { connectionId: c.id, platform: c.platform, accountName: c.displayName });
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return new AccountDirectory(byId);
  }

  nameOf(connectionId: string): string {
    return this.byId.get(connectionId)?.accountName ?? GONE;
  }

  /** Every account, by platform then name. */
  all(): AccountEntry[] {
    return [...this.byId.values()].sort(
      (a, b) => a.platform.localeCompare(b.platform) || a.accountName.localeCompare(b.accountName),
    );
  }
}
