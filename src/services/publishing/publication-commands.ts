import type { Connection } from '../../domain/connection.js';
import { UserError, notFound } from '../../domain/errors.js';
import { isKnownZone } from '../../domain/publishing/budgets.js';
import { invalidOption } from '../../domain/publishing/publish-options.js';
import { CANCELABLE, RETRIABLE, type Publication } from '../../domain/publishing/publication.js';
import { requirePermission, type AuthContext } from '../auth-context.js';
import { MANUAL_RETRY_DETAIL } from './advance-publication.js';
import { cancelRun, changeWithRetry, ensureRun, LostRace, moveTo, saveNext } from './publication-records.js';
import type { PublishingDeps } from './publishing-deps.js';

const started = () =>
  new UserError(
    'conflict',
    'publication_started',
    'The upload has begun; it can no longer be canceled or moved',
  );

/** Nothing has been sent to the platform yet: no call was journaled and no run holds it. */
function untouched(p: Publication, now: number): boolean {
  const held = p.runner && Date.parse(p.runner.until) > now;
  return CANCELABLE.includes(p.status) && p.checkpoint.journal.length === 0 && !held;
}

async function load(deps: PublishingDeps, ctx: AuthContext, id: string): Promise<Publication> {
  requirePermission(ctx, 'content.publish');
  const p = await deps.store.publications.find(ctx.workspaceId, id);
  if (!p) throw notFound('publication');
  return p;
}

/** Cancels a publication that has not begun uploading, and its planned job; 409 `publication_started` after. */
export async function cancelPublication(
  deps: PublishingDeps,
  ctx: AuthContext,
  id: string,
): Promise<Publication> {
  await load(deps, ctx, id);
  const now = deps.clock.now();
  const { before, after } = await changeWithRetry(deps, ctx.workspaceId, id, (p) => {
    if (!untouched(p, now)) throw started();
    return {
      ...moveTo(p, 'canceled', 'Canceled', new Date(now).toISOString()),
      nextRunAt: null,
      deferral: null,
    };
  });
  if (before.nextRunAt) await cancelRun(deps, before, before.nextRunAt);
  return after;
}

/** Moves a publication that has not begun uploading to another time (or now), moving its job. */
export async function reschedulePublication(
  deps: PublishingDeps,
  ctx: AuthContext,
  id: string,
  input: { scheduledAt: string; timeZone?: string | undefined },
): Promise<Publication> {
  await load(deps, ctx, id);
  if (input.timeZone !== undefined && !isKnownZone(input.timeZone))
    throw invalidOption('timeZone', `${input.timeZone} is not a time zone we know`);
  const now = deps.clock.now();
  const at = Date.parse(input.scheduledAt);
  const scheduledAt = new Date(at).toISOString();
  const later = at > now;
  const { before, after } = await changeWithRetry(deps, ctx.workspaceId, id, (p) => {
    if (!untouched(p, now)) throw started();
    const detail = later ? `Scheduled for ${scheduledAt}` : 'Queued to publish now';
    return {
      ...moveTo(p, later ? 'scheduled' : 'queued', detail, new Date(now).toISOString()),
      scheduledAt,
      timeZone: input.timeZone ?? p.timeZone,
      deferral: null,
      nextRunAt: later ? scheduledAt : new Date(now).toISOString(),
    };
  });
  if (before.nextRunAt && before.nextRunAt !== after.nextRunAt)
    await cancelRun(deps, before, before.nextRunAt);
  await ensureRun(deps, after);
  return after;
}

/** Sends a failed or blocked publication again: it resumes from its journal, never starting over blindly. */
export async function retryPublication(
  deps: PublishingDeps,
  ctx: AuthContext,
  id: string,
): Promise<Publication> {
  await load(deps, ctx, id);
  const now = new Date(deps.clock.now()).toISOString();
  const { after } = await changeWithRetry(deps, ctx.workspaceId, id, (p) => {
    if (!RETRIABLE.includes(p.status))
      throw new UserError(
        'conflict',
        'not_retriable',
        'Only a failed publication, or one waiting for you, can be retried',
      );
    return { ...moveTo(p, 'queued', MANUAL_RETRY_DETAIL, now), error: null, deferral: null, nextRunAt: now };
  });
  await ensureRun(deps, after);
  return after;
}

/** After a reconnect: the connection's publications that waited for it go again. */
export async function resumeAfterReconnect(deps: PublishingDeps, connection: Connection): Promise<number> {
  const waiting = await deps.store.publications.listByConnection(connection.workspaceId, connection.id, [
    'needs_action',
  ]);
  let resumed = 0;
  for (const p of waiting) {
    const now = new Date(deps.clock.now()).toISOString();
    try {
      const saved = await saveNext(deps, {
        ...moveTo(p, 'queued', 'Resumed after reconnecting', now),
        error: null,
        nextRunAt: now,
      });
      await ensureRun(deps, saved);
      resumed++;
    } catch (error) {
      // Someone retried it in between: it is on its way already.
      if (!(error instanceof LostRace)) throw error;
    }
  }
  return resumed;
}
