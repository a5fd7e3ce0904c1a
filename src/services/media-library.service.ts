import type { MediaAsset } from '../domain/content-item.js';
import { forbidden, notFound } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import { tagsFromText } from '../domain/visual-cues.js';
import { isoNow, type Clock } from '../ports/clock.js';
import type { MediaStore } from '../ports/media-store.js';
import type { MediaTools } from '../ports/media-tools.js';
import type { Page, PageRequest, Store } from '../ports/store.js';
import { requirePermission, type AuthContext } from './auth-context.js';
import { checkUpload, displayName } from './upload-checks.js';

export interface MediaLibraryDeps {
  store: Pick<Store, 'mediaAssets'>;
  media: MediaStore;
  tools: Pick<MediaTools, 'probe'>;
  clock: Clock;
  /** MEDIA_UPLOAD_MAX_MB in bytes. */
  maxUploadBytes: number;
}

/** An uploaded file waiting in a temporary path (the HTTP layer wrote it there). */
export interface UploadInput {
  workspaceId: string;
  filename: string;
  tempPath: string;
  description: string;
}

/**
 * The workspace's own pictures and clips (checked with ffprobe, tagged for matching against visual cues) and
 * audio files (background music).
 */
export class MediaLibraryService {
  constructor(private readonly deps: MediaLibraryDeps) {}

  /**
   * Checks an upload (size, then content by probing it), stores it under workspaces/<ws>/library/<id>.<ext>
   * and saves its asset. A refused upload is deleted and explained in plain words.
   */
  async ingest(input: UploadInput, ctx: AuthContext): Promise<MediaAsset> {
    const { media, clock } = this.deps;
    this.assertCanUpload(ctx);
    if (input.workspaceId !== ctx.workspaceId) throw forbidden();
    const id = newId();
    // Moved into the store first, so that whatever happens next, the store can delete it.
    const incoming = `workspaces/${ctx.workspaceId}/library/incoming/${id}`;
    await media.put(incoming, input.tempPath);
    let finalKey: string | null = null;
    try {
      const { info, kind, extension, sizeBytes } = await checkUpload(this.deps, incoming, input.filename);
      finalKey = `workspaces/${ctx.workspaceId}/library/${id}.${extension}`;
      await media.move(incoming, finalKey);
      const asset: MediaAsset = {
        id,
        workspaceId: ctx.workspaceId,
        mediaKey: finalKey,
        kind,
        filename: displayName(input.filename),
        sizeBytes,
        width: info.video?.width ?? 0,
        height: info.video?.height ?? 0,
        durationMs: kind === 'image' ? null : info.durationMs,
        tags: tagsFromText(input.filename, input.description),
        createdAt: isoNow(clock),
      };
      await this.deps.store.mediaAssets.create(asset);
      return asset;
    } catch (error) {
      // Cleanup must not hide the reason the upload was refused.
      await media.delete(incoming).catch(() => undefined);
      if (finalKey) await media.delete(finalKey).catch(() => undefined);
      throw error;
    }
  }

  /** Whether the caller's role may add to the library: asked before any byte of an upload is read. */
  assertCanUpload(ctx: AuthContext): void {
    requirePermission(ctx, 'content.create');
  }

  /** The workspace's library, newest first. */
  async list(ctx: AuthContext, page: PageRequest): Promise<Page<MediaAsset>> {
    requirePermission(ctx, 'content.view');
    return this.deps.store.mediaAssets.listByWorkspace(ctx.workspaceId, page);
  }

  /** One asset of the workspace (e.g. the music a brief names), or a 404. */
  async get(ctx: AuthContext, id: string): Promise<MediaAsset> {
    requirePermission(ctx, 'content.view');
    const asset = await this.deps.store.mediaAssets.find(ctx.workspaceId, id);
    if (!asset) throw notFound('media_asset');
    return asset;
  }

  /** Removes an asset and its file (videos already made with it keep their own render). */
  async delete(ctx: AuthContext, id: string): Promise<void> {
    requirePermission(ctx, 'content.create');
    const asset = await this.deps.store.mediaAssets.find(ctx.workspaceId, id);
    if (!asset) throw notFound('media_asset');
    await this.deps.store.mediaAssets.delete(ctx.workspaceId, id);
    await this.deps.media.delete(asset.mediaKey);
  }
}
