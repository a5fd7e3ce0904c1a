import { z } from 'zod';
import { idSchema, roleSchema } from './common.js';

export const workspaceName = z.string().trim().min(1).max(80);

export const createWorkspaceRequest = z.strictObject({ name: workspaceName });
export const renameWorkspaceRequest = z.strictObject({ name: workspaceName });
export const switchWorkspaceRequest = z.strictObject({ workspaceId: idSchema });

export const memberView = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  joinedAt: z.string(),
});
export const changeRoleRequest = z.strictObject({ role: roleSchema });

export const createInvitationRequest = z.strictObject({
  email: z.email().max(254),
  role: roleSchema,
});
export const invitationView = z.object({
  id: z.string(),
  email: z.string(),
  role: roleSchema,
  createdAt: z.string(),
  expiresAt: z.string(),
});
/** Returned once, when the invitation is made: the link carries the single-use token. */
export const createdInvitation = z.object({ invitation: invitationView, acceptUrl: z.string() });
export const invitationPreview = z.object({ workspaceName: z.string(), email: z.string(), role: roleSchema });
export const acceptInvitationRequest = z.strictObject({ token: z.string().min(1).max(200) });

export type MemberView = z.infer<typeof memberView>;
export type InvitationView = z.infer<typeof invitationView>;
export type CreatedInvitation = z.infer<typeof createdInvitation>;
export type InvitationPreview = z.infer<typeof invitationPreview>;
