import type { z } from 'zod';
import { instagramOptionsInput, tiktokOptionsInput, youtubeOptionsInput } from '../../api/publishing.js';
import type { Connection } from '../../domain/connection.js';
import type { Version } from '../../domain/content-item.js';
import { UserError, notFound } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { isKnownZone } from '../../domain/publishing/budgets.js';
import type { Publication, PublishOptions } from '../../domain/publishing/publication.js';
import {
  invalidOption,
  resolvePublishOptions,
  type PublishOptionsRequest,
} from '../../domain/publishing/publish-options.js';
import { requirePermission, type AuthContext } from '../auth-context.js';
import { fetchPublishOptions, publisherFor, assertActive } from './platform-options.js';
import { ensureRun } from './publication-records.js';
import { approvalCovers } from './approval-check.js';
import type { PublishingDeps } from './publishing-deps.js';

/** A publication request as the API validated it (options still raw: the connection picks their schema). */
export interface CreatePublicationInput {
  versionId: string;
  connectionId: string;
  scheduledAt?: string | undefined;
  timeZone?: string | undefined;
  options: Record<string, unknown>;
}

const OPTION_SCHEMAS = {
  tiktok: tiktokOptionsInput,
  instagram: instagramOptionsInput,
  youtube: youtubeOptionsInput,
} as const;

/**
 * Creates a publication of an approved version on one connection, and plans its job: now (queued) or at
 * `scheduledAt` (scheduled). With an idempotency key, a repeated request returns the first publication.
 */
export async function createPublication(
  deps: PublishingDeps,
  ctx: AuthContext,
  input: CreatePublicationInput,
  idempotencyKey: string | null,
): Promise<Publication> {
  requirePermission(ctx, 'content.publish');
  const { store, clock } = deps;
  const version = await store.content.findVersion(ctx.workspaceId, input.versionId);
  if (!version) throw notFound('version');
  const connection = await store.connections.findById(ctx.workspaceId, input.connectionId);
  if (!connection) throw notFound('connection');
  assertActive(connection);
  publisherFor(deps, connection);
  const item = await store.content.findItem(ctx.workspaceId, version.itemId);
  if (!item) throw notFound('item');
  if (input.timeZone !== undefined && !isKnownZone(input.timeZone))
    throw invalidOption('timeZone', `${input.timeZone} is not a time zone we know`);
  await assertApproved(deps, version, connection);
  const options = await checkedOptions(deps, connection, version, input.options, item.source === 'generated');

  const now = clock.now();
  const nowIso = new Date(now).toISOString();
  const scheduledMs = input.scheduledAt === undefined ? null : Date.parse(input.scheduledAt);
  const later = scheduledMs !== null && scheduledMs > now;
  const scheduledAt = scheduledMs === null ? null : new Date(scheduledMs).toISOString();
  const publication: Publication = {
    id: newId(),
    workspaceId: ctx.workspaceId,
    itemId: version.itemId,
    versionId: version.id,
    connectionId: connection.id,
    platform: connection.platform,
    status: later ? 'scheduled' : 'queued',
    options,
    scheduledAt,
    timeZone: input.timeZone ?? null,
    startedAt: null,
    publishedAt: null,
    attempts: 0,
    platformRef: null,
    platformPostId: null,
    url: null,
    error: null,
    deferral: null,
    timeline: [
      {
        at: nowIso,
        status: later ? 'scheduled' : 'queued',
        detail: later ? `Scheduled for ${scheduledAt}` : 'Queued to publish now',
      },
    ],
    checkpoint: { remote: {}, journal: [] },
    idempotencyKey,
    createdBy: ctx.user.id,
    createdAt: nowIso,
    updatedAt: nowIso,
    revision: 1,
    nextRunAt: later && scheduledAt ? scheduledAt : nowIso,
    runner: null,
  };
  const stored = await store.publications.create(publication);
  // A repeated request heals a first one that stopped before planning its job (the key makes this a no-op).
  if (stored.status === 'scheduled' || stored.status === 'queued') await ensureRun(deps, stored);
  return stored;
}

// The approval must cover this very file and these texts: any change since needs a new approval.
async function assertApproved(deps: PublishingDeps, version: Version, connection: Connection): Promise<void> {
  if (!(await approvalCovers(deps, version, connection.platform))) {
    throw new UserError(
      'conflict',
      'not_approved',
      'This version is not approved as it is now; submit it for review and have it approved first',
    );
  }
}

async function checkedOptions(
  deps: PublishingDeps,
  connection: Connection,
  version: Version,
  raw: Record<string, unknown>,
  generated: boolean,
): Promise<PublishOptions> {
  const schema: z.ZodType<unknown> = OPTION_SCHEMAS[connection.platform];
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') ?? 'options';
    throw new UserError('validation', 'invalid_option', `options.${field}: ${issue?.message ?? 'invalid'}`, {
      field,
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  const request = { platform: connection.platform, ...(parsed.data as object) } as PublishOptionsRequest;
  // TikTok's rules are checked against creator_info fetched now, before anything is sent to TikTok.
  const info = connection.platform === 'tiktok' ? await fetchPublishOptions(deps, connection) : null;
  return resolvePublishOptions(request, {
    metadata: version.outputs.metadata,
    durationMs: version.outputs.media.durationMs,
    generated,
    now: deps.clock.now(),
    tiktok: info?.platform === 'tiktok' ? info : null,
  });
}
