import type { Platform } from '../../domain/connection.js';
import { UserError } from '../../domain/errors.js';
import type { TrackedVideoFilter } from '../../ports/store.js';

/** The filters every analytics view takes (the Analytics page's filter bar); dates are ISO instants. */
export interface AnalyticsQuery {
  platform?: Platform | undefined;
  connectionId?: string | undefined;
  seriesId?: string | undefined;
  /** Published at or after. */
  from?: string | undefined;
  /** Published strictly before. */
  to?: string | undefined;
}

const DAY_MS = 86_400_000;
/** The trend's span when the filter gives no start. */
export const DEFAULT_TREND_DAYS = 30;
/** The longest trend: a longer date range still filters the videos, the trend shows its last year. */
export const MAX_TREND_DAYS = 366;

/** The store's filter for a query: instants in UTC (stored dates are), and 400 `invalid_range` when from ≥ to. */
export function videoFilter(query: AnalyticsQuery): TrackedVideoFilter {
  const from = query.from === undefined ? undefined : new Date(query.from).toISOString();
  const to = query.to === undefined ? undefined : new Date(query.to).toISOString();
  if (from !== undefined && to !== undefined && from >= to) {
    throw new UserError('validation', 'invalid_range', 'The start of the date range must be before its end');
  }
  return {
    ...(query.platform ? { platform: query.platform } : {}),
    ...(query.connectionId ? { connectionId: query.connectionId } : {}),
    ...(query.seriesId ? { seriesId: query.seriesId } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
}

/** The UTC day of an instant, "YYYY-MM-DD". */
export const utcDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/**
 * The trend's window: the filter's date range (or the last 30 days), at most its last 366 days, as whole UTC
 * days; `to` is exclusive.
 */
export function trendWindow(filter: TrackedVideoFilter, nowMs: number): { from: string; to: string } {
  const end = filter.to === undefined ? nowMs : Date.parse(filter.to);
  const endDay = Date.parse(utcDay(end - 1)) + DAY_MS;
  const wanted = filter.from === undefined ? endDay - DEFAULT_TREND_DAYS * DAY_MS : Date.parse(filter.from);
  const start = Math.max(Date.parse(utcDay(wanted)), endDay - MAX_TREND_DAYS * DAY_MS);
  return { from: new Date(start).toISOString(), to: new Date(endDay).toISOString() };
}

/** Every UTC day of a window, oldest first. */
export function daysOf(window: { from: string; to: string }): string[] {
  const days: string[] = [];
  for (let at = Date.parse(window.from); at < Date.parse(window.to); at += DAY_MS) days.push(utcDay(at));
  return days;
}
