import type { Brief, PlatformMetadata } from '../domain/content.js';
import {
  isUploaded,
  type ContentItem,
  type UploadedOutputs,
  type Version,
  type VersionEdits,
} from '../domain/content-item.js';
import { BugError, UserError, forbidden } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import { buildUploadMetadata, validateMetadata } from '../domain/metadata/index.js';
import { preflight } from '../domain/preflight/index.js';
import { buildCoverArgs } from '../domain/render/index.js';
import { isoNow, type Clock } from '../ports/clock.js';
import type { MediaStore } from '../ports/media-store.js';
import type { MediaTools } from '../ports/media-tools.js';
import type { Store } from '../ports/store.js';
import { requirePermission, type AuthContext } from './auth-context.js';
import { stageKey } from './generation/canonical-hash.js';
import { StageFailure } from './generation/stage-runner.js';
import { assertQueueRoom } from './queue-limit.js';
import { checkUpload, corrupt, displayName, unsupported } from './upload-checks.js';

export interface VideoUploadDeps {
  store: Store;
  media: MediaStore;
  tools: Pick<MediaTools, 'probe' | 'ffmpeg'>;
  clock: Clock;
  /** MEDIA_UPLOAD_MAX_MB in bytes. */
  maxUploadBytes: number;
  /** WORKSPACE_QUEUE_MAX: items one workspace may have queued or generating; unset, no limit. */
  maxQueued?: number;
}

/** A finished video in a temporary path (the HTTP layer wrote it there), with what the person said about it. */
export interface VideoUploadInput {
  workspaceId: string;
  filename: string;
  tempPath: string;
  title: string;
  description: string;
  /** Made from the title and the chosen platforms; its duration is set from the file. */
  brief: Brief;
}

const MAX_COVER_AT_MS = 1500;

/**
 * Finished videos people upload: kept as they are, with a cover, platform texts from the title and description,
 * and the same ffprobe checks against each platform's rules as a generated video, so they go to review the same way.
 */
export class VideoUploadService {
  constructor(private readonly deps: VideoUploadDeps) {}

  /** Whether the caller may upload now (role, room in the workspace's queue): asked before any byte is read. */
  async assertCanUpload(ctx: AuthContext): Promise<void> {
    requirePermission(ctx, 'content.create');
    const max = this.deps.maxQueued;
    if (max !== undefined) await assertQueueRoom(this.deps.store.content, ctx.workspaceId, max);
  }

  /** Checks and stores the file and creates a ready item with its first version; a refused file leaves nothing. */
  async ingest(ctx: AuthContext, input: VideoUploadInput): Promise<{ item: ContentItem; version: Version }> {
    const { media, store, clock } = this.deps;
    await this.assertCanUpload(ctx);
    if (input.workspaceId !== ctx.workspaceId) throw forbidden();
    const itemId = newId();
    const folder = `workspaces/${ctx.workspaceId}/uploads/${itemId}`;
    const incoming = `${folder}/incoming`;
    await media.put(incoming, input.tempPath);
    const written: string[] = [incoming];
    try {
      const started = Date.now();
      const checked = await checkUpload(this.deps, incoming, input.filename);
      if (checked.kind !== 'video') throw unsupported(`It is ${articleFor(checked.kind)}, not a video`);
      const videoKey = `${folder}/video.${checked.extension}`;
      await media.move(incoming, videoKey);
      written.push(videoKey);

      const coverKey = `${folder}/cover.jpg`;
      const coverAtMs = Math.min(MAX_COVER_AT_MS, Math.floor(checked.info.durationMs / 3));
      written.push(coverKey);
      await this.makeCover(videoKey, coverKey, coverAtMs);
      const coverMs = Date.now() - started;

      const brief: Brief = {
        ...input.brief,
        durationSeconds: Math.min(90, Math.max(10, Math.round(checked.info.durationMs / 1000))),
      };
      const metadata = buildUploadMetadata(input, brief);
      const outputs: UploadedOutputs = {
        source: 'upload',
        filename: displayName(input.filename),
        videoKey,
        coverKey,
        coverAtMs,
        metadata,
        media: checked.info,
        preflight: preflight(checked.info, brief.platforms),
      };
      const now = isoNow(clock);
      const version: Version = {
        id: newId(),
        itemId,
        workspaceId: ctx.workspaceId,
        number: 1,
        contentHash: contentHashOf(outputs),
        outputs,
        edits: {},
        parameters: { source: 'upload', durationSeconds: checked.info.durationMs / 1000 },
        stageLog: [
          { stage: 'cover', cached: false, ms: coverMs },
          { stage: 'metadata', cached: false, ms: 0 },
          { stage: 'preflight', cached: false, ms: 0 },
        ],
        createdAt: now,
      };
      const item: ContentItem = {
        id: itemId,
        workspaceId: ctx.workspaceId,
        title: input.title,
        source: 'upload',
        brief,
        status: 'ready',
        currentVersionId: version.id,
        failure: null,
        createdBy: ctx.user.id,
        createdAt: now,
        updatedAt: now,
      };
      await store.transaction(async (tx) => {
        await tx.content.createItem(item);
        await tx.content.createVersion(version);
      });
      await media.delete(incoming).catch(() => undefined);
      return { item, version };
    } catch (error) {
      // Cleanup must not hide the reason the upload was refused.
      for (const key of written) await media.delete(key).catch(() => undefined);
      throw error;
    }
  }

  /**
   * A new version of an uploaded video with edited platform texts: the same file, cover and checks. An uploaded
   * video has no script or captions of the factory's to edit.
   */
  newVersion(base: Version | null, edits: VersionEdits): Omit<Version, 'number'> {
    // An uploaded item always has its first version; anything else here is a bug, never a generation.
    if (!base || !isUploaded(base.outputs))
      throw new BugError('not_an_upload', 'newVersion needs an uploaded version');
    const metadata: PlatformMetadata = edits.metadata ?? base.outputs.metadata;
    const problems = validateMetadata(metadata);
    if (problems.length > 0) {
      throw new StageFailure(
        'metadata',
        new Error(problems.map((p) => `${p.platform} ${p.field}: ${p.message}`).join('; ')),
      );
    }
    const outputs: UploadedOutputs = { ...base.outputs, metadata };
    return {
      id: newId(),
      itemId: base.itemId,
      workspaceId: base.workspaceId,
      contentHash: contentHashOf(outputs),
      outputs,
      edits: { ...(edits.metadata ? { metadata: edits.metadata } : {}) },
      parameters: base.parameters,
      stageLog: [{ stage: 'metadata', cached: false, ms: 0 }],
      createdAt: isoNow(this.deps.clock),
    };
  }

  /** A frame early in the upload, as its cover: made in scratch, then put (a bucket store has no path to write). */
  private async makeCover(videoKey: string, coverKey: string, coverAtMs: number): Promise<void> {
    const { media, tools } = this.deps;
    const input = await media.localPath(videoKey);
    const scratch = await media.scratch();
    try {
      const output = `${scratch.dir}/cover.jpg`;
      await tools.ffmpeg(buildCoverArgs(input, coverAtMs, output), output, { expectedMs: 40 }).catch(() => {
        // ffprobe read the streams, but no frame decodes: the file is damaged past its header.
        throw corrupt();
      });
      await media.put(coverKey, output);
    } finally {
      await scratch.cleanup();
    }
  }
}

/** Script and caption edits need the factory's own script and captions; an upload has neither. */
export function assertEditableUpload(edits: VersionEdits): void {
  if (edits.script || (edits.captionText && Object.keys(edits.captionText).length > 0)) {
    throw new UserError(
      'validation',
      'edit_not_applicable',
      'An uploaded video has no script or captions to edit here: edit its platform texts, or upload a new cut.',
    );
  }
}

function contentHashOf(outputs: UploadedOutputs): string {
  return stageKey('version', 'upload-v1', { video: outputs.videoKey, metadata: outputs.metadata });
}

function articleFor(kind: 'image' | 'audio'): string {
  return kind === 'image' ? 'a picture' : 'a sound file';
}
