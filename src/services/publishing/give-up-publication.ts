import type { Publication } from '../../domain/publishing/publication.js';
import { LostRace, moveTo, PLATFORM_NAMES, saveNext } from './publication-records.js';
import type { PublishingDeps } from './publishing-deps.js';

const ACTIVE = new Set(['scheduled', 'queued', 'uploading', 'processing']);

export const GAVE_UP_CODE = 'publish_interrupted';

/**
 * Once the queue gives up on a publish job (its run kept failing outside the platform's answers, e.g. the store
 * was unreachable), the publication it was moving would wait for a run that never comes. It is marked failed with
 * the reason, free to be retried at once (the retry resumes from its journal, never posting twice). A publication
 * another run holds or has planned is left to that run; a published one only lacked its post id, and stays out.
 */
export async function giveUpPublication(
  deps: Pick<PublishingDeps, 'store' | 'clock'>,
  workspaceId: string,
  publicationId: string,
  jobId: string,
): Promise<'failed' | 'left'> {
  for (let attempt = 0; ; attempt++) {
    const p = await deps.store.publications.find(workspaceId, publicationId);
    const now = deps.clock.now();
    if (!p || !ACTIVE.has(p.status) || someoneElseOnIt(p, jobId, now)) return 'left';
    const message = `Publishing to ${PLATFORM_NAMES[p.platform]} stopped after repeated errors on our side; retry it`;
    try {
      await saveNext(deps, {
        ...moveTo(p, 'failed', message, new Date(now).toISOString()),
        error: { code: GAVE_UP_CODE, message, retriable: true },
        runner: null,
        nextRunAt: null,
        deferral: null,
      });
      return 'failed';
    } catch (error) {
      // A run or a person changed it meanwhile: look again.
      if (!(error instanceof LostRace) || attempt >= 4) throw error;
    }
  }
}

// Another job holds it now, or a run is planned for later: that run carries it on.
function someoneElseOnIt(p: Publication, jobId: string, now: number): boolean {
  const heldByOther = p.runner && p.runner.jobId !== jobId && Date.parse(p.runner.until) > now;
  const plannedLater = !p.runner && Boolean(p.nextRunAt) && Date.parse(p.nextRunAt ?? '') > now;
  return Boolean(heldByOther || plannedLater);
}
