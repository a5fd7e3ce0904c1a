import type { JobHandler } from '../ports/job-queue.js';
import type { HousekeepingService } from '../services/housekeeping.service.js';
import { HOUSEKEEPING_JOB } from './catalog.js';

/** The hourly housekeeping job; it plans its successor first, so a failure never breaks the chain. */
export function housekeepingJob(housekeeping: HousekeepingService): JobHandler<Record<string, never>> {
  return {
    type: HOUSEKEEPING_JOB,
    handle: async () => {
      await housekeeping.planNext();
      await housekeeping.deleteExpired();
    },
  };
}
