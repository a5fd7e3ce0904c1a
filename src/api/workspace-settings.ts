import { z } from 'zod';
import { RETENTION_DAYS_MAX, RETENTION_DAYS_MIN } from '../domain/people.js';

const unpublishedMediaDays = z
  .number()
  .int()
  .min(RETENTION_DAYS_MIN)
  .max(RETENTION_DAYS_MAX)
  .nullable()
  .describe(
    'Days the rendered video, cover and voice-over of a never-published item are kept after its last change; null: kept',
  );
const statsOnDisconnect = z
  .enum(['keep', 'delete'])
  .describe('Keep the statistics of an account when it is disconnected or revoked, or delete them then');

/** How long the workspace keeps what it no longer needs (owners change it). */
export const retentionView = z.object({ unpublishedMediaDays, statsOnDisconnect });
export type RetentionView = z.infer<typeof retentionView>;

/** The workspace's rules, each off by default. */
export const workspaceSettingsView = z.object({
  requireOtherApprover: z.boolean().describe('Nobody may approve a version they submitted, owners included'),
  retention: retentionView,
});
export type WorkspaceSettingsView = z.infer<typeof workspaceSettingsView>;

export const updateWorkspaceSettingsRequest = z.strictObject({
  requireOtherApprover: z.boolean().optional(),
  retention: z
    .strictObject({
      unpublishedMediaDays: unpublishedMediaDays.optional(),
      statsOnDisconnect: statsOnDisconnect.optional(),
    })
    .optional(),
});
export type UpdateWorkspaceSettingsRequest = z.infer<typeof updateWorkspaceSettingsRequest>;
