import type { ContentItem, Version, VersionEdits } from '../domain/content-item.js';
import { TransientError } from '../domain/errors.js';
import { publicFailureReason } from '../domain/failure-reason.js';
import { isoNow, type Clock } from '../ports/clock.js';
import type { JobContext } from '../ports/job-queue.js';
import type { ProgressBus } from '../ports/progress-bus.js';
import type { Store } from '../ports/store.js';
import { StageFailure, type GenerationService } from './generation/generation.service.js';
import type { VideoUploadService } from './video-upload.service.js';

type FailedStage = NonNullable<ContentItem['failure']>['stage'];

/**
 * An item's life while its new version is made: generating, then ready with the version, or failed with the
 * stage and reason (still generating, with the reason, while a transient failure waits for its retry).
 */
export class ItemGenerationService {
  constructor(
    private readonly deps: {
      store: Store;
      clock: Clock;
      generation: GenerationService;
      uploads: VideoUploadService;
      progress: ProgressBus;
    },
  ) {}

  /**
   * Makes the item's next version with the edits stacked on its current one; a missing item is a no-op. With
   * `baseVersionId` (the current version when the job was queued), a job makes at most one version: once the item
   * has moved past that version, a second delivery of the job does nothing.
   */
  async generateVersion(
    workspaceId: string,
    itemId: string,
    edits: VersionEdits,
    ctx: JobContext,
    baseVersionId?: string | null,
  ): Promise<void> {
    const { store, clock, generation, uploads } = this.deps;
    const item = await store.content.findItem(workspaceId, itemId);
    if (!item || movedPast(item, baseVersionId)) return;
    await store.content.updateItem({
      ...item,
      status: 'generating',
      failure: null,
      updatedAt: isoNow(clock),
    });
    const base = item.currentVersionId
      ? await store.content.findVersion(workspaceId, item.currentVersionId)
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
              workspaceId,
              itemId,
              item.brief,
              merged,
              (stage, fraction, overall) => {
                this.publish(item, stage, fraction, overall, 'running');
                if (Date.now() - lastBeat > 1000) {
                  lastBeat = Date.now();
                  void ctx.heartbeat({ stage, fraction: overall });
                }
              },
              ctx.signal,
            );
      if (await this.saveVersion(item, version, baseVersionId)) this.publish(item, 'done', 1, 1, 'ready');
    } catch (error) {
      // Stopped or timed out: the queue hands the job back or retries it, so the item is not failed here.
      if (ctx.signal.aborted) throw error;
      // Outside a stage, a generation failed writing the script; an upload's new version, its texts.
      const stage: FailedStage =
        error instanceof StageFailure ? error.stage : item.source === 'upload' ? 'metadata' : 'script';
      const cause = error instanceof StageFailure ? error.cause : error;
      // Transient causes (rate limits, timeouts) are retried by the queue; the item shows it is still at work.
      if (cause instanceof TransientError) await this.noteRetrying(item, stage, cause);
      else await this.recordFailure(workspaceId, itemId, stage, cause);
      throw cause;
    }
  }

  /** Leaves a clear failed state once the queue gives up on the item's generation. */
  async giveUp(workspaceId: string, itemId: string, error: unknown): Promise<void> {
    const item = await this.deps.store.content.findItem(workspaceId, itemId);
    if (item && item.status !== 'failed')
      await this.recordFailure(workspaceId, itemId, item.failure?.stage ?? 'script', error);
  }

  /** Saves the version as the item's current one; false when another run of the same job saved first. */
  private async saveVersion(
    item: ContentItem,
    version: Omit<Version, 'number'>,
    baseVersionId: string | null | undefined,
  ): Promise<boolean> {
    const { store, clock } = this.deps;
    return store.transaction(async (tx) => {
      const current = await tx.content.findItem(item.workspaceId, item.id);
      if (!current || movedPast(current, baseVersionId)) return false;
      // Read inside: a retried transaction numbers the version after any that another worker committed.
      const versions = await tx.content.listVersions(item.workspaceId, item.id);
      await tx.content.createVersion({ ...version, number: (versions[0]?.number ?? 0) + 1 });
      await tx.content.updateItem({
        ...item,
        status: 'ready',
        failure: null,
        currentVersionId: version.id,
        updatedAt: isoNow(clock),
      });
      return true;
    });
  }

  private async noteRetrying(item: ContentItem, stage: FailedStage, cause: TransientError): Promise<void> {
    const current = await this.deps.store.content.findItem(item.workspaceId, item.id);
    if (current)
      await this.deps.store.content.updateItem({
        ...current,
        failure: { stage, reason: `${publicFailureReason(cause)} (retrying)` },
        updatedAt: isoNow(this.deps.clock),
      });
  }

  private async recordFailure(
    workspaceId: string,
    itemId: string,
    stage: FailedStage,
    cause: unknown,
  ): Promise<void> {
    const item = await this.deps.store.content.findItem(workspaceId, itemId);
    if (!item) return;
    // People see a reason without server paths or raw stderr; the log keeps the whole error.
    const reason = publicFailureReason(cause);
    await this.deps.store.content.updateItem({
      ...item,
      status: 'failed',
      failure: { stage, reason },
      updatedAt: isoNow(this.deps.clock),
    });
    this.publish(item, stage, 0, 0, 'failed', reason);
  }

  private publish(
    item: ContentItem,
    stage: string,
    fraction: number,
    overall: number,
    status: 'running' | 'ready' | 'failed',
    message?: string,
  ): void {
    this.deps.progress.publish({
      workspaceId: item.workspaceId,
      itemId: item.id,
      stage,
      fraction,
      overall,
      status,
      ...(message ? { message } : {}),
    });
  }
}

/** The item's current version is no longer the one the job was queued on: that job's version exists already. */
function movedPast(item: ContentItem, baseVersionId: string | null | undefined): boolean {
  return baseVersionId !== undefined && item.currentVersionId !== baseVersionId;
}
