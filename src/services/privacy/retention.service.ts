import { isUploaded, type ContentItem, type Version } from '../../domain/content-item.js';
import { retentionOf, type Workspace } from '../../domain/people.js';
import { RETENTION_JOB, SYSTEM_WORKSPACE } from '../../jobs/catalog.js';
import { isoNow, type Clock } from '../../ports/clock.js';
import type { JobQueue } from '../../ports/job-queue.js';
import type { MediaStore } from '../../ports/media-store.js';
import type { Store } from '../../ports/store.js';

const DAY_MS = 86_400_000;
// Runs at 03:00 UTC, away from the hourly housekeeping's turn of the hour and most people's working day.
const RUN_OFFSET_MS = 3 * 3_600_000;
const PAGE = 100;

export interface RetentionDeps {
  store: Store;
  clock: Clock;
  queue: JobQueue;
  media: MediaStore;
}

/** What one sweep did. */
export interface RetentionReport {
  items: number;
  files: number;
}

/** The files a version made that the retention setting may delete: its render, cover and voice-over. */
function renderedKeys(version: Version): string[] {
  const { outputs } = version;
  if (isUploaded(outputs)) return [];
  return [outputs.videoKey, outputs.coverKey, ...(outputs.voice.audioKey ? [outputs.voice.audioKey] : [])];
}

/**
 * Enforces each workspace's retention setting for rendered media: once a day, the video, cover and voice-over of
 * items that were never published and have not changed for the chosen number of days are deleted, and the item
 * says so (a retry makes them again). Uploads, library media, and anything another item still uses, are kept.
 */
export class RetentionService {
  constructor(private readonly deps: RetentionDeps) {}

  /** Queues the next daily run; the key makes every process plan the same single job. */
  async planNext(): Promise<void> {
    const now = this.deps.clock.now();
    let next = Math.floor(now / DAY_MS) * DAY_MS + RUN_OFFSET_MS;
    if (next <= now) next += DAY_MS;
    const runAt = new Date(next).toISOString();
    await this.deps.queue.enqueue(
      RETENTION_JOB,
      SYSTEM_WORKSPACE,
      {},
      { runAt, idempotencyKey: `retention:${runAt}` },
    );
  }

  /** One pass over every workspace. */
  async sweep(): Promise<RetentionReport> {
    const report: RetentionReport = { items: 0, files: 0 };
    let cursor: string | undefined;
    do {
      const page = await this.deps.store.workspaces.listAll({ limit: PAGE, cursor });
      for (const workspace of page.items) {
        const done = await this.sweepWorkspace(workspace);
        report.items += done.items;
        report.files += done.files;
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return report;
  }

  /** Expires the workspace's stale unpublished items; files shared with a kept item stay. */
  async sweepWorkspace(workspace: Workspace): Promise<RetentionReport> {
    const days = retentionOf(workspace.settings).unpublishedMediaDays;
    if (days === null) return { items: 0, files: 0 };
    const cutoff = isoNow(this.deps.clock, -days * DAY_MS);
    const expiring: { item: ContentItem; versions: Version[] }[] = [];
    // Stage outputs are content-addressed, so two items can share one file: what a kept item uses is never deleted.
    const kept = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await this.deps.store.content.listItems(workspace.id, {}, { limit: PAGE, cursor });
      for (const item of page.items) {
        const versions = await this.deps.store.content.listVersions(workspace.id, item.id);
        if (await this.expires(item, versions, cutoff)) expiring.push({ item, versions });
        else for (const v of versions) for (const key of renderedKeys(v)) kept.add(key);
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);

    const report: RetentionReport = { items: 0, files: 0 };
    // Only the workspace's generation cache: library uploads and music live elsewhere and are never touched.
    const cache = `workspaces/${workspace.id}/cache/`;
    for (const { item, versions } of expiring) {
      if (!(await this.markExpired(item, days))) continue;
      report.items += 1;
      const keys = new Set(versions.flatMap(renderedKeys));
      for (const key of keys) {
        if (!key.startsWith(cache) || kept.has(key) || !(await this.deps.media.exists(key))) continue;
        await this.deps.media.delete(key);
        report.files += 1;
      }
    }
    return report;
  }

  /** A generated, settled item, unchanged since `cutoff`, that never had a publication (canceled ones aside). */
  private async expires(item: ContentItem, versions: Version[], cutoff: string): Promise<boolean> {
    if (item.source !== 'generated' || (item.status !== 'ready' && item.status !== 'failed')) return false;
    if (item.failure?.mediaExpired || versions.length === 0) return false;
    if (item.updatedAt >= cutoff || versions.some((v) => v.createdAt >= cutoff)) return false;
    let cursor: string | undefined;
    do {
      const page = await this.deps.store.publications.list(
        item.workspaceId,
        { itemId: item.id },
        { limit: PAGE, cursor },
      );
      if (page.items.some((p) => p.status !== 'canceled')) return false;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return true;
  }

  /** Marks the item, unless it changed since it was read (someone is generating it again). */
  private async markExpired(item: ContentItem, days: number): Promise<boolean> {
    return this.deps.store.transaction(async (tx) => {
      const now = await tx.content.findItem(item.workspaceId, item.id);
      if (!now || now.updatedAt !== item.updatedAt || now.status !== item.status) return false;
      await tx.content.updateItem({
        ...now,
        status: 'failed',
        failure: {
          stage: 'render',
          reason: `Its video, cover and voice-over were deleted: it was never published and did not change for ${days} days (the workspace's retention setting). Retry to make them again.`,
          mediaExpired: true,
        },
        updatedAt: isoNow(this.deps.clock),
      });
      return true;
    });
  }
}
