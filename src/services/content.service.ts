import type { Brief, PlatformMetadata } from '../domain/content.js';
import type { ContentItem, ItemStatus, Version, VersionEdits } from '../domain/content-item.js';
import { UserError, notFound } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import { checkMetadataEdit } from '../domain/metadata/index.js';
import { musicOf, parseMusicChoice } from '../domain/music/index.js';
import { isoNow, type Clock } from '../ports/clock.js';
import { GENERATE_JOB } from '../jobs/catalog.js';
import type { JobQueue } from '../ports/job-queue.js';
import type { Page, PageRequest, Store } from '../ports/store.js';
import { requirePermission, type AuthContext } from './auth-context.js';
import { findLibraryMusic } from './library-music.js';
import { assertQueueRoom } from './queue-limit.js';
import { assertEditableUpload } from './video-upload.service.js';

/** Edits as a request carries them: the metadata is not checked yet. */
export type EditRequest = Omit<VersionEdits, 'metadata'> & { metadata?: unknown };

/** Content items: created from briefs, listed in the library, edited into new versions, retried after failures. */
export class ContentService {
  constructor(
    private readonly deps: {
      store: Store;
      clock: Clock;
      queue: JobQueue;
      /** WORKSPACE_QUEUE_MAX: items one workspace may have queued or generating; unset, no limit. */
      maxQueued?: number;
    },
  ) {}

  /** Creates an item for a brief and queues its generation. */
  async create(ctx: AuthContext, brief: Brief): Promise<{ item: ContentItem; jobId: string }> {
    return this.createInSeries(ctx, brief, null);
  }

  /**
   * A series: one item per brief, all queued, sharing one series id (a single brief is a single video, without
   * one); nothing is created when one brief's music is missing.
   */
  async createSeries(ctx: AuthContext, briefs: Brief[]): Promise<{ item: ContentItem; jobId: string }[]> {
    requirePermission(ctx, 'content.create');
    await this.assertQueueRoom(ctx.workspaceId, briefs.length);
    for (const [index, brief] of briefs.entries()) {
      await this.assertMusicAvailable(ctx, brief).catch((error: unknown) => {
        throw error instanceof UserError
          ? new UserError(error.kind, error.code, `Brief ${index + 1}: ${error.message}`)
          : error;
      });
    }
    const seriesId = briefs.length > 1 ? newId() : null;
    const created = [];
    for (const brief of briefs) created.push(await this.createInSeries(ctx, brief, seriesId));
    return created;
  }

  async list(
    ctx: AuthContext,
    filter: { status?: ItemStatus; search?: string },
    page: PageRequest,
  ): Promise<Page<ContentItem>> {
    requirePermission(ctx, 'content.view');
    return this.deps.store.content.listItems(ctx.workspaceId, filter, page);
  }

  /** The item, its versions (newest first) and the current one. */
  async get(ctx: AuthContext, itemId: string): Promise<{ item: ContentItem; versions: Version[] }> {
    requirePermission(ctx, 'content.view');
    const item = await this.deps.store.content.findItem(ctx.workspaceId, itemId);
    if (!item) throw notFound('item');
    return { item, versions: await this.deps.store.content.listVersions(ctx.workspaceId, itemId) };
  }

  /**
   * Queues a new version with the edits (script, caption text, metadata); only dependent stages re-run. Metadata
   * arrives unchecked and is checked here against the item (400 invalid_metadata).
   */
  async edit(ctx: AuthContext, itemId: string, request: EditRequest): Promise<string> {
    requirePermission(ctx, 'content.create');
    const item = await this.deps.store.content.findItem(ctx.workspaceId, itemId);
    if (!item) throw notFound('item');
    if (item.status === 'generating' || item.status === 'queued') {
      throw new UserError(
        'conflict',
        'generation_in_progress',
        'This video is being generated; edit it when it is ready',
      );
    }
    const { metadata, ...rest } = request;
    const edits: VersionEdits =
      metadata === undefined ? rest : { ...rest, metadata: await this.checkedMetadata(item, metadata) };
    if (item.source === 'upload') assertEditableUpload(edits);
    return this.requeue(item, edits);
  }

  /** Runs the generation again after a failure, from the first stage that has no cached result. */
  async retry(ctx: AuthContext, itemId: string): Promise<string> {
    requirePermission(ctx, 'content.create');
    const item = await this.deps.store.content.findItem(ctx.workspaceId, itemId);
    if (!item) throw notFound('item');
    if (item.status !== 'failed')
      throw new UserError('conflict', 'not_failed', 'Only a failed video can be retried');
    return this.requeue(item, {});
  }

  /** One item, queued for generation; part of the series when one is given. */
  private async createInSeries(
    ctx: AuthContext,
    brief: Brief,
    seriesId: string | null,
  ): Promise<{ item: ContentItem; jobId: string }> {
    requirePermission(ctx, 'content.create');
    await this.assertQueueRoom(ctx.workspaceId);
    await this.assertMusicAvailable(ctx, brief);
    const now = isoNow(this.deps.clock);
    const item: ContentItem = {
      id: newId(),
      workspaceId: ctx.workspaceId,
      title: brief.topic.slice(0, 120),
      source: 'generated',
      brief,
      ...(seriesId ? { seriesId } : {}),
      status: 'queued',
      currentVersionId: null,
      failure: null,
      createdBy: ctx.user.id,
      createdAt: now,
      updatedAt: now,
    };
    await this.deps.store.content.createItem(item);
    const jobId = await this.deps.queue.enqueue(GENERATE_JOB, ctx.workspaceId, {
      itemId: item.id,
      edits: {},
      baseVersionId: null,
    });
    return { item, jobId };
  }

  private async checkedMetadata(item: ContentItem, metadata: unknown): Promise<PlatformMetadata> {
    const current = item.currentVersionId
      ? await this.deps.store.content.findVersion(item.workspaceId, item.currentVersionId)
      : null;
    return checkMetadataEdit(metadata, {
      source: item.source,
      platforms: item.brief.platforms,
      current: current?.outputs.metadata ?? null,
    });
  }

  // Fails early with a 400 rather than later with a failed render.
  private async assertMusicAvailable(ctx: AuthContext, brief: Brief): Promise<void> {
    const music = parseMusicChoice(musicOf(brief));
    if (music.kind === 'library')
      await findLibraryMusic(this.deps.store.mediaAssets, ctx.workspaceId, music.assetId, 'brief');
  }

  private async assertQueueRoom(workspaceId: string, adding = 1): Promise<void> {
    const max = this.deps.maxQueued;
    if (max !== undefined) await assertQueueRoom(this.deps.store.content, workspaceId, max, adding);
  }

  private async requeue(item: ContentItem, edits: VersionEdits): Promise<string> {
    await this.assertQueueRoom(item.workspaceId);
    await this.deps.store.content.updateItem({
      ...item,
      status: 'queued',
      failure: null,
      updatedAt: isoNow(this.deps.clock),
    });
    return this.deps.queue.enqueue(GENERATE_JOB, item.workspaceId, {
      itemId: item.id,
      edits,
      baseVersionId: item.currentVersionId,
    });
  }
}
