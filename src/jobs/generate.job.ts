import type { Job, VersionEdits } from '../domain/content-item.js';
import { TransientError } from '../domain/errors.js';
import { publicFailureReason } from '../domain/failure-reason.js';
import { isoNow, type Clock } from '../ports/clock.js';
import type { ProgressBus } from '../ports/progress-bus.js';
import type { Store } from '../ports/store.js';
import type { GeneratePayload } from '../services/content.service.js';
import { StageFailure, type GenerationService } from '../services/generation/generation.service.js';
import type { VideoUploadService } from '../services/video-upload.service.js';
import type { JobDefinition } from './catalog.js';

/** The generate job: runs the pipeline for an item and records the new version, or a clear failure. */
export function generateJob(deps: {
  store: Store;
  clock: Clock;
  generation: GenerationService;
  uploads: VideoUploadService;
  progress: ProgressBus;
}): JobDefinition {
  const { store, clock, generation, uploads, progress } = deps;
  const publish = (
    job: Job,
    itemId: string,
    stage: string,
    fraction: number,
    overall: number,
    status: 'running' | 'ready' | 'failed',
    message?: string,
  ) =>
    progress.publish({
      workspaceId: job.workspaceId,
      itemId,
      stage,
      fraction,
      overall,
      status,
      ...(message ? { message } : {}),
    });

  return {
    maxAttempts: 3,
    async handle(job, ctx) {
      const { itemId, edits } = job.payload as unknown as GeneratePayload;
      const item = await store.content.findItem(job.workspaceId, itemId);
      if (!item) return;
      await store.content.updateItem({
        ...item,
        status: 'generating',
        failure: null,
        updatedAt: isoNow(clock),
      });
      const base = item.currentVersionId
        ? await store.content.findVersion(job.workspaceId, item.currentVersionId)
        : null;
      // Edits stack on the current version's: an edited script stays edited when captions are fixed later.
      const merged: VersionEdits = {
        ...base?.edits,
        ...edits,
        captionText: { ...base?.edits.captionText, ...edits.captionText },
      };
      let lastBeat = 0;
      try {
        // An uploaded video keeps its file: only its platform texts change.
        const version =
          item.source === 'upload'
            ? uploads.newVersion(base, merged)
            : await generation.generate(
                job.workspaceId,
                itemId,
                item.brief,
                merged,
                (stage, fraction, overall) => {
                  publish(job, itemId, stage, fraction, overall, 'running');
                  if (Date.now() - lastBeat > 1000) {
                    lastBeat = Date.now();
                    void ctx.heartbeat({ stage, fraction: overall });
                  }
                },
                ctx.signal,
              );
        const versions = await store.content.listVersions(job.workspaceId, itemId);
        await store.transaction(async (tx) => {
          await tx.content.createVersion({ ...version, number: (versions[0]?.number ?? 0) + 1 });
          await tx.content.updateItem({
            ...item,
            status: 'ready',
            failure: null,
            currentVersionId: version.id,
            updatedAt: isoNow(clock),
          });
        });
        publish(job, itemId, 'done', 1, 1, 'ready');
      } catch (error) {
        // Outside a stage, a generation failed writing the script; an upload's new version, its texts.
        const stage =
          error instanceof StageFailure ? error.stage : item.source === 'upload' ? 'metadata' : 'script';
        const cause = error instanceof StageFailure ? error.cause : error;
        // Transient causes (rate limits, timeouts) are retried by the queue; the item shows it is still at work.
        if (cause instanceof TransientError) {
          const current = await store.content.findItem(job.workspaceId, itemId);
          const reason = `${publicFailureReason(cause)} (retrying)`;
          if (current)
            await store.content.updateItem({
              ...current,
              failure: { stage: stage as 'script', reason },
              updatedAt: isoNow(clock),
            });
          throw cause;
        }
        await recordFailure(job, itemId, stage, cause);
        throw cause;
      }
    },
    async onFinalFailure(job, error) {
      const { itemId } = job.payload as unknown as GeneratePayload;
      const item = await store.content.findItem(job.workspaceId, itemId);
      if (item && item.status !== 'failed')
        await recordFailure(job, itemId, item.failure?.stage ?? 'script', error);
    },
  };

  async function recordFailure(job: Job, itemId: string, stage: string, cause: unknown): Promise<void> {
    const item = await store.content.findItem(job.workspaceId, itemId);
    if (!item) return;
    const reason = publicFailureReason(cause);
    await store.content.updateItem({
      ...item,
      status: 'failed',
      failure: { stage: stage as 'script', reason },
      updatedAt: isoNow(clock),
    });
    publish(job, itemId, stage, 0, 0, 'failed', reason);
  }
}
