import type { DocumentData } from '@google-cloud/firestore';
import type { StatsSnapshot, TrackedVideo } from '../../../domain/analytics/stats.js';
import { BugError } from '../../../domain/errors.js';
import type { SnapshotRepository } from '../../../ports/store.js';
import { pack, unpack } from './codec.js';
import type { DocWrite, RecordCodec } from './collections.js';
import type { FsContext } from './context.js';
import { utc } from './firestore-sorted-scan.js';

/** Readings written per transaction of their own, well below Firestore's writes per commit. */
const PER_COMMIT = 200;

/** One reading per video and planned age: the id says which, so a second reading at that age finds the first. */
export const snapshotKey = (s: StatsSnapshot) => `${s.trackedVideoId}:${s.scheduledAgeHours}`;

/** A reading as stored: its time in UTC and numbers only when `ok` (as the SQLite store keeps them). */
function snapshotDoc(s: StatsSnapshot): DocWrite {
  const stored: StatsSnapshot = {
    ...s,
    takenAt: utc(s.takenAt),
    counters: s.state === 'ok' ? s.counters : null,
  };
  return {
    collection: 'snapshots',
    id: snapshotKey(s),
    doc: pack(stored, {
      workspaceId: s.workspaceId,
      trackedVideoId: s.trackedVideoId,
      connectionId: s.connectionId,
      platform: s.platform,
      state: s.state,
      takenAt: stored.takenAt,
    }),
  };
}

export const snapshotCodec: RecordCodec = {
  collection: 'snapshots',
  toDocs: (record) => [snapshotDoc(record as StatsSnapshot)],
};

const byTime = (a: StatsSnapshot, b: StatsSnapshot) =>
  a.takenAt === b.takenAt ? (a.id < b.id ? -1 : 1) : a.takenAt < b.takenAt ? -1 : 1;
const toSnapshot = (doc: DocumentData) => unpack<StatsSnapshot>(doc);

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Queries of one video's readings run at once: enough to hide round trips, few enough not to flood the server. */
const PARALLEL_QUERIES = 25;
/** Past this many videos, one query of the workspace's readings beats a query per video. */
const PER_VIDEO_QUERIES_UP_TO = 50;

/**
 * Every reading of these videos (one workspace). A few videos: one equality query each, some at once (not `in`
 * slices of 30, which the emulator runs as 30 scans each). Many videos (exports, the learning loop, which ask for
 * most of a workspace's videos): the workspace's readings in one query, kept here when their video is asked for.
 */
export async function readingsOf(ctx: FsContext, workspaceId: string, ids: readonly string[]) {
  const wanted = [...new Set(ids)];
  if (wanted.length > PER_VIDEO_QUERIES_UP_TO) {
    const asked = new Set(wanted);
    const rows = await ctx.rows({ collection: 'snapshots', where: [['workspaceId', '==', workspaceId]] });
    return rows.filter((doc) => asked.has(doc.trackedVideoId as string)).map(toSnapshot);
  }
  const found: StatsSnapshot[] = [];
  for (const slice of chunks(wanted, PARALLEL_QUERIES)) {
    const rows = await Promise.all(
      slice.map((trackedVideoId) =>
        ctx.rows({
          collection: 'snapshots',
          where: [
            ['workspaceId', '==', workspaceId],
            ['trackedVideoId', '==', trackedVideoId],
          ],
        }),
      ),
    );
    for (const docs of rows) found.push(...docs.map(toSnapshot));
  }
  return found;
}

/** Throws unless every snapshot names a video of its own workspace (before anything is written). */
async function checkVideos(ctx: FsContext, snapshots: StatsSnapshot[]): Promise<void> {
  for (const s of snapshots)
    if (s.state === 'ok' && !s.counters)
      throw new BugError('snapshot_without_counters', 'An ok reading needs counters');
  const ids = [...new Set(snapshots.map((s) => s.trackedVideoId))];
  const videos = new Map(
    (await ctx.getMany('trackedVideos', ids)).map((doc) => [doc.id as string, doc.workspaceId as string]),
  );
  for (const s of snapshots)
    if (videos.get(s.trackedVideoId) !== s.workspaceId)
      throw new BugError('snapshot_without_video', `No tracked video ${s.trackedVideoId} here`);
}

/** Writes the readings whose video and planned age have none yet; the first one stands. */
async function writeMissing(tx: FsContext, snapshots: StatsSnapshot[]): Promise<void> {
  const docs = snapshots.map(snapshotDoc);
  const stored = await tx.getMany(
    'snapshots',
    docs.map((d) => d.id),
  );
  const taken = new Set(stored.map((doc) => snapshotKey(toSnapshot(doc))));
  for (const write of docs) {
    if (taken.has(write.id)) continue;
    taken.add(write.id);
    await tx.set(write.collection, write.id, write.doc);
  }
}

export function firestoreSnapshots(ctx: FsContext): SnapshotRepository {
  return {
    append: async (snapshots) => {
      if (snapshots.length === 0) return;
      // The check reads every video first, so a batch naming a foreign video is refused whole. A large batch is
      // then written in several transactions (each idempotent); inside a caller's transaction, all in that one.
      await checkVideos(ctx, snapshots);
      for (const slice of ctx.tx ? [snapshots] : chunks(snapshots, PER_COMMIT))
        await ctx.atomic((tx) => writeMissing(tx, slice));
    },
    listForVideo: async (workspaceId, trackedVideoId) =>
      // A video has a few dozen readings at most (its schedule ends at 90 days); sorted here, no index needed.
      (await readingsOf(ctx, workspaceId, [trackedVideoId])).sort(byTime),
    listForVideos: async (workspaceId, trackedVideoIds) =>
      (await readingsOf(ctx, workspaceId, trackedVideoIds)).sort((a, b) =>
        a.trackedVideoId === b.trackedVideoId ? byTime(a, b) : a.trackedVideoId < b.trackedVideoId ? -1 : 1,
      ),
    dailyGains: async (workspaceId, filter) => {
      const from = utc(filter.from);
      const to = utc(filter.to);
      // The ok readings in the window say which videos gained; platform and connection are indexed (when both
      // are given, the connection is queried and the platform checked here).
      const equals: [string, unknown][] = [
        ['workspaceId', workspaceId],
        ['state', 'ok'],
      ];
      if (filter.connectionId) equals.push(['connectionId', filter.connectionId]);
      else if (filter.platform) equals.push(['platform', filter.platform]);
      const inWindow = (
        await ctx.rows({
          collection: 'snapshots',
          where: [
            ...equals.map(([f, v]) => [f, '==', v] as [string, '==', unknown]),
            ['takenAt', '>=', from],
            ['takenAt', '<', to],
          ],
        })
      )
        .map(toSnapshot)
        .filter((s) => !filter.platform || s.platform === filter.platform);
      const videoIds = [...new Set(inWindow.map((s) => s.trackedVideoId))];
      const videos = new Map(
        (await ctx.getMany('trackedVideos', videoIds))
          .map((doc) => unpack<TrackedVideo>(doc))
          .filter((v) => v.workspaceId === workspaceId)
          .filter((v) => !filter.seriesId || v.seriesId === filter.seriesId)
          .map((v) => [v.id, v]),
      );
      // A gain needs the reading before it, which may predate the window: every reading of those videos is read
      // (a video has a few dozen at most), so the sums are worked out here rather than kept on each reading.
      const history = await readingsOf(ctx, workspaceId, [...videos.keys()]);
      return sumGainsByDay(history, videos, from, to);
    },
  };
}

type Gains = { day: string; views: number; likes: number; comments: number; shares: number };
const COUNTERS = ['views', 'likes', 'comments', 'shares'] as const;

/**
 * Views (and the other counters) gained per UTC day by the ok readings taken in [from, to): each minus the
 * video's previous ok reading, or minus 0 for the first reading of a video the product published.
 */
function sumGainsByDay(
  readings: StatsSnapshot[],
  videos: Map<string, TrackedVideo>,
  from: string,
  to: string,
): Gains[] {
  const days = new Map<string, Gains>();
  const byVideo = new Map<string, StatsSnapshot[]>();
  for (const s of readings)
    if (s.state === 'ok' && s.counters && s.takenAt < to)
      byVideo.set(s.trackedVideoId, [...(byVideo.get(s.trackedVideoId) ?? []), s]);
  for (const [videoId, oks] of byVideo) {
    const published = videos.get(videoId)?.source === 'published';
    oks.sort(byTime);
    oks.forEach((s, i) => {
      // The previous ok reading; for a published video's first one, none (it counts from 0); for an import's, no gain.
      const previous = i > 0 ? oks[i - 1]!.counters : null;
      if ((i === 0 && !published) || s.takenAt < from) return;
      const day = s.takenAt.slice(0, 10);
      const sums = days.get(day) ?? { day, views: 0, likes: 0, comments: 0, shares: 0 };
      for (const name of COUNTERS) {
        const now = s.counters![name];
        const then = previous ? previous[name] : 0;
        if (now !== null && then !== null) sums[name] += now - then;
      }
      days.set(day, sums);
    });
  }
  return [...days.values()].sort((a, b) => (a.day < b.day ? -1 : 1));
}
