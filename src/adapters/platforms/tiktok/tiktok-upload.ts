import type { UserError } from '../../../domain/errors.js';
import type { PublishCheckpoint } from '../../../domain/publishing/publication.js';
import type { PublishFailure } from '../../../domain/publishing/publish-failure.js';
import { tiktokChunkStartingAt, type TiktokChunkPlan } from './tiktok-chunks.js';
import type { TiktokPublishApi, TiktokPublishStatus } from './tiktok-publish-api.js';

/** Tries of one chunk that met a 5xx or no answer, before the run gives up (the next run resumes). */
const CHUNK_TRIES = 3;
const RETRY_PAUSE_MS = 250;
/** 416 resyncs in one run; more means TikTok and this app keep disagreeing. */
const MAX_RESYNCS = 3;

export interface UploadInput {
  api: TiktokPublishApi;
  accessToken: string;
  publishId: string;
  uploadUrl: string;
  plan: TiktokChunkPlan;
  path: string;
  /** Byte offset to continue from (a chunk boundary: what TikTok says it holds). */
  from: number;
  record(step: string, phase: 'before' | 'after', patch?: PublishCheckpoint['remote']): Promise<void>;
  status(): Promise<TiktokPublishStatus>;
  fail(
    code: 'upload_rejected' | 'upload_unavailable' | 'upload_out_of_sync' | 'upload_not_found',
  ): PublishFailure | UserError;
  progress(detail: string): Promise<void>;
}

/**
 * How an upload ended: every byte taken (201); TikTok's status says the upload is over (FAILED, or already done);
 * or the upload URL stopped working (403) while TikTok still calls the publish in progress.
 */
export type UploadOutcome =
  { kind: 'complete' } | { kind: 'stopped'; status: TiktokPublishStatus } | { kind: 'expired' };

/**
 * Sends the chunks from `from` in order (§1.3): 206 next chunk, 201 done, 416 resync from status/fetch's
 * uploaded_bytes, 403 (expired URL) and 404 (unknown task) checked against the status, 5xx retried, 400 refused.
 * Each confirmed chunk is recorded, so a crash costs at most the chunk in flight.
 */
export async function uploadChunks(input: UploadInput): Promise<UploadOutcome> {
  const { plan } = input;
  let offset = input.from;
  let resyncs = 0;
  let tries = 0;
  await input.progress(progressText(plan, offset));
  for (;;) {
    const chunk = tiktokChunkStartingAt(plan, offset);
    if (!chunk) throw input.fail('upload_out_of_sync');
    const isLast = chunk.index === plan.totalChunkCount - 1;
    // The last chunk sets the post in motion; its 'before' entry tells a resumed run to ask before sending again.
    if (isLast) await input.record('upload_last_chunk', 'before', { lastChunkSent: true });
    const answer = await input.api.putChunk(input.uploadUrl, input.path, plan, chunk);
    const status = answer.status;
    if (status === 206 && !isLast) {
      offset = chunk.last + 1;
      tries = 0;
      await input.record('upload_chunk', 'after', { uploadedBytes: offset });
      continue;
    }
    if (status === 201) {
      await input.record('upload_last_chunk', 'after', {
        uploadedBytes: plan.videoSize,
        uploadComplete: true,
      });
      return { kind: 'complete' };
    }
    if (status === 'unreachable' || status >= 500) {
      tries += 1;
      if (tries >= CHUNK_TRIES) throw input.fail('upload_unavailable');
      await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS * tries));
      // The chunk may have arrived before the answer was lost: ask rather than send it twice.
      const view = await input.status();
      if (view.status !== 'PROCESSING_UPLOAD') return { kind: 'stopped', status: view };
      offset = view.uploadedBytes ?? offset;
      continue;
    }
    if (status === 416 || status === 206) {
      resyncs += 1;
      if (resyncs > MAX_RESYNCS) throw input.fail('upload_out_of_sync');
      const view = await input.status();
      if (view.status !== 'PROCESSING_UPLOAD') return { kind: 'stopped', status: view };
      if (view.uploadedBytes === null) throw input.fail('upload_out_of_sync');
      offset = view.uploadedBytes;
      if (offset >= plan.videoSize) {
        await input.record('upload_last_chunk', 'after', { uploadedBytes: offset, uploadComplete: true });
        return { kind: 'complete' };
      }
      await input.record('upload_resync', 'after', { uploadedBytes: offset });
      continue;
    }
    if (status === 403 || status === 404) {
      const view = await input.status();
      if (view.status !== 'PROCESSING_UPLOAD') return { kind: 'stopped', status: view };
      if (status === 404) throw input.fail('upload_not_found');
      return { kind: 'expired' };
    }
    throw input.fail('upload_rejected');
  }
}

function progressText(plan: TiktokChunkPlan, offset: number): string {
  const part = Math.min(plan.totalChunkCount, Math.floor(offset / plan.chunkSize) + 1);
  return plan.totalChunkCount === 1
    ? 'Sending the video to TikTok'
    : `Sending the video to TikTok (from part ${part} of ${plan.totalChunkCount})`;
}
