import { z } from 'zod';

/** The workspace's rules, each off by default. */
export const workspaceSettingsView = z.object({
  requireOtherApprover: z.boolean().describe('Nobody may approve a version they submitted, owners included'),
});
export type WorkspaceSettingsView = z.infer<typeof workspaceSettingsView>;

export const updateWorkspaceSettingsRequest = z.strictObject({
  requireOtherApprover: z.boolean().optional(),
});
