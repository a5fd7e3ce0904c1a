import type { Connection } from '../../domain/connection.js';
import { TransientError, UserError } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import {
  afterReading,
  ageInHours,
  dueness,
  planCalls,
  pullForwardMs,
  readingAge,
} from '../../domain/analytics/reading-plan.js';
import { SNAPSHOT_AGES_HOURS } from '../../domain/analytics/snapshot-schedule.js';
import type { SnapshotState, StatsSnapshot, TrackedVideo } from '../../domain/analytics/stats.js';
import type { PlatformStatsReader, PostReading } from '../../ports/platform-stats.js';
import { callsAllowed } from './stats-budget.js';
import type { StatsSyncDeps } from './stats-sync-deps.js';

/** A call that fails for a passing reason is tried this many times in one sweep before its readings are `missing`. */
const ATTEMPTS_PER_CALL = 3;
/** Call log entries older than any budget window (a YouTube quota day is at most 25 h) are forgotten. */
const CALL_LOG_KEEP_MS = 48 * 3_600_000;
const RECONNECT_REASON = 'The account needs to be reconnected; its numbers could not be read';

/** What one sweep did, for logs, tests and the benchmark. */
export interface SweepResult {
  /** readStats calls made (each one platform API call). */
  calls: number;
  /** Snapshots appended. */
  readings: number;
  /** Due readings left for a later sweep (a budget or a 429 said wait, or no reader is set up). */
  deferred: number;
  /** Calls the platform answered 429 (or its quota refusal). */
  rateLimited: number;
}

/**
 * One sweep: every tracked video due now (and, to fill calls that go anyway, those due within their pull-forward
 * window), grouped by connection, read in the fewest calls, within each platform's budget.
 */
export async function sweepDueVideos(deps: StatsSyncDeps): Promise<SweepResult> {
  const now = deps.clock.now();
  const result: SweepResult = { calls: 0, readings: 0, deferred: 0, rateLimited: 0 };
  await deps.store.statsCalls.deleteBefore(iso(now - CALL_LOG_KEEP_MS));
  const horizon = iso(now + pullForwardMs(SNAPSHOT_AGES_HOURS[SNAPSHOT_AGES_HOURS.length - 1] ?? 0));
  const candidates = await deps.store.trackedVideos.listDue(horizon, deps.settings.maxReadingsPerSweep);
  for (const group of byConnection(candidates)) await sweepConnection(deps, group, now, result);
  return result;
}

async function sweepConnection(
  deps: StatsSyncDeps,
  videos: TrackedVideo[],
  now: number,
  result: SweepResult,
): Promise<void> {
  const due = videos.filter((v) => dueness(v, now) === 'due');
  if (due.length === 0) return;
  const first = due[0] as TrackedVideo;
  const connection = await deps.store.connections.findById(first.workspaceId, first.connectionId);
  if (!connection) {
    // Disconnected: its videos stop being read.
    for (const video of due) await deps.store.trackedVideos.update(stopped(video, now));
    return;
  }
  if (connection.status !== 'active') {
    // A dead token is not tried again until the account is reconnected; the readings it misses say why.
    result.readings += await store(deps, due, now, () => missingReading(RECONNECT_REASON));
    return;
  }
  const reader = deps.readers[connection.platform];
  if (!reader) {
    result.deferred += due.length;
    return;
  }
  const soon = videos.filter((v) => dueness(v, now) === 'soon');
  const calls = planCalls(due, soon, reader.maxIdsPerCall);
  const allowed = Math.min(calls.length, await callsAllowed(deps, connection, reader));
  for (const [index, batch] of calls.entries()) {
    if (index >= allowed) {
      result.deferred += countDue(calls.slice(index), now);
      return;
    }
    const outcome = await readBatch(deps, connection, reader, batch, now, result);
    if (outcome === 'stop') {
      result.deferred += countDue(calls.slice(index + 1), now);
      return;
    }
  }
}

/** One call (with retries for passing failures); 'stop' when the connection should not be called again now. */
async function readBatch(
  deps: StatsSyncDeps,
  connection: Connection,
  reader: PlatformStatsReader,
  batch: TrackedVideo[],
  now: number,
  result: SweepResult,
): Promise<'next' | 'stop'> {
  let failure = 'The platform did not answer';
  for (let attempt = 1; attempt <= ATTEMPTS_PER_CALL; attempt++) {
    await deps.store.statsCalls.record({
      workspaceId: connection.workspaceId,
      connectionId: connection.id,
      platform: connection.platform,
      at: iso(now),
      units: reader.unitsPerCall,
    });
    result.calls++;
    try {
      const readings = await deps.tokenRefresh.withAccessToken(connection.workspaceId, connection.id, (t) =>
        reader.readStats(
          t.accessToken,
          { externalAccountId: connection.externalAccountId },
          batch.map((v) => v.platformPostId),
        ),
      );
      const byId = new Map(readings.map((r) => [r.platformPostId, r]));
      result.readings += await store(deps, batch, now, (v) => readingOf(byId.get(v.platformPostId)));
      return 'next';
    } catch (error) {
      if (isRateLimit(error)) {
        // A 429 or a spent quota: the readings wait for a later sweep, with no number stored.
        result.rateLimited++;
        result.deferred += countDue([batch], now);
        return 'stop';
      }
      if (error instanceof UserError && error.kind === 'needs_reconnect') {
        result.readings += await store(deps, batch, now, () => missingReading(RECONNECT_REASON));
        return 'stop';
      }
      if (!(error instanceof TransientError)) throw error;
      failure = error.message;
    }
  }
  result.readings += await store(deps, batch, now, () => missingReading(`The call failed: ${failure}`));
  return 'next';
}

/** Appends one snapshot per video and moves each video's schedule on, in one transaction. */
async function store(
  deps: StatsSyncDeps,
  videos: TrackedVideo[],
  now: number,
  readingFor: (video: TrackedVideo) => Omit<PostReading, 'platformPostId'>,
): Promise<number> {
  const snapshots = videos.map((video) => snapshotOf(video, readingFor(video), now));
  await deps.store.transaction(async (tx) => {
    await tx.snapshots.append(snapshots);
    for (const [i, video] of videos.entries())
      await tx.trackedVideos.update(afterReading(video, snapshots[i] as StatsSnapshot));
  });
  return snapshots.length;
}

function snapshotOf(
  video: TrackedVideo,
  reading: Omit<PostReading, 'platformPostId'>,
  now: number,
): StatsSnapshot {
  const age = ageInHours(video.publishedAt, now);
  const ok = reading.state === 'ok' && reading.counters !== null;
  const state: SnapshotState = ok || reading.state !== 'ok' ? reading.state : 'missing';
  return {
    id: newId(),
    workspaceId: video.workspaceId,
    trackedVideoId: video.id,
    connectionId: video.connectionId,
    platform: video.platform,
    scheduledAgeHours: readingAge(video.nextSnapshotAgeHours ?? age, age),
    ageHours: age,
    takenAt: iso(now),
    state,
    counters: ok ? reading.counters : null,
    reason: ok ? null : (reading.reason ?? defaultReason(state)),
  };
}

// A post the answer left out is a failed reading of that post, never a zero.
function readingOf(reading: PostReading | undefined): Omit<PostReading, 'platformPostId'> {
  return reading ?? missingReading('The platform left this post out of its answer');
}

function missingReading(reason: string): Omit<PostReading, 'platformPostId'> {
  return { state: 'missing', counters: null, reason };
}

function defaultReason(state: SnapshotState): string {
  if (state === 'no_stats') return 'The platform has no numbers for this post';
  if (state === 'lagging') return 'The platform has not published these numbers yet';
  return 'The platform answered without numbers';
}

function isRateLimit(error: unknown): boolean {
  return (
    error instanceof TransientError &&
    (error.code === 'platform_rate_limited' || error.code === 'platform_quota_exceeded')
  );
}

function stopped(video: TrackedVideo, now: number): TrackedVideo {
  return { ...video, nextSnapshotAt: null, nextSnapshotAgeHours: null, updatedAt: iso(now) };
}

function countDue(calls: TrackedVideo[][], now: number): number {
  return calls.flat().filter((v) => dueness(v, now) === 'due').length;
}

function byConnection(videos: TrackedVideo[]): TrackedVideo[][] {
  const groups = new Map<string, TrackedVideo[]>();
  for (const video of videos) {
    const group = groups.get(video.connectionId) ?? [];
    group.push(video);
    groups.set(video.connectionId, group);
  }
  return [...groups.values()];
}

const iso = (ms: number) => new Date(ms).toISOString();
