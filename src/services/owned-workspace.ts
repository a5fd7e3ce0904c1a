import { newId } from '../domain/ids.js';
import type { Workspace } from '../domain/people.js';
import type { Store } from '../ports/store.js';

/** Creates a workspace with `userId` as its owner, inside the caller's transaction. */
export async function createOwnedWorkspace(
  tx: Store,
  userId: string,
  name: string,
  now: string,
): Promise<Workspace> {
  const workspace: Workspace = { id: newId(), name, createdAt: now };
  await tx.workspaces.create(workspace);
  await tx.memberships.add({ id: newId(), workspaceId: workspace.id, userId, role: 'owner', joinedAt: now });
  return workspace;
}
