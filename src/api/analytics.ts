import { z } from 'zod';
import { SNAPSHOT_STATES } from '../domain/analytics/stats.js';
import { idSchema, pageQuery } from './common.js';
import { platformSchema } from './connections.js';

/** Filters every analytics view takes (the Analytics page's filter bar). Dates are ISO instants. */
export const analyticsFilterQuery = z.strictObject({
  platform: platformSchema.optional(),
  connectionId: idSchema.optional(),
  seriesId: idSchema.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type AnalyticsFilter = z.infer<typeof analyticsFilterQuery>;

export const snapshotStateSchema = z.enum(SNAPSHOT_STATES as ['ok', 'no_stats', 'lagging', 'missing']);

export const countersView = z.object({
  views: z.number().nullable(),
  likes: z.number().nullable(),
  comments: z.number().nullable(),
  shares: z.number().nullable(),
  extra: z.record(z.string(), z.number()),
});

export const snapshotView = z.object({
  id: z.string(),
  scheduledAgeHours: z.number(),
  ageHours: z.number(),
  takenAt: z.string(),
  state: snapshotStateSchema,
  counters: countersView.nullable(),
  reason: z.string().nullable(),
});

export const trackedVideoView = z.object({
  id: z.string(),
  connectionId: z.string(),
  accountName: z.string(),
  platform: platformSchema,
  source: z.enum(['published', 'imported']),
  itemId: z.string().nullable(),
  seriesId: z.string().nullable(),
  title: z.string(),
  url: z.string().nullable(),
  publishedAt: z.string(),
  latest: countersView.nullable(),
  latestState: snapshotStateSchema.nullable(),
  latestAt: z.string().nullable(),
  /** Views at 7 days (null until then, or when there were no numbers at that age). */
  viewsAt7d: z.number().nullable(),
  factors: z.record(z.string(), z.string()),
});
export type TrackedVideoView = z.infer<typeof trackedVideoView>;

const totals = z.object({
  videos: z.number().int(),
  views: z.number(),
  likes: z.number(),
  comments: z.number(),
  shares: z.number(),
});

/** GET /api/analytics/dashboard: totals, trend and leaderboard in one answer (≤ 50 ms p99 at 100,000 snapshots). */
export const dashboardView = z.object({
  totals,
  byPlatform: z.array(totals.extend({ platform: platformSchema })),
  byAccount: z.array(
    totals.extend({ connectionId: z.string(), platform: platformSchema, accountName: z.string() }),
  ),
  /** Gained per UTC day over the range (default: the last 30 days). */
  trend: z.array(
    z.object({
      day: z.string(),
      views: z.number(),
      likes: z.number(),
      comments: z.number(),
      shares: z.number(),
    }),
  ),
  /** Best videos by views at 7 days (videos younger than that are not ranked yet). */
  leaderboard: z.array(trackedVideoView),
  /** Videos whose newest reading has no numbers, by state (shown, never counted as 0). */
  withoutNumbers: z.object({ no_stats: z.number(), lagging: z.number(), missing: z.number() }),
  /** Every connected account of the workspace (the account filter's options; none: nothing to show yet). */
  accounts: z.array(
    z.object({ connectionId: z.string(), platform: platformSchema, accountName: z.string() }),
  ),
  /** Series among the videos the other filters match, newest first (the series filter's options). */
  series: z.array(
    z.object({
      seriesId: z.string(),
      videos: z.number().int(),
      firstPublishedAt: z.string(),
      /** The topic of the series' first item, when it was made by the product. */
      firstTopic: z.string().nullable(),
    }),
  ),
  asOf: z.string(),
});
export type DashboardView = z.infer<typeof dashboardView>;

export const trackedVideoListQuery = analyticsFilterQuery.extend(pageQuery.shape);
export const trackedVideoPage = z.object({
  items: z.array(trackedVideoView),
  nextCursor: z.string().nullable(),
});

export const trackedVideoDetail = z.object({ video: trackedVideoView, snapshots: z.array(snapshotView) });

export const exportQuery = analyticsFilterQuery.extend({ format: z.enum(['csv', 'json']).default('csv') });

const multiplier = z.object({ median: z.number(), low80: z.number(), high80: z.number() });

/** One recommendation card (the fixed FactorRecommendation plus labels for people). */
export const recommendationCard = z.object({
  factor: z.string(),
  factorLabel: z.string(),
  bestLevel: z.string(),
  bestLevelLabel: z.string(),
  multiplier,
  probabilityBest: z.number(),
  videos: z.number().int(),
  verdict: z.enum(['winner', 'leaning', 'unknown']),
});

/** GET /api/analytics/recommendations?connectionId= */
export const recommendationsView = z.object({
  cards: z.array(recommendationCard),
  /** Your next video's likely views at 7 days with the recommended levels: 20 quantiles (a dotplot). */
  nextVideo: z
    .object({
      median: z.number(),
      low80: z.number(),
      high80: z.number(),
      dots: z.array(z.number()),
      /** The account the prediction is for: the one asked about, or the workspace's account with most videos. */
      connectionId: z.string(),
    })
    .nullable(),
  observations: z.number().int(),
  /** Why there are no cards yet, in plain words (too few videos). */
  emptyReason: z.string().nullable(),
  fittedAt: z.string(),
});
export type RecommendationsView = z.infer<typeof recommendationsView>;

/** POST /api/analytics/next-briefs: levels for the next N briefs (explores where unsure; pinned levels kept). */
export const nextBriefsRequest = z.strictObject({
  count: z.number().int().min(1).max(50),
  connectionId: idSchema.optional(),
  pinned: z.record(z.string(), z.string()).default({}),
});
export const nextBriefsView = z.object({
  briefs: z.array(
    z.object({
      factors: z.record(z.string(), z.string()),
      /** True when this brief tries a level the model is unsure about. */
      exploring: z.boolean(),
    }),
  ),
});

/** One video in the JSON export: where it is, how it was made, and every reading, oldest first. */
export const exportedVideo = z.object({
  id: z.string(),
  platform: platformSchema,
  connectionId: z.string(),
  accountName: z.string(),
  title: z.string(),
  url: z.string().nullable(),
  publishedAt: z.string(),
  source: z.enum(['published', 'imported']),
  itemId: z.string().nullable(),
  versionId: z.string().nullable(),
  seriesId: z.string().nullable(),
  /** The factors recorded for learning, and, for a video the product made, its brief and version parameters. */
  generation: z.object({
    factors: z.record(z.string(), z.string()),
    brief: z.record(z.string(), z.unknown()).nullable(),
    parameters: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).nullable(),
  }),
  snapshots: z.array(snapshotView),
});
export type ExportedVideo = z.infer<typeof exportedVideo>;

/** GET /api/analytics/export?format=json: the file's content. */
export const statsExport = z.object({ exportedAt: z.string(), videos: z.array(exportedVideo) });
