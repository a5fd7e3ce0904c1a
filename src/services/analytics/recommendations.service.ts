import type { RecommendationsView } from '../../api/analytics.js';
import { settableSpace } from '../../domain/analytics/brief-factors.js';
import { COMPARISON_AGE_HOURS } from '../../domain/analytics/snapshot-schedule.js';
import type { Platform } from '../../domain/connection.js';
import { UserError, notFound } from '../../domain/errors.js';
import {
  fitModel,
  predictViews,
  priorFrom,
  recommend,
  type LearningModel,
  type Observation,
} from '../../domain/learning/index.js';
import { isoNow, type Clock } from '../../ports/clock.js';
import type { Store } from '../../ports/store.js';
import { requirePermission, type AuthContext } from '../auth-context.js';
import { ModelCache } from './model-cache.js';
import { checkPins, chooseBriefs, learnedSpace, type NextBrief } from './next-briefs.js';
import { dataFingerprint, hasViews, toObservations } from './observations.js';
import { quantileDots } from './quantile-dots.js';
import { toCards } from './recommendation-cards.js';

/** Videos with views a model needs before its cards mean anything. */
export const MIN_VIDEOS_WITH_VIEWS = 10;
const DOTS = 20;

/** A fitted model and what the answers about it need. */
interface Fit {
  /** Null while there is too little to learn from (the model is never asked to fit on almost nothing). */
  model: LearningModel | null;
  /** Videos with views behind the fit (the account's own, with an account). */
  observations: number;
  /** The account the dotplot predicts for: the one asked about, or the workspace's busiest. */
  target: { accountId: string; platform: Platform } | null;
  fittedAt: string;
}

/**
 * Recommendations from the workspace's tracked videos: the learning model fitted on their readings (cached until
 * new readings arrive), as cards, a dotplot of the next video's likely views, and levels for the next briefs.
 */
export class RecommendationsService {
  private readonly cache = new ModelCache<Fit>();

  constructor(private readonly deps: { store: Store; clock: Clock; random?: () => number }) {}

  /** The cards and the next video's likely views, for the workspace or one of its accounts. */
  async recommendations(ctx: AuthContext, connectionId?: string): Promise<RecommendationsView> {
    requirePermission(ctx, 'content.view');
    const fit = await this.fit(ctx.workspaceId, connectionId);
    const empty = {
      cards: [],
      nextVideo: null,
      observations: fit.observations,
      fittedAt: fit.fittedAt,
    };
    if (!fit.model) return { ...empty, emptyReason: tooFewReason(fit.observations) };
    const recommendations = recommend(fit.model);
    const cards = toCards(recommendations);
    const bestLevels = Object.fromEntries(recommendations.map((r) => [r.factor, r.bestLevel]));
    const target = fit.target;
    const range = target
      ? predictViews(fit.model, target.accountId, target.platform, bestLevels, COMPARISON_AGE_HOURS)
      : null;
    return {
      ...empty,
      cards,
      nextVideo:
        range && target
          ? { ...range, dots: quantileDots(range, DOTS), connectionId: target.accountId }
          : null,
      emptyReason: null,
    };
  }

  /** Levels for the next `count` briefs, pins kept; a share explores levels the model is unsure of. */
  async nextBriefs(
    ctx: AuthContext,
    request: { count: number; connectionId?: string; pinned: Record<string, string> },
  ): Promise<{ briefs: NextBrief[] }> {
    requirePermission(ctx, 'content.create');
    const fit = await this.fit(ctx.workspaceId, request.connectionId);
    const space = settableSpace(fit.model?.levels.voice ?? []);
    checkPins(request.pinned, space);
    if (!fit.model) throw new UserError('conflict', 'not_enough_videos', tooFewReason(fit.observations));
    const random = this.deps.random ?? Math.random;
    const briefs = chooseBriefs(
      fit.model,
      recommend(fit.model),
      learnedSpace(space, fit.model.levels, request.pinned),
      request.pinned,
      request.count,
      random,
    );
    return { briefs };
  }

  private async fit(workspaceId: string, connectionId: string | undefined): Promise<Fit> {
    const { store } = this.deps;
    const connection = connectionId ? await store.connections.findById(workspaceId, connectionId) : null;
    if (connectionId && !connection) throw notFound('connection');
    const videos = await store.trackedVideos.listAll(workspaceId, {});
    const snapshots = await store.snapshots.listForVideos(
      workspaceId,
      videos.map((v) => v.id),
    );
    const key = `${workspaceId}|${connectionId ?? '*'}`;
    return this.cache.get(key, dataFingerprint(videos, snapshots), () => {
      const observations = toObservations(videos, snapshots).filter(hasViews);
      const fittedAt = isoNow(this.deps.clock);
      return connection
        ? fitAccount(observations, { accountId: connection.id, platform: connection.platform }, fittedAt)
        : fitWorkspace(observations, fittedAt);
    });
  }
}

/** One model over every account (the model pools them); the dotplot is for the account with the most videos. */
function fitWorkspace(observations: Observation[], fittedAt: string): Fit {
  const counts = new Map<string, { count: number; platform: Platform }>();
  for (const o of observations) {
    const entry = counts.get(o.accountId) ?? { count: 0, platform: o.platform };
    entry.count += 1;
    counts.set(o.accountId, entry);
  }
  const busiest = [...counts.entries()].sort((a, b) => b[1].count - a[1].count)[0];
  return {
    model: observations.length >= MIN_VIDEOS_WITH_VIEWS ? fitModel(observations) : null,
    observations: observations.length,
    target: busiest ? { accountId: busiest[0], platform: busiest[1].platform } : null,
    fittedAt,
  };
}

/**
 * The account's own model, starting from what the workspace's other accounts taught: each with enough videos is
 * fitted alone, and their models make the prior. A new account gets cards from the prior alone.
 */
function fitAccount(
  observations: Observation[],
  target: { accountId: string; platform: Platform },
  fittedAt: string,
): Fit {
  const own = observations.filter((o) => o.accountId === target.accountId);
  const others = [...groupByAccount(observations).entries()]
    .filter(([accountId, list]) => accountId !== target.accountId && list.length >= MIN_VIDEOS_WITH_VIEWS)
    .map(([, list]) => fitModel(list));
  const model =
    others.length > 0
      ? fitModel(own, { prior: priorFrom(others) })
      : own.length >= MIN_VIDEOS_WITH_VIEWS
        ? fitModel(own)
        : null;
  return { model, observations: own.length, target, fittedAt };
}

function groupByAccount(observations: Observation[]): Map<string, Observation[]> {
  const groups = new Map<string, Observation[]>();
  for (const o of observations) {
    const list = groups.get(o.accountId);
    if (list) list.push(o);
    else groups.set(o.accountId, [o]);
  }
  return groups;
}

function tooFewReason(videos: number): string {
  const have = videos === 1 ? '1 video has' : `${videos} videos have`;
  return (
    `Recommendations start once ${MIN_VIDEOS_WITH_VIEWS} videos have views; ${have} so far. ` +
    'Connect your accounts (their earlier posts are imported with their views) or publish more videos, ' +
    'then come back after their first day of views.'
  );
}
