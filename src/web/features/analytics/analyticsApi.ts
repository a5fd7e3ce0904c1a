import { queryOptions } from '@tanstack/react-query';
import {
  dashboardView,
  trackedVideoDetail,
  trackedVideoPage,
  type AnalyticsFilter,
} from '../../../api/analytics.js';
import { apiGet } from '../../api/client.js';
import type { Page } from '../../api/pagedQuery.js';

export type { AnalyticsFilter };

/** Cache keys of everything the Analytics pages read. */
export const analyticsKeys = {
  all: ['analytics'] as const,
  dashboard: (filter: AnalyticsFilter) => ['analytics', 'dashboard', filter] as const,
  videos: (filter: AnalyticsFilter) => ['analytics', 'videos', filter] as const,
  video: (id: string) => ['analytics', 'video', id] as const,
};

/** The query string of a filter, empty fields left out; `extra` adds fields such as the export format. */
export function filterQuery(filter: AnalyticsFilter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filter, ...extra })) {
    if (value) params.set(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const dashboardQuery = (filter: AnalyticsFilter) =>
  queryOptions({
    queryKey: analyticsKeys.dashboard(filter),
    queryFn: ({ signal }) => apiGet(`/api/analytics/dashboard${filterQuery(filter)}`, dashboardView, signal),
    placeholderData: (previous) => previous,
  });

export function listTrackedVideos(
  filter: AnalyticsFilter,
  cursor: string | null,
  signal: AbortSignal,
  limit: number,
): Promise<Page<(typeof trackedVideoPage)['_output']['items'][number]>> {
  const extra: Record<string, string> = { limit: String(limit), ...(cursor ? { cursor } : {}) };
  return apiGet(`/api/analytics/videos${filterQuery(filter, extra)}`, trackedVideoPage, signal);
}

export const trackedVideoQuery = (id: string) =>
  queryOptions({
    queryKey: analyticsKeys.video(id),
    queryFn: ({ signal }) =>
      apiGet(`/api/analytics/videos/${encodeURIComponent(id)}`, trackedVideoDetail, signal),
  });

/** The download address of every reading the filter matches, as CSV or JSON (the browser saves the file). */
export const exportUrl = (filter: AnalyticsFilter, format: 'csv' | 'json'): string =>
  `/api/analytics/export${filterQuery(filter, { format })}`;
