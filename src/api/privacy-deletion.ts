import { z } from 'zod';
import { passwordSchema } from './auth.js';

export const deleteAccountRequest = z.strictObject({
  password: passwordSchema,
  confirmation: z.string().max(20).describe('The word DELETE, typed by the person'),
});

export const deleteWorkspaceRequest = z.strictObject({
  confirmation: z.string().max(200).describe("The workspace's name, typed by an owner"),
});

/** What a deletion did: counts per kind of record, and the id of the anonymous line that records it. */
export const deletionReport = z.object({
  deleted: z.literal(true),
  confirmation: z.string().describe('Id of the anonymous deletion log line'),
  counts: z.record(z.string(), z.number()),
});

export const workspaceFateView = z.object({
  workspaceId: z.string(),
  name: z.string(),
  fate: z.enum(['delete', 'hand_over']),
  newOwner: z.object({ name: z.string(), promoted: z.boolean() }).nullable(),
  connections: z.number().describe('Connected accounts revoked and deleted with the workspace'),
});

export const deletionPreview = z.object({ workspaces: z.array(workspaceFateView) });

export type DeleteAccountRequest = z.infer<typeof deleteAccountRequest>;
export type DeletionReportView = z.infer<typeof deletionReport>;
export type WorkspaceFateView = z.infer<typeof workspaceFateView>;
export type DeletionPreview = z.infer<typeof deletionPreview>;
