import { z } from 'zod';
import { roleSchema } from './common.js';

export const emailSchema = z.email().max(254).describe('Email address');
/** Strength rules live in the domain; the schema only bounds the size. */
export const passwordSchema = z.string().min(1).max(200).describe('Password (at least 10 characters)');

export const signUpRequest = z.strictObject({
  email: emailSchema,
  password: passwordSchema,
  name: z.string().trim().min(1).max(100).optional().describe('Display name; defaults to the email'),
});
export const signInRequest = z.strictObject({ email: emailSchema, password: passwordSchema });
export const passwordResetRequest = z.strictObject({ email: emailSchema });
export const passwordResetConfirm = z.strictObject({
  token: z.string().min(1).max(200),
  password: passwordSchema,
});

export const userView = z.object({ id: z.string(), email: z.string(), name: z.string() });
export const workspaceSummary = z.object({ id: z.string(), name: z.string(), role: roleSchema });

export const meResponse = z.object({
  user: userView,
  workspaces: z.array(workspaceSummary),
  currentWorkspace: workspaceSummary,
  role: roleSchema,
});

export type SignUpRequest = z.infer<typeof signUpRequest>;
export type SignInRequest = z.infer<typeof signInRequest>;
export type UserView = z.infer<typeof userView>;
export type WorkspaceSummary = z.infer<typeof workspaceSummary>;
export type MeResponse = z.infer<typeof meResponse>;
