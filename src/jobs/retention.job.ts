import type { JobHandler } from '../ports/job-queue.js';
import type { RetentionService } from '../services/privacy/retention.service.js';
import { RETENTION_JOB } from './catalog.js';

/** The daily retention job; it plans its successor first, so a failure never breaks the chain. */
export function retentionJob(retention: RetentionService): JobHandler<Record<string, never>> {
  return {
    type: RETENTION_JOB,
    handle: async () => {
      await retention.planNext();
      await retention.sweep();
    },
  };
}
