import { z } from 'zod';
import type { VersionEdits } from '../domain/content-item.js';
import type { JobType, RetryPolicy } from '../ports/job-queue.js';

/** Declares a job type: its name, payload schema, retry policy and lane. */
export function defineJob<P>(name: string, payload: z.ZodType<P>, policy: RetryPolicy): JobType<P> {
  return { name, payload, ...policy };
}

// Edits are validated in full at the HTTP edge (api/content.ts); here only their shape as an object.
const versionEdits = z.custom<VersionEdits>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  'edits must be an object',
);

/** Generates a new version of an item: the whole pipeline, stages cached, so a re-run is cheap. */
export const GENERATE_JOB = defineJob(
  'generate',
  z.object({
    itemId: z.string().min(1),
    edits: versionEdits,
    /**
     * The version the job was queued on top of (null for a new item). A queue may deliver a job again after it
     * finished (a worker that lost its lock could not mark it done): the run then finds the item moved past it and
     * makes no second version. Absent on jobs queued before the field existed: no check.
     */
    baseVersionId: z.string().nullable().optional(),
  }),
  { attempts: 3, backoff: { type: 'exponential', delayMs: 2_000 }, timeoutMs: 30 * 60_000, lane: 'render' },
);
export type GeneratePayload = z.infer<typeof GENERATE_JOB.payload>;

/** Refreshes one connection's tokens when its refresh is due. */
export const REFRESH_TOKEN_JOB = defineJob('refresh-token', z.object({ connectionId: z.string().min(1) }), {
  attempts: 5,
  backoff: { type: 'exponential', delayMs: 30_000 },
  timeoutMs: 2 * 60_000,
  lane: 'io',
});
export type RefreshTokenPayload = z.infer<typeof REFRESH_TOKEN_JOB.payload>;

/** Deletes expired sessions and OAuth states, then plans its next run. */
export const HOUSEKEEPING_JOB = defineJob('housekeeping', z.object({}), {
  attempts: 3,
  backoff: { type: 'fixed', delayMs: 60_000 },
  timeoutMs: 5 * 60_000,
  lane: 'io',
});

/** The workspace id of jobs that belong to no workspace (housekeeping). */
export const SYSTEM_WORKSPACE = 'system';

/** Moves one publication forward: starts, resumes or checks it (processing, post id), then plans the next run. */
export const PUBLISH_JOB = defineJob('publish', z.object({ publicationId: z.string().min(1) }), {
  attempts: 8,
  backoff: { type: 'exponential', delayMs: 15_000 },
  timeoutMs: 60 * 60_000,
  lane: 'io',
});
export type PublishPayload = z.infer<typeof PUBLISH_JOB.payload>;

/** The stats sweep: reads every tracked video that is due, in the fewest calls the budgets allow, then plans its next run. */
export const STATS_SYNC_JOB = defineJob('stats-sync', z.object({}), {
  attempts: 3,
  backoff: { type: 'fixed', delayMs: 30_000 },
  timeoutMs: 30 * 60_000,
  lane: 'io',
});

/** Imports a newly connected (or reconnected) account's earlier posts, so the learning loop has a start. */
export const STATS_IMPORT_JOB = defineJob('stats-import', z.object({ connectionId: z.string().min(1) }), {
  attempts: 5,
  backoff: { type: 'exponential', delayMs: 60_000 },
  timeoutMs: 30 * 60_000,
  lane: 'io',
});
export type StatsImportPayload = z.infer<typeof STATS_IMPORT_JOB.payload>;

/** Builds the ZIP of a person's data (privacy center); a few tries, then the export ends failed with a reason. */
export const DATA_EXPORT_JOB = defineJob('data-export', z.object({ exportId: z.string().min(1) }), {
  attempts: 3,
  backoff: { type: 'exponential', delayMs: 30_000 },
  timeoutMs: 60 * 60_000,
  lane: 'io',
});
export type DataExportPayload = z.infer<typeof DATA_EXPORT_JOB.payload>;

/** The daily retention sweep: deletes rendered media of long-unchanged, never-published items, then plans its next run. */
export const RETENTION_JOB = defineJob('retention', z.object({}), {
  attempts: 3,
  backoff: { type: 'fixed', delayMs: 5 * 60_000 },
  timeoutMs: 30 * 60_000,
  lane: 'io',
});
