import type { ContentItem, Version } from '../domain/content-item.js';
import { UserError, notFound } from '../domain/errors.js';
import { retentionOf, type RetentionSettings, type WorkspaceSettings } from '../domain/people.js';
import { applyReviewAction, reviewAbilities, type ReviewRequest } from '../domain/publishing/review-rules.js';
import {
  metadataHashes,
  type ApprovalSeal,
  type ReviewAction,
  type ReviewState,
  type VersionReview,
} from '../domain/publishing/review.js';
import { isoNow, type Clock } from '../ports/clock.js';
import type { MediaStore } from '../ports/media-store.js';
import type { Page, PageRequest, Store } from '../ports/store.js';
import { requirePermission, type AuthContext } from './auth-context.js';

/** A version's review as the caller sees it: the version, its item, what they may do, and who is who. */
export interface ReviewEntry {
  /** Null while the version was never submitted. */
  review: VersionReview | null;
  version: Version;
  item: ContentItem;
  canSubmit: boolean;
  canApprove: boolean;
  canReject: boolean;
  /** Names of the people in the review's history, by user id. */
  names: Record<string, string>;
}

const DEFAULT_SETTINGS: WorkspaceSettings = { requireOtherApprover: false };

const notRendered = () =>
  new UserError('conflict', 'version_not_rendered', 'This version has no rendered video to review yet');

/**
 * Review of versions: an editor submits, a reviewer or owner approves or rejects with a comment. An approval
 * carries the seal of exactly what was approved (content hash, the video file's SHA-256, each platform's texts),
 * so any later change is a new version that needs its own approval.
 */
export class ReviewService {
  constructor(private readonly deps: { store: Store; clock: Clock; media: MediaStore }) {}

  /** Submits, approves or rejects a version; returns its review afterwards. */
  async act(
    ctx: AuthContext,
    versionId: string,
    action: ReviewAction,
    comment: string | null,
  ): Promise<ReviewEntry> {
    // The role is checked first so nobody learns anything about a file they may not act on.
    requirePermission(ctx, action === 'submit' ? 'content.create' : 'content.review');
    const version = await this.findVersion(ctx, versionId);
    // Reading the file happens before the transaction: a transaction may run twice and must stay short.
    const seal = action === 'approve' ? await this.sealOf(version) : undefined;
    if (action === 'submit' && !(await this.deps.media.exists(version.outputs.videoKey))) throw notRendered();
    const settings = await this.settingsOf(ctx.workspaceId);
    const request: ReviewRequest = {
      action,
      actor: { userId: ctx.user.id, role: ctx.role },
      comment,
      requireOtherApprover: settings.requireOtherApprover,
      at: isoNow(this.deps.clock),
      ...(seal ? { seal } : {}),
    };
    await this.deps.store.transaction(async (tx) => {
      const current = await tx.reviews.find(ctx.workspaceId, versionId);
      const next = applyReviewAction(
        current,
        { versionId, itemId: version.itemId, workspaceId: ctx.workspaceId },
        request,
      );
      await tx.reviews.save(next);
    });
    return this.get(ctx, versionId);
  }

  /** The review of one version (null review while never submitted), with what the caller may do. */
  async get(ctx: AuthContext, versionId: string): Promise<ReviewEntry> {
    requirePermission(ctx, 'content.view');
    const version = await this.findVersion(ctx, versionId);
    const item = await this.deps.store.content.findItem(ctx.workspaceId, version.itemId);
    if (!item) throw notFound('version');
    const review = await this.deps.store.reviews.find(ctx.workspaceId, versionId);
    const settings = await this.settingsOf(ctx.workspaceId);
    return this.entry(ctx, review, version, item, settings);
  }

  /** The review queue, most recently changed first, optionally one state. */
  async list(
    ctx: AuthContext,
    state: ReviewState | undefined,
    page: PageRequest,
  ): Promise<Page<ReviewEntry>> {
    requirePermission(ctx, 'content.view');
    const { store } = this.deps;
    const reviews = await store.reviews.list(ctx.workspaceId, state ? { state } : {}, page);
    const settings = await this.settingsOf(ctx.workspaceId);
    const entries: ReviewEntry[] = [];
    for (const review of reviews.items) {
      const version = await store.content.findVersion(ctx.workspaceId, review.versionId);
      const item = await store.content.findItem(ctx.workspaceId, review.itemId);
      // A review outlives nothing it belongs to, but a list must not fail on one missing piece.
      if (version && item) entries.push(await this.entry(ctx, review, version, item, settings));
    }
    return { items: entries, nextCursor: reviews.nextCursor };
  }

  /** The workspace's review settings (defaults when never set). */
  async settings(ctx: AuthContext): Promise<Required<WorkspaceSettings>> {
    requirePermission(ctx, 'content.view');
    return this.settingsOf(ctx.workspaceId);
  }

  /** Owners change the workspace settings (review rule, retention); a partial retention keeps the rest. */
  async updateSettings(
    ctx: AuthContext,
    change: { requireOtherApprover?: boolean; retention?: Partial<RetentionSettings> },
  ): Promise<Required<WorkspaceSettings>> {
    requirePermission(ctx, 'workspace.manage');
    return this.deps.store.transaction(async (tx) => {
      const workspace = await tx.workspaces.findById(ctx.workspaceId);
      if (!workspace) throw notFound('workspace');
      const next = {
        ...DEFAULT_SETTINGS,
        ...workspace.settings,
        ...(change.requireOtherApprover === undefined
          ? {}
          : { requireOtherApprover: change.requireOtherApprover }),
        retention: { ...retentionOf(workspace.settings), ...change.retention },
      };
      await tx.workspaces.updateSettings(ctx.workspaceId, next);
      return next;
    });
  }

  private async findVersion(ctx: AuthContext, versionId: string): Promise<Version> {
    const version = await this.deps.store.content.findVersion(ctx.workspaceId, versionId);
    if (!version) throw notFound('version');
    return version;
  }

  /** What an approval binds to, read from the file as it is now. */
  private async sealOf(version: Version): Promise<ApprovalSeal> {
    const videoSha256 = await this.deps.media.sha256(version.outputs.videoKey);
    if (!videoSha256) throw notRendered();
    return {
      contentHash: version.contentHash,
      videoSha256,
      metadataHashes: metadataHashes(version.outputs.metadata),
    };
  }

  private async settingsOf(workspaceId: string): Promise<Required<WorkspaceSettings>> {
    const workspace = await this.deps.store.workspaces.findById(workspaceId);
    return { ...DEFAULT_SETTINGS, ...workspace?.settings, retention: retentionOf(workspace?.settings) };
  }

  private async entry(
    ctx: AuthContext,
    review: VersionReview | null,
    version: Version,
    item: ContentItem,
    settings: WorkspaceSettings,
  ): Promise<ReviewEntry> {
    const abilities = reviewAbilities(
      review,
      { userId: ctx.user.id, role: ctx.role },
      settings.requireOtherApprover,
    );
    const names: Record<string, string> = {};
    for (const id of new Set(review?.history.map((h) => h.by) ?? [])) {
      const person = await this.deps.store.users.findById(id);
      if (person) names[id] = person.name;
    }
    return { review, version, item, ...abilities, names };
  }
}
