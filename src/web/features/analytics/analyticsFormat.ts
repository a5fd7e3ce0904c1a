import type { DashboardView, TrackedVideoView } from '../../../api/analytics.js';

type State = NonNullable<TrackedVideoView['latestState']>;
export type SnapshotView = {
  scheduledAgeHours: number;
  ageHours: number;
  takenAt: string;
  state: State;
  counters: {
    views: number | null;
    likes: number | null;
    comments: number | null;
    shares: number | null;
  } | null;
  reason: string | null;
};

/** Readings without numbers, in plain words: never shown as 0. */
export const STATE_LABELS: Record<Exclude<State, 'ok'>, string> = {
  no_stats: 'No public stats',
  lagging: 'Numbers coming',
  missing: "Couldn't read",
};

/** What each state without numbers means, for a tooltip or a table. */
export const STATE_EXPLANATIONS: Record<Exclude<State, 'ok'>, string> = {
  no_stats: 'The platform shows no numbers for this post (a private post, or too few viewers).',
  lagging: 'The platform has not counted this post yet; its numbers usually arrive within two days.',
  missing: 'The platform did not answer when AI Factory asked; the next reading tries again.',
};

const counts = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

/** A count for reading ("12,480"); null (no number) as a dash, never 0. */
export const formatCount = (value: number | null): string => (value === null ? '—' : counts.format(value));
/** A count for a chart axis ("12.5K"). */
export const formatAxisCount = (value: number): string => compact.format(value);

/** An age since publishing: hours for the first two days, then days ("6 h", "7 d"). */
export function formatAge(hours: number): string {
  if (hours < 48) return `${Math.round(hours)} h`;
  const days = hours / 24;
  return `${Number.isInteger(Math.round(days * 10) / 10) ? Math.round(days) : days.toFixed(1)} d`;
}

/** A UTC day "2031-01-05" as "5 Jan". */
export function formatDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
}

/** A time as "5 Jan 2031". */
export function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}

/** A series as people know it: its first item's topic, else the day it began ("Series of 5 Jan 2031"). */
export function seriesLabel(series: DashboardView['series'][number]): string {
  return series.firstTopic ?? `Series of ${formatDate(series.firstPublishedAt)}`;
}

export interface GrowthPoint {
  ageHours: number;
  /** Null where the reading had no numbers: a gap in the curve, never 0. */
  views: number | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
  state: State;
}

/** One point per reading, oldest first, numbers only where the reading has them. */
export function growthPoints(snapshots: SnapshotView[]): GrowthPoint[] {
  return snapshots.map((s) => ({
    ageHours: s.ageHours,
    views: s.state === 'ok' ? (s.counters?.views ?? null) : null,
    likes: s.state === 'ok' ? (s.counters?.likes ?? null) : null,
    comments: s.state === 'ok' ? (s.counters?.comments ?? null) : null,
    shares: s.state === 'ok' ? (s.counters?.shares ?? null) : null,
    state: s.state,
  }));
}

/** The trend's total over its days, and its best day (null when nothing was gained). */
export function trendSummary(trend: DashboardView['trend']): {
  total: number;
  best: { day: string; views: number } | null;
} {
  let best: { day: string; views: number } | null = null;
  let total = 0;
  for (const d of trend) {
    total += d.views;
    if (d.views > 0 && (!best || d.views > best.views)) best = { day: d.day, views: d.views };
  }
  return { total, best };
}
