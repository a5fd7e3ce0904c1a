import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/domain/errors.js';
import { daysOf, trendWindow, videoFilter } from '../../../src/services/analytics/analytics-filter.js';
import { breakdown, fillTrend } from '../../../src/services/analytics/dashboard.js';
import type { AccountDirectory } from '../../../src/services/analytics/account-directory.js';

const NOW = Date.parse('2031-03-15T13:30:00Z');

describe('analytics filters', () => {
  it('turns instants with offsets into UTC and keeps only the filters given', () => {
    expect(videoFilter({})).toEqual({});
    expect(
      videoFilter({ platform: 'youtube', from: '2031-03-01T00:00:00+02:00', to: '2031-03-02T00:00:00Z' }),
    ).toEqual({ platform: 'youtube', from: '2031-02-28T22:00:00.000Z', to: '2031-03-02T00:00:00.000Z' });
  });

  it('refuses a range whose start is not before its end, with invalid_range', () => {
    const attempt = () => videoFilter({ from: '2031-03-02T00:00:00Z', to: '2031-03-02T00:00:00Z' });
    expect(attempt).toThrow(UserError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'invalid_range', kind: 'validation' }));
  });

  it('trend: the last 30 UTC days up to today by default', () => {
    const window = trendWindow({}, NOW);
    expect(window).toEqual({ from: '2031-02-14T00:00:00.000Z', to: '2031-03-16T00:00:00.000Z' });
    const days = daysOf(window);
    expect(days).toHaveLength(30);
    expect(days[0]).toBe('2031-02-14');
    expect(days.at(-1)).toBe('2031-03-15');
  });

  it('trend: follows the date range in whole days, at most its last 366', () => {
    expect(trendWindow({ from: '2031-03-01T05:00:00.000Z', to: '2031-03-08T00:00:00.000Z' }, NOW)).toEqual({
      from: '2031-03-01T00:00:00.000Z',
      to: '2031-03-08T00:00:00.000Z',
    });
    const long = trendWindow({ from: '2020-01-01T00:00:00.000Z' }, NOW);
    expect(daysOf(long)).toHaveLength(366);
    expect(long.to).toBe('2031-03-16T00:00:00.000Z');
    expect(daysOf(trendWindow({ to: '2031-01-10T00:00:00.000Z' }, NOW)).at(-1)).toBe('2031-01-09');
  });
});

describe('dashboard parts', () => {
  const names: Record<string, string> = { c1: 'Cooking', c2: 'Cooking shorts', c3: 'Gadgets' };
  const accounts = { nameOf: (id: string) => names[id] ?? 'Disconnected account' } as AccountDirectory;
  const row = (connectionId: string, platform: 'tiktok' | 'youtube', views: number) => ({
    connectionId,
    platform,
    videos: 2,
    views,
    likes: 10,
    comments: 3,
    shares: 1,
  });

  it('sums per platform in platform order and per account, most views first', () => {
    const out = breakdown(
      {
        byConnection: [row('c2', 'youtube', 50), row('c1', 'tiktok', 100), row('c3', 'tiktok', 700)],
        withoutNumbers: { no_stats: 1, lagging: 0, missing: 2 },
      },
      accounts,
    );
    expect(out.totals).toEqual({ videos: 6, views: 850, likes: 30, comments: 9, shares: 3 });
    expect(out.byPlatform).toEqual([
      { platform: 'tiktok', videos: 4, views: 800, likes: 20, comments: 6, shares: 2 },
      { platform: 'youtube', videos: 2, views: 50, likes: 10, comments: 3, shares: 1 },
    ]);
    expect(out.byAccount.map((a) => [a.accountName, a.views])).toEqual([
      ['Gadgets', 700],
      ['Cooking', 100],
      ['Cooking shorts', 50],
    ]);
  });

  it('gives every day of the window a point; days without readings gained nothing', () => {
    const gain = { day: '2031-03-02', views: 40, likes: 4, comments: 1, shares: 0 };
    expect(fillTrend(['2031-03-01', '2031-03-02', '2031-03-03'], [gain])).toEqual([
      { day: '2031-03-01', views: 0, likes: 0, comments: 0, shares: 0 },
      gain,
      { day: '2031-03-03', views: 0, likes: 0, comments: 0, shares: 0 },
    ]);
  });
});
