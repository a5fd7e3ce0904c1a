import type { Connection } from '../../domain/connection.js';
import { notFound } from '../../domain/errors.js';
import type { Publication } from '../../domain/publishing/publication.js';
import type { PublishOptionsInfo } from '../../ports/platform-publisher.js';
import type { Page, PageRequest, PublicationFilter } from '../../ports/store.js';
import { requirePermission, type AuthContext } from '../auth-context.js';
import { advancePublication, type AdvanceOutcome } from './advance-publication.js';
import { createPublication, type CreatePublicationInput } from './create-publication.js';
import { giveUpPublication } from './give-up-publication.js';
import { fetchPublishOptions } from './platform-options.js';
import {
  cancelPublication,
  reschedulePublication,
  resumeAfterReconnect,
  retryPublication,
} from './publication-commands.js';
import type { PublishingDeps } from './publishing-deps.js';
import { onTiktokPostEvent } from './tiktok-post-events.js';

// Statuses in which a platform may still fetch the file (Instagram downloads it while processing).
const FETCHABLE = new Set(['queued', 'uploading', 'processing']);

/** Publishing approved versions to connected accounts: the API's use cases and the publish job's run step. */
export class PublishingService {
  constructor(private readonly deps: PublishingDeps) {}

  /** What the composer of this connection needs, fresh from the platform. */
  async publishOptions(ctx: AuthContext, connectionId: string): Promise<PublishOptionsInfo> {
    requirePermission(ctx, 'content.publish');
    const connection = await this.deps.store.connections.findById(ctx.workspaceId, connectionId);
    if (!connection) throw notFound('connection');
    return fetchPublishOptions(this.deps, connection);
  }

  /** Creates a publication of an approved version (409 `not_approved` otherwise) and plans its job. */
  create(
    ctx: AuthContext,
    input: CreatePublicationInput,
    idempotencyKey: string | null,
  ): Promise<Publication> {
    return createPublication(this.deps, ctx, input, idempotencyKey);
  }

  async list(ctx: AuthContext, filter: PublicationFilter, page: PageRequest): Promise<Page<Publication>> {
    requirePermission(ctx, 'content.view');
    return this.deps.store.publications.list(ctx.workspaceId, filter, page);
  }

  async get(ctx: AuthContext, id: string): Promise<Publication> {
    requirePermission(ctx, 'content.view');
    const p = await this.deps.store.publications.find(ctx.workspaceId, id);
    if (!p) throw notFound('publication');
    return p;
  }

  /** Failed or needs_action → queued again. */
  retry(ctx: AuthContext, id: string): Promise<Publication> {
    return retryPublication(this.deps, ctx, id);
  }

  /** Scheduled or queued → canceled; 409 `publication_started` once the upload began. */
  cancel(ctx: AuthContext, id: string): Promise<Publication> {
    return cancelPublication(this.deps, ctx, id);
  }

  /** Moves a scheduled or queued publication to another time. */
  reschedule(
    ctx: AuthContext,
    id: string,
    input: { scheduledAt: string; timeZone?: string | undefined },
  ): Promise<Publication> {
    return reschedulePublication(this.deps, ctx, id, input);
  }

  /** The publish job's step: moves the publication forward once and plans the next run. */
  advance(workspaceId: string, publicationId: string, jobId: string): Promise<AdvanceOutcome> {
    return advancePublication(this.deps, workspaceId, publicationId, jobId);
  }

  /** The queue gave up on the publish job: the publication it was moving is marked failed, to be retried. */
  giveUp(workspaceId: string, publicationId: string, jobId: string): Promise<'failed' | 'left'> {
    return giveUpPublication(this.deps, workspaceId, publicationId, jobId);
  }

  /** Resumes the connection's publications that waited for a reconnect. */
  resumeAfterReconnect(connection: Connection): Promise<number> {
    return resumeAfterReconnect(this.deps, connection);
  }

  /** A verified TikTok posting webhook event. */
  tiktokPostEvent(event: string, content: Record<string, unknown>): Promise<'updated' | 'ignored'> {
    return onTiktokPostEvent(this.deps, event, content);
  }

  /** The media key of the file a platform may fetch for this publication now; null when it may not. */
  async videoForPlatform(workspaceId: string, publicationId: string): Promise<string | null> {
    const p = await this.deps.store.publications.find(workspaceId, publicationId);
    if (!p || !FETCHABLE.has(p.status)) return null;
    const version = await this.deps.store.content.findVersion(workspaceId, p.versionId);
    return version?.outputs.videoKey ?? null;
  }
}
