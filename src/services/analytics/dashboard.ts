import type { DashboardView } from '../../api/analytics.js';
import { PLATFORMS, type Platform } from '../../domain/connection.js';
import type { ConnectionTotals, TrackedVideoSummary } from '../../ports/store.js';
import type { AccountDirectory } from './account-directory.js';

type Totals = DashboardView['totals'];
type Gains = DashboardView['trend'][number];

const ZERO: Totals = { videos: 0, views: 0, likes: 0, comments: 0, shares: 0 };

function add(a: Totals, b: Totals): Totals {
  return {
    videos: a.videos + b.videos,
    views: a.views + b.views,
    likes: a.likes + b.likes,
    comments: a.comments + b.comments,
    shares: a.shares + b.shares,
  };
}

const totalsOf = (row: ConnectionTotals): Totals => ({
  videos: row.videos,
  views: row.views,
  likes: row.likes,
  comments: row.comments,
  shares: row.shares,
});

/** Totals overall, per platform (in the usual platform order) and per account (most views first). */
export function breakdown(
  summary: TrackedVideoSummary,
  accounts: AccountDirectory,
): Pick<DashboardView, 'totals' | 'byPlatform' | 'byAccount'> {
  const perPlatform = new Map<Platform, Totals>();
  for (const row of summary.byConnection) {
    perPlatform.set(row.platform, add(perPlatform.get(row.platform) ?? ZERO, totalsOf(row)));
  }
  return {
    totals: summary.byConnection.reduce((sum, row) => add(sum, totalsOf(row)), ZERO),
    byPlatform: PLATFORMS.flatMap((platform) => {
      const totals = perPlatform.get(platform);
      return totals ? [{ platform, ...totals }] : [];
    }),
    byAccount: summary.byConnection
      .map((row) => ({ ...row, accountName: accounts.nameOf(row.connectionId) }))
      .sort((a, b) => b.views - a.views || a.accountName.localeCompare(b.accountName)),
  };
}

/** Gains per day for every day of the window: a day without readings gained nothing. */
export function fillTrend(days: string[], gains: Gains[]): Gains[] {
  const byDay = new Map(gains.map((g) => [g.day, g]));
  return days.map((day) => byDay.get(day) ?? { day, views: 0, likes: 0, comments: 0, shares: 0 });
}
