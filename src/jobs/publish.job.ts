import type { JobHandler } from '../ports/job-queue.js';
import type { PublishingService } from '../services/publishing/publishing.service.js';
import { PUBLISH_JOB, type PublishPayload } from './catalog.js';

/** The publish job: one call to the publishing service, which owns the publication's state and plans the next run. */
export function publishJob(publishing: PublishingService): JobHandler<PublishPayload> {
  return {
    type: PUBLISH_JOB,
    handle: async ({ id, workspaceId, payload }) => {
      await publishing.advance(workspaceId, payload.publicationId, id);
    },
    onFinalFailure: async ({ id, workspaceId, payload }) => {
      await publishing.giveUp(workspaceId, payload.publicationId, id);
    },
  };
}
