import type { AnalyticsFilter } from './analyticsApi.js';

const PLATFORMS = ['tiktok', 'instagram', 'youtube'] as const;
const DAY_MS = 86_400_000;

/** The filter bar's fields as the address keeps them: dates as UTC days, empty when unset. */
export interface FilterFields {
  platform: string;
  connectionId: string;
  seriesId: string;
  fromDay: string;
  toDay: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function fieldsFromParams(params: URLSearchParams): FilterFields {
  const day = (name: string) => {
    const value = params.get(name) ?? '';
    return DAY.test(value) ? value : '';
  };
  const platform = params.get('platform') ?? '';
  return {
    platform: (PLATFORMS as readonly string[]).includes(platform) ? platform : '',
    connectionId: params.get('account') ?? '',
    seriesId: params.get('series') ?? '',
    fromDay: day('from'),
    toDay: day('to'),
  };
}

export function paramsFromFields(fields: FilterFields): URLSearchParams {
  const params = new URLSearchParams();
  if (fields.platform) params.set('platform', fields.platform);
  if (fields.connectionId) params.set('account', fields.connectionId);
  if (fields.seriesId) params.set('series', fields.seriesId);
  if (fields.fromDay) params.set('from', fields.fromDay);
  if (fields.toDay) params.set('to', fields.toDay);
  return params;
}

/**
 * The API's filter: published from the start of the first day to the end of the last (both UTC, the last day
 * included); a range that ends before it starts is left to the API to refuse with its message.
 */
export function apiFilter(fields: FilterFields): AnalyticsFilter {
  const filter: AnalyticsFilter = {};
  if (fields.platform) filter.platform = fields.platform as AnalyticsFilter['platform'];
  if (fields.connectionId) filter.connectionId = fields.connectionId;
  if (fields.seriesId) filter.seriesId = fields.seriesId;
  if (fields.fromDay) filter.from = `${fields.fromDay}T00:00:00.000Z`;
  if (fields.toDay) filter.to = new Date(Date.parse(`${fields.toDay}T00:00:00.000Z`) + DAY_MS).toISOString();
  return filter;
}

export const isFiltered = (fields: FilterFields): boolean => Object.values(fields).some((v) => v !== '');
