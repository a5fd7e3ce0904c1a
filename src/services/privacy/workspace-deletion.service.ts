import { UserError, notFound } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { nonZero } from '../../domain/privacy/deletion.js';
import { isoNow } from '../../ports/clock.js';
import { requirePermission, type AuthContext } from '../auth-context.js';
import type { DeletionReport } from './account-deletion.service.js';
import { eraseWorkspace, type ErasureDeps } from './workspace-erasure.js';

/** Deleting a whole workspace, by one of its owners, typed name as confirmation (0037). */
export class WorkspaceDeletionService {
  constructor(private readonly deps: ErasureDeps) {}

  /** Deletes the caller's current workspace and everything in it; its members keep their other workspaces. */
  async deleteWorkspace(ctx: AuthContext, input: { confirmation: string }): Promise<DeletionReport> {
    requirePermission(ctx, 'workspace.manage');
    const { store, clock } = this.deps;
    const workspace = await store.workspaces.findById(ctx.workspaceId);
    if (!workspace) throw notFound('workspace');
    if (input.confirmation.trim() !== workspace.name.trim())
      throw new UserError(
        'validation',
        'confirmation_mismatch',
        'Type the workspace name exactly as it is to confirm',
      );
    const counts = nonZero(await eraseWorkspace(this.deps, workspace.id));
    const logId = newId();
    await store.erasure.logDeletion({ id: logId, kind: 'workspace', createdAt: isoNow(clock), counts });
    await store.erasure.purgeDeleted();
    return { logId, counts };
  }
}
