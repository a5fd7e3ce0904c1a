import { GraphFailure, graphErrors } from './errors.js';
import { requireScope, type Caller } from './graph-auth.js';
import type { GraphParams } from './graph-params.js';
import type { InstagramRuntime } from './runtime.js';
import { SCOPES } from './scopes.js';
import { mediaStats, type MediaStats } from './stats.js';
import type { IgMedia } from './store.js';

/** Reels metrics and how each is read from the seeded counters. */
const REELS_METRICS: Record<string, { title: string; read: (s: MediaStats) => number }> = {
  views: { title: 'Views', read: (s) => s.views },
  reach: { title: 'Accounts reached', read: (s) => s.reach },
  likes: { title: 'Likes', read: (s) => s.likes },
  comments: { title: 'Comments', read: (s) => s.comments },
  shares: { title: 'Shares', read: (s) => s.shares },
  saved: { title: 'Saved', read: (s) => s.saved },
  total_interactions: { title: 'Interactions', read: (s) => s.totalInteractions },
  ig_reels_avg_watch_time: { title: 'Average watch time', read: (s) => s.avgWatchTimeMs },
  ig_reels_video_view_total_time: { title: 'Watch time', read: (s) => s.totalWatchTimeMs },
};

/**
 * `GET /{ig-media-id}/insights?metric=…`: lifetime values that grow with the clock; an empty `data` while
 * insights lag (settings.insightsDelayMs) or when forced empty; `(#10)` for too few viewers. Retired
 * metrics (plays, impressions, video_views…) are not listed, so asking for one fails the whole call.
 */
export function mediaInsights(
  rt: InstagramRuntime,
  caller: Caller,
  media: IgMedia,
  params: GraphParams,
): { data: unknown[] } {
  requireScope(caller, SCOPES.insights);
  const raw = params.get('metric');
  if (!raw) throw new GraphFailure(graphErrors.missingParam('metric'));
  const metrics = [...new Set(raw.split(',').map((m) => m.trim()))];
  metrics.forEach((metric, index) => {
    if (!(metric in REELS_METRICS)) {
      throw new GraphFailure(
        graphErrors.invalidParam(
          `metric[${index}] must be one of the following values: ${Object.keys(REELS_METRICS).join(', ')}`,
        ),
      );
    }
  });
  const period = params.get('period');
  if (period !== undefined && period !== 'lifetime') {
    throw new GraphFailure(graphErrors.invalidParam('Param period must be one of {lifetime}'));
  }
  const mode = rt.store.insightsModeOf(media.id);
  if (mode === 'not-enough-viewers') {
    throw new GraphFailure({
      status: 400,
      code: 10,
      message: '(#10) Not enough viewers for the media to show insights',
      isTransient: false,
      userTitle: 'Not enough viewers',
      userMsg: 'Insights are not available for media with a small audience.',
    });
  }
  const now = rt.ctx.clock.now();
  const lagging = now < media.publishedAt + rt.ctx.settings.instagram.insightsDelayMs;
  if (mode === 'empty' || lagging) return { data: [] };
  const stats = mediaStats(rt.ctx.settings.seed, rt.ctx.settings.world, media, now);
  return {
    data: metrics.map((name) => {
      const metric = REELS_METRICS[name];
      return {
        name,
        period: 'lifetime',
        values: [{ value: metric ? metric.read(stats) : 0 }],
        title: metric?.title ?? name,
        id: `${media.id}/insights/${name}/lifetime`,
      };
    }),
  };
}
