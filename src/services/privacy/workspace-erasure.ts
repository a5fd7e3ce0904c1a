import type { Connection } from '../../domain/connection.js';
import { addCounts, type DeletionCounts } from '../../domain/privacy/deletion.js';
import { isoNow, type Clock } from '../../ports/clock.js';
import type { MediaStore } from '../../ports/media-store.js';
import type { Store } from '../../ports/store.js';
import type { TokenVault } from '../../ports/token-vault.js';
import type { ConnectorSet } from '../connectors.js';
import { createOwnedWorkspace } from '../owned-workspace.js';

/** What deleting a workspace needs: the store, the vault and connectors (to revoke), the media files. */
export interface ErasureDeps {
  store: Store;
  clock: Clock;
  vault: TokenVault;
  connectors: ConnectorSet;
  media: MediaStore;
}

const PAGE = 100;

/** Every item of a cursor-paged list. */
export async function everyPage<T>(
  list: (page: { limit: number; cursor?: string }) => Promise<{ items: T[]; nextCursor: string | null }>,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await list(cursor ? { limit: PAGE, cursor } : { limit: PAGE });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

/**
 * Revokes each connection's grant at its platform, then deletes its tokens here, whatever the platform answered:
 * a platform that cannot be reached must not make us keep tokens the person asked us to delete (0037).
 */
export async function revokeConnections(
  deps: ErasureDeps,
  connections: Connection[],
): Promise<DeletionCounts> {
  let revoked = 0;
  let unreachable = 0;
  for (const c of connections) {
    const sealed = await deps.store.connections.loadTokens(c.workspaceId, c.id);
    const connector = deps.connectors[c.platform];
    if (sealed && connector) {
      const ok = await deps.vault
        .use({ recordId: c.id, workspaceId: c.workspaceId }, sealed, (tokens) => connector.revoke(tokens))
        .then(() => true)
        .catch(() => false);
      if (ok) revoked += 1;
      else unreachable += 1;
    }
    await deps.store.connections.deleteTokens(c.workspaceId, c.id);
  }
  return { revokedAtPlatform: revoked, revokeFailed: unreachable };
}

/**
 * Deletes a person's copies of their data: the export records and their ZIP files, with any file a running export
 * job left in the person's export folder.
 */
export async function forgetExports(deps: ErasureDeps, userId: string): Promise<DeletionCounts> {
  const keys = await deps.store.dataExports.deleteByUser(userId);
  for (const key of keys) await deps.media.delete(key);
  await deps.media.deletePrefix(`exports/${userId}/`);
  return { exports: keys.length };
}

/**
 * Deletes a workspace whole: grants revoked and tokens deleted first, then every record in it, then its files.
 * Members keep working elsewhere: their sessions move to another of their workspaces, and a member left with
 * none gets a fresh empty workspace, as at sign-up (every signed-in person has one). `leaving` is a member who is
 * being deleted too and needs neither. Every member's data exports go too: each copy holds this workspace's data.
 */
export async function eraseWorkspace(
  deps: ErasureDeps,
  workspaceId: string,
  leaving: string | null = null,
): Promise<DeletionCounts> {
  const { store, clock, media } = deps;
  const connections = await everyPage((page) => store.connections.listByWorkspace(workspaceId, page));
  const revocation = await revokeConnections(deps, connections);
  const members = await everyPage((page) => store.memberships.listByWorkspace(workspaceId, page));
  let freshWorkspaces = 0;
  const exports: DeletionCounts[] = [];
  for (const member of members) {
    exports.push(await forgetExports(deps, member.userId));
    if (member.userId === leaving) continue;
    const elsewhere = (await store.memberships.listByUser(member.userId)).find(
      (m) => m.workspaceId !== workspaceId,
    );
    let target = elsewhere?.workspaceId;
    if (!target) {
      const fresh = await store.transaction((tx) =>
        createOwnedWorkspace(tx, member.userId, `${member.name}'s workspace`, isoNow(clock)),
      );
      target = fresh.id;
      freshWorkspaces += 1;
    }
    await store.erasure.moveSessions(member.userId, workspaceId, target);
  }
  const deleted = await store.erasure.deleteWorkspace(workspaceId);
  let mediaFiles = await media.deletePrefix(`workspaces/${workspaceId}/`);
  // Keys outside the workspace's folder (older installs, tests) are named by the records that used them.
  for (const key of deleted.mediaKeys) {
    if (key.startsWith(`workspaces/${workspaceId}/`) || !(await media.exists(key))) continue;
    await media.delete(key);
    mediaFiles += 1;
  }
  return addCounts(deleted.counts, revocation, ...exports, { mediaFiles, freshWorkspaces });
}
