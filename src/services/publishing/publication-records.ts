import type { Platform } from '../../domain/connection.js';
import { BugError } from '../../domain/errors.js';
import {
  canTransition,
  type Publication,
  type PublicationStatus,
} from '../../domain/publishing/publication.js';
import { PUBLISH_JOB } from '../../jobs/catalog.js';
import type { PublishingDeps } from './publishing-deps.js';

/** Another save got there first: this run or request lost the race and must not act on what it read. */
export class LostRace extends Error {
  constructor(readonly publicationId: string) {
    super(`Publication ${publicationId} was changed by someone else`);
    this.name = 'LostRace';
  }
}

export const PLATFORM_NAMES: Record<Platform, string> = {
  tiktok: 'TikTok',
  instagram: 'Instagram',
  youtube: 'YouTube',
};

/**
 * The publication in `status`, with a timeline entry when the status or its detail changed. A move the
 * transition table does not allow is a bug.
 */
export function moveTo(p: Publication, status: PublicationStatus, detail: string, at: string): Publication {
  if (!canTransition(p.status, status))
    throw new BugError('invalid_transition', `A publication cannot go from ${p.status} to ${status}`);
  const last = p.timeline.at(-1);
  const timeline =
    last && last.status === status && last.detail === detail
      ? p.timeline
      : [...p.timeline, { at, status, detail }];
  return { ...p, status, timeline };
}

/** Saves the next revision with the compare-and-set; throws LostRace when someone else saved in between. */
export async function saveNext(
  deps: Pick<PublishingDeps, 'store' | 'clock'>,
  p: Publication,
): Promise<Publication> {
  const next = { ...p, revision: p.revision + 1, updatedAt: new Date(deps.clock.now()).toISOString() };
  if (!(await deps.store.publications.update(next))) throw new LostRace(p.id);
  return next;
}

/**
 * Makes sure the publish job that runs at `p.nextRunAt` exists. Its idempotency key is the publication and that
 * time, so planning the same run twice adds one job; a job planned for a time that has moved finds nothing to do.
 */
export async function ensureRun(deps: Pick<PublishingDeps, 'queue'>, p: Publication): Promise<string | null> {
  if (!p.nextRunAt) return null;
  return deps.queue.enqueue(
    PUBLISH_JOB,
    p.workspaceId,
    { publicationId: p.id },
    { runAt: p.nextRunAt, idempotencyKey: runKey(p.id, p.nextRunAt) },
  );
}

/** Cancels the job planned at `runAt`, when it has not started (a job that starts anyway finds nothing to do). */
export async function cancelRun(
  deps: Pick<PublishingDeps, 'queue'>,
  p: Publication,
  runAt: string,
): Promise<void> {
  // The key names the job: enqueueing it again returns the planned job's id without adding one.
  const id = await deps.queue.enqueue(
    PUBLISH_JOB,
    p.workspaceId,
    { publicationId: p.id },
    { runAt, idempotencyKey: runKey(p.id, runAt) },
  );
  await deps.queue.cancel(id);
}

const runKey = (publicationId: string, runAt: string) =>
  `publish:${publicationId}:${new Date(runAt).toISOString()}`;

/** Saves a change made by a person (cancel, retry, reschedule), reading again when a run saved in between. */
export async function changeWithRetry(
  deps: Pick<PublishingDeps, 'store' | 'clock'>,
  workspaceId: string,
  id: string,
  change: (p: Publication) => Publication,
): Promise<{ before: Publication; after: Publication }> {
  for (let attempt = 0; ; attempt++) {
    const before = await deps.store.publications.find(workspaceId, id);
    if (!before) throw new BugError('publication_vanished', `Publication ${id} vanished`);
    try {
      return { before, after: await saveNext(deps, change(before)) };
    } catch (error) {
      if (!(error instanceof LostRace) || attempt >= 4) throw error;
    }
  }
}
