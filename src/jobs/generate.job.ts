import type { JobHandler } from '../ports/job-queue.js';
import type { ItemGenerationService } from '../services/item-generation.service.js';
import { GENERATE_JOB, type GeneratePayload } from './catalog.js';

/** The generate job: one call to the item generation service, which owns the item's state. */
export function generateJob(items: ItemGenerationService): JobHandler<GeneratePayload> {
  return {
    type: GENERATE_JOB,
    handle: ({ workspaceId, payload }, ctx) =>
      items.generateVersion(workspaceId, payload.itemId, payload.edits, ctx, payload.baseVersionId),
    onFinalFailure: ({ workspaceId, payload }, error) => items.giveUp(workspaceId, payload.itemId, error),
  };
}
