import type { DocumentData } from '@google-cloud/firestore';
import type { TrackedVideo } from '../../../domain/analytics/stats.js';
import { UserError } from '../../../domain/errors.js';
import type { TrackedVideoFilter, TrackedVideoRepository } from '../../../ports/store.js';
import { pack, unpack } from './codec.js';
import type { DocWrite, RecordCodec } from './collections.js';
import type { FsContext } from './context.js';
import { createUnlessGuarded } from './firestore-guarded-create.js';
import { readingsOf, snapshotCodec, snapshotKey } from './firestore-snapshots.repository.js';
import { scanSorted, sortedPage, sortKey, utc, type SortedScan } from './firestore-sorted-scan.js';
import { trackedVideoSummaries } from './firestore-tracked-video-summaries.js';

export { firestoreSnapshots } from './firestore-snapshots.repository.js';

const postKey = (connectionId: string, platformPostId: string) => `${connectionId}:${platformPostId}`;

/** The video's document, with the guard that keeps one tracked video per connection and post. */
function trackedVideoDocs(v: TrackedVideo): [DocWrite, DocWrite] {
  const record: DocWrite = {
    collection: 'trackedVideos',
    id: v.id,
    doc: pack(v, {
      id: v.id,
      workspaceId: v.workspaceId,
      connectionId: v.connectionId,
      platformPostId: v.platformPostId,
      platform: v.platform,
      seriesId: v.seriesId,
      source: v.source,
      itemId: v.itemId,
      publishedAt: utc(v.publishedAt),
      sortKey: sortKey(v.publishedAt, v.id),
      // Left out when the schedule is over, so the due query's range never sees the video.
      ...(v.nextSnapshotAt ? { nextDueAt: utc(v.nextSnapshotAt) } : {}),
    }),
  };
  const guard: DocWrite = {
    collection: 'trackedVideoPosts',
    id: postKey(v.connectionId, v.platformPostId),
    doc: { trackedVideoId: v.id, workspaceId: v.workspaceId, connectionId: v.connectionId },
  };
  return [record, guard];
}

/**
 * The query for a filter. Indexing every combination of six optional fields would take dozens of indexes, so
 * the query uses the most selective one given (series, then connection, platform, source) with the workspace
 * and the publishing-time window on the sort key; any other given field is checked in memory.
 */
export function trackedVideoScan(workspaceId: string, filter: TrackedVideoFilter): SortedScan {
  const given = (['seriesId', 'connectionId', 'platform', 'source'] as const).filter((f) => filter[f]);
  const [queried, ...rest] = given;
  return {
    collection: 'trackedVideos',
    equals: [
      ['workspaceId', workspaceId],
      ...(queried ? [[queried, filter[queried]] as [string, unknown]] : []),
    ],
    from: filter.from,
    to: filter.to,
    ...(rest.length > 0 ? { keep: (doc: DocumentData) => rest.every((f) => doc[f] === filter[f]) } : {}),
  };
}

const toVideo = (doc: DocumentData) => unpack<TrackedVideo>(doc);

export function firestoreTrackedVideos(ctx: FsContext): TrackedVideoRepository {
  const listAll = async (workspaceId: string, filter: TrackedVideoFilter) =>
    (await scanSorted(ctx, trackedVideoScan(workspaceId, filter), null)).map(toVideo);
  return {
    ...trackedVideoSummaries(listAll),
    create: async (v) => {
      const [record, guard] = trackedVideoDocs(v);
      if (await createUnlessGuarded(ctx, guard, [record])) return v;
      const claimed = await ctx.get(guard.collection, guard.id);
      const existing = claimed ? await ctx.get('trackedVideos', claimed.trackedVideoId as string) : null;
      // Connection ids are unique across workspaces; a clash from elsewhere is never handed out.
      if (!existing || existing.workspaceId !== v.workspaceId)
        throw new UserError('conflict', 'tracked_video_conflict', 'This post is tracked elsewhere');
      return toVideo(existing);
    },
    find: async (workspaceId, id) => {
      const doc = await ctx.get('trackedVideos', id);
      return doc && doc.workspaceId === workspaceId ? toVideo(doc) : null;
    },
    findByPost: async (connectionId, platformPostId) => {
      const guard = await ctx.get('trackedVideoPosts', postKey(connectionId, platformPostId));
      const doc = guard ? await ctx.get('trackedVideos', guard.trackedVideoId as string) : null;
      return doc ? toVideo(doc) : null;
    },
    update: (v) =>
      ctx.atomic(async (tx) => {
        const stored = await tx.get('trackedVideos', v.id);
        if (!stored || stored.workspaceId !== v.workspaceId) return;
        const [record] = trackedVideoDocs(v);
        await tx.set(record.collection, record.id, record.doc);
      }),
    listDue: async (at, limit) =>
      (
        await ctx.rows({
          collection: 'trackedVideos',
          where: [['nextDueAt', '<=', utc(at)]],
          orderBy: [
            ['nextDueAt', 'asc'],
            ['id', 'asc'],
          ],
          limit,
        })
      ).map(toVideo),
    list: (workspaceId, filter, page) =>
      sortedPage(ctx, trackedVideoScan(workspaceId, filter), page, toVideo),
    listAll,
    deleteByConnection: async (workspaceId, connectionId) => {
      // Every read first (inside a caller's transaction reads must precede writes), then the deletes. Not one
      // transaction of its own: a connection's videos and readings can pass Firestore's writes per commit, and a
      // retention sweep run again deletes what is left.
      const videos = await ctx.query({
        collection: 'trackedVideos',
        where: [
          ['workspaceId', '==', workspaceId],
          ['connectionId', '==', connectionId],
        ],
      });
      const ids = videos.map((doc) => doc.get('id') as string);
      const snapshots = await readingsOf(ctx, workspaceId, ids);
      const refs = [
        ...snapshots.map((s) => ctx.ref('snapshots', snapshotKey(s))),
        ...videos.map((doc) =>
          ctx.ref('trackedVideoPosts', postKey(connectionId, doc.get('platformPostId') as string)),
        ),
        ...videos.map((doc) => doc.ref),
      ];
      for (let i = 0; i < refs.length; i += 100)
        await Promise.all(refs.slice(i, i + 100).map((ref) => ctx.deleteRef(ref)));
      return videos.length;
    },
  };
}

export const analyticsCodecs: RecordCodec[] = [
  { collection: 'trackedVideos', toDocs: (record) => trackedVideoDocs(record as TrackedVideo) },
  snapshotCodec,
];
