import { TransientError, UserError } from '../../domain/errors.js';
import type { Publication, PublicationStatus } from '../../domain/publishing/publication.js';
import { PublishFailure } from '../../domain/publishing/publish-failure.js';
import { PUBLISH_JOB } from '../../jobs/catalog.js';
import type { PublishStepResult, PublishVideo } from '../../ports/platform-publisher.js';
import { approvalCovers } from './approval-check.js';
import { checkBudget } from './publish-budget.js';
import { ensureRun, LostRace, moveTo, PLATFORM_NAMES } from './publication-records.js';
import type { PublishingDeps } from './publishing-deps.js';
import { StoreJournal } from './store-journal.js';

/** How long a run holds a publication without saving before another run may take over (renewed on every save). */
export const HOLD_MS = 10 * 60_000;
const MIN_WAIT_MS = 1_000;
const DEFAULT_DEFER_MS = 60 * 60_000;
/** The timeline detail of an automatic retry; a person's retry starts the count again. */
export const RETRY_DETAIL = 'Will try again';
export const MANUAL_RETRY_DETAIL = 'Retry requested';

export type AdvanceOutcome =
  | 'not_found'
  | 'nothing_to_do'
  | 'not_due'
  | 'busy'
  | 'lost_race'
  | 'deferred'
  | 'waiting'
  | 'published'
  | 'retrying'
  | 'failed'
  | 'needs_action';

/**
 * One run of the publish job: takes the publication (compare-and-set), checks the budgets, lets the platform's
 * publisher move it forward from its journal, and records the result and the next run. Never calls a
 * publisher for a publication that has a post id.
 */
export async function advancePublication(
  deps: PublishingDeps,
  workspaceId: string,
  publicationId: string,
  jobId: string,
): Promise<AdvanceOutcome> {
  const found = await deps.store.publications.find(workspaceId, publicationId);
  if (!found) return 'not_found';
  const now = deps.clock.now();
  if (!needsRun(found)) return 'nothing_to_do';
  // The same job run again (after a crash or a hand-back) takes up where it was; any other waits its turn.
  const mine = found.runner?.jobId === jobId;
  if (found.runner && !mine && Date.parse(found.runner.until) > now) {
    // Another run holds it; if that run died, this job picks it up when the hold ends.
    await ensureRun(deps, { ...found, nextRunAt: found.runner.until });
    return 'busy';
  }
  if (!mine && found.nextRunAt && Date.parse(found.nextRunAt) > now + MIN_WAIT_MS) {
    await ensureRun(deps, found);
    return 'not_due';
  }

  const journal = new StoreJournal(deps, found, HOLD_MS);
  const starting = found.status === 'scheduled' || found.status === 'queued';
  try {
    let claim: Publication = { ...found, runner: { jobId, until: '' }, nextRunAt: null };
    if (claim.status === 'scheduled') claim = moveTo(claim, 'queued', 'Due now', iso(now));
    if (starting) claim = { ...claim, attempts: claim.attempts + 1 };
    await journal.save(claim);
    if (starting && found.startedAt === null) {
      await assertStillApproved(deps, journal.publication);
      const verdict = await checkBudget(deps, journal.publication);
      if (verdict !== 'go') {
        const deferred = moveTo(journal.publication, 'queued', verdict.reason, iso(now));
        return finish(
          deps,
          journal,
          {
            ...deferred,
            attempts: found.attempts,
            deferral: { reason: verdict.reason, until: iso(verdict.until) },
            nextRunAt: iso(verdict.until),
          },
          'deferred',
        );
      }
    }
    if (starting)
      await journal.save({
        ...journal.publication,
        startedAt: journal.publication.startedAt ?? iso(now),
        deferral: null,
      });
    const result = await runPublisher(deps, journal);
    return await recordResult(deps, journal, result);
  } catch (error) {
    if (error instanceof LostRace) return 'lost_race';
    return recordError(deps, journal, error).catch((again: unknown) => {
      if (again instanceof LostRace) return 'lost_race' as const;
      throw again;
    });
  }
}

/** True while the job still has something to do (publishing, or asking for a post id that is due). */
function needsRun(p: Publication): boolean {
  if (['scheduled', 'queued', 'uploading', 'processing'].includes(p.status)) return true;
  return p.status === 'published' && p.platformPostId === null && Boolean(p.nextRunAt);
}

// A scheduled publication waits: its approval may have been withdrawn, or its file or texts changed, meanwhile.
async function assertStillApproved(deps: PublishingDeps, p: Publication): Promise<void> {
  const version = await deps.store.content.findVersion(p.workspaceId, p.versionId);
  if (version && (await approvalCovers(deps, version, p.platform))) return;
  throw new PublishFailure(
    p.platform,
    'not_approved',
    'The approval no longer covers this video (it was withdrawn, or the file or its texts changed); approve it again, then retry',
    'fail',
  );
}

async function runPublisher(deps: PublishingDeps, journal: StoreJournal): Promise<PublishStepResult> {
  const p = journal.publication;
  const publisher = deps.publishers[p.platform];
  if (!publisher)
    throw new PublishFailure(
      p.platform,
      'publishing_unavailable',
      `Publishing to ${PLATFORM_NAMES[p.platform]} is not set up on this server`,
      'fail',
    );
  const video = await videoOf(deps, p);
  return deps.tokenRefresh.withAccessToken(p.workspaceId, p.connectionId, (tokens) =>
    publisher.advance({ accessToken: tokens.accessToken, options: p.options, video, journal }),
  );
}

async function videoOf(deps: PublishingDeps, p: Publication): Promise<PublishVideo> {
  const version = await deps.store.content.findVersion(p.workspaceId, p.versionId);
  if (!version)
    throw new PublishFailure(p.platform, 'version_missing', 'The approved version no longer exists', 'fail');
  const { videoKey, media, coverAtMs } = version.outputs;
  const size = await deps.media.size(videoKey);
  if (size === null)
    throw new PublishFailure(p.platform, 'video_missing', 'The approved video file is missing', 'fail');
  return {
    path: await deps.media.localPath(videoKey),
    sizeBytes: size,
    durationMs: media.durationMs,
    publicUrl: deps.videoLinks.urlFor(
      p.workspaceId,
      p.id,
      deps.clock.now() + deps.settings.publicVideoLinkMs,
    ),
    coverAtMs: p.options.platform === 'instagram' ? (p.options.coverAtMs ?? coverAtMs) : coverAtMs,
  };
}

async function recordResult(
  deps: PublishingDeps,
  journal: StoreJournal,
  result: PublishStepResult,
): Promise<AdvanceOutcome> {
  const p = journal.publication;
  const now = deps.clock.now();
  if (result.kind === 'wait') {
    const status: PublicationStatus = p.status === 'published' ? 'published' : 'processing';
    const next = moveTo(p, status, result.detail, iso(now));
    return finish(
      deps,
      journal,
      { ...next, error: null, nextRunAt: iso(now + Math.max(MIN_WAIT_MS, result.checkAgainInMs)) },
      'waiting',
    );
  }
  const publishedAt = p.publishedAt ?? iso(now);
  const postId = result.postId ?? p.platformPostId;
  const deadline = Date.parse(publishedAt) + deps.settings.postIdDeadlineMs;
  const keepAsking = result.awaitingPostId && postId === null;
  let detail = result.detail;
  let nextRunAt: string | null = null;
  if (keepAsking && now < deadline) nextRunAt = iso(now + postIdInterval(now - Date.parse(publishedAt)));
  else if (keepAsking)
    detail = `${PLATFORM_NAMES[p.platform]} did not share the post's link in time; the post is out`;
  const next = moveTo(p, 'published', detail, iso(now));
  return finish(
    deps,
    journal,
    {
      ...next,
      platformPostId: postId,
      url: result.url ?? p.url,
      publishedAt,
      error: null,
      deferral: null,
      nextRunAt,
    },
    'published',
  );
}

// Moderation can take minutes or hours: ask often at first, then less and less.
function postIdInterval(elapsedMs: number): number {
  return Math.min(30 * 60_000, Math.max(15_000, Math.floor(elapsedMs / 4)));
}

async function recordError(
  deps: PublishingDeps,
  journal: StoreJournal,
  error: unknown,
): Promise<AdvanceOutcome> {
  const p = journal.publication;
  const now = deps.clock.now();
  const name = PLATFORM_NAMES[p.platform];
  const failure =
    error instanceof PublishFailure
      ? error
      : error instanceof UserError && error.kind === 'needs_reconnect'
        ? new PublishFailure(p.platform, 'needs_reconnect', `Reconnect ${name}`, 'reconnect')
        : error instanceof TransientError
          ? new PublishFailure(
              p.platform,
              error.code,
              `${name} did not answer; trying again`,
              'retry',
              error.retryAfterMs ? now + error.retryAfterMs : null,
            )
          : new PublishFailure(
              p.platform,
              'internal_error',
              'Something went wrong on our side while publishing; retry it',
              'fail',
            );
  const errorView = { code: failure.code, message: failure.message, retriable: failure.retriable };
  if (p.status === 'published') {
    // It is out; only the post id was being asked for. A refusal here never takes the publication back.
    const again = failure.retriable ? iso(failure.retryAt ?? now + backoffMs(1)) : null;
    return finish(deps, journal, { ...p, nextRunAt: again }, 'published');
  }
  if (failure.action === 'defer') {
    const until = failure.retryAt ?? now + DEFAULT_DEFER_MS;
    const next = moveTo(p, 'queued', failure.message, iso(now));
    const attempts = Math.max(0, p.attempts - (p.status === 'queued' ? 1 : 0));
    return finish(
      deps,
      journal,
      { ...next, attempts, deferral: { reason: failure.message, until: iso(until) }, nextRunAt: iso(until) },
      'deferred',
    );
  }
  if (failure.action === 'retry' && retriesSoFar(p) + 1 < PUBLISH_JOB.attempts) {
    const at = failure.retryAt ?? now + backoffMs(retriesSoFar(p) + 1);
    const next = moveTo(p, 'queued', `${RETRY_DETAIL} at ${iso(at)}: ${failure.message}`, iso(now));
    return finish(deps, journal, { ...next, error: errorView, nextRunAt: iso(at) }, 'retrying');
  }
  if (failure.action === 'reconnect') {
    const message =
      failure.code === 'needs_reconnect' ? `Reconnect ${name}` : `Reconnect ${name}: ${failure.message}`;
    const next = moveTo(p, 'needs_action', message, iso(now));
    return finish(
      deps,
      journal,
      { ...next, error: { ...errorView, message, retriable: false }, nextRunAt: null },
      'needs_action',
    );
  }
  const next = moveTo(p, 'failed', failure.message, iso(now));
  return finish(
    deps,
    journal,
    { ...next, error: { ...errorView, retriable: false }, nextRunAt: null },
    'failed',
  );
}

/** Automatic retries since the publication was created or a person last retried it. */
function retriesSoFar(p: Publication): number {
  let count = 0;
  for (const entry of p.timeline) {
    if (entry.detail === MANUAL_RETRY_DETAIL) count = 0;
    else if (entry.detail.startsWith(RETRY_DETAIL)) count++;
  }
  return count;
}

const backoffMs = (retry: number) => PUBLISH_JOB.backoff.delayMs * 2 ** (retry - 1);

// Saves the run's last word (letting go of the publication) and plans the next run, if any.
async function finish(
  deps: PublishingDeps,
  journal: StoreJournal,
  next: Publication,
  outcome: AdvanceOutcome,
): Promise<AdvanceOutcome> {
  const saved = await journal.save({ ...next, runner: null });
  await ensureRun(deps, saved);
  if (saved.status === 'published') await deps.tracking?.startTracking(saved);
  return outcome;
}

const iso = (ms: number) => new Date(ms).toISOString();
