import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import type { DashboardView, TrackedVideoView } from '../../../api/analytics.js';
import { analyticsKeys, dashboardQuery, exportUrl, filterQuery, trackedVideoQuery } from './analyticsApi.js';
import { formatAge, growthPoints, seriesLabel, trendSummary, type SnapshotView } from './analyticsFormat.js';
import { AnalyticsPage } from './AnalyticsPage.js';
import { apiFilter, fieldsFromParams, paramsFromFields } from './filterParams.js';
import { recommendationsQuery } from '../recommendations/recommendationsApi.js';
import { VideoAnalyticsPage } from './VideoAnalyticsPage.js';

const video = (over: Partial<TrackedVideoView> = {}): TrackedVideoView => ({
  id: 'v1',
  connectionId: 'c1',
  accountName: 'Daily Science',
  platform: 'tiktok',
  source: 'published',
  itemId: 'item1',
  seriesId: null,
  title: 'Why the sky is blue',
  url: 'https://www.tiktok.com/@daily/video/1',
  publishedAt: '2031-01-01T10:00:00.000Z',
  latest: { views: 4321, likes: 210, comments: 12, shares: 5, extra: {} },
  latestState: 'ok',
  latestAt: '2031-01-08T10:00:00.000Z',
  viewsAt7d: 4321,
  factors: {},
  ...over,
});

const zeros = { videos: 0, views: 0, likes: 0, comments: 0, shares: 0 };
const dashboard = (over: Partial<DashboardView> = {}): DashboardView => ({
  totals: zeros,
  byPlatform: [],
  byAccount: [],
  trend: [],
  leaderboard: [],
  withoutNumbers: { no_stats: 0, lagging: 0, missing: 0 },
  accounts: [],
  series: [],
  asOf: '2031-01-10T00:00:00.000Z',
  ...over,
});

/** Renders a page at an address with its queries already answered, as the browser would show it. */
function render(
  page: ReactElement,
  path: string,
  route: string,
  seed: (client: QueryClient) => void,
): string {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  seed(client);
  return renderToStaticMarkup(
    createElement(
      QueryClientProvider,
      { client },
      createElement(
        MemoryRouter,
        { initialEntries: [path] },
        createElement(Routes, null, createElement(Route, { path: route, element: page })),
      ),
    ),
  );
}

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, ' ');

describe('Analytics page', () => {
  const renderDashboard = (view: DashboardView, path = '/analytics', videos: TrackedVideoView[] = []) =>
    render(createElement(AnalyticsPage), path, '/analytics', (client) => {
      const filter = apiFilter(fieldsFromParams(new URL(path, 'http://x').searchParams));
      client.setQueryData(dashboardQuery(filter).queryKey, view);
      client.setQueryData(analyticsKeys.videos(filter), {
        pages: [{ items: videos, nextCursor: null }],
        pageParams: [null],
      });
    });

  it('sends people with no connected account to Connections', () => {
    const html = renderDashboard(dashboard());
    expect(text(html)).toContain('No accounts connected');
    expect(html).toContain('href="/connections"');
    expect(html).not.toContain('data-testid="trend-chart"');
  });

  it('says when numbers arrive when accounts are connected but nothing is tracked yet', () => {
    const accounts = [{ connectionId: 'c1', platform: 'tiktok' as const, accountName: 'Daily Science' }];
    const html = renderDashboard(dashboard({ accounts }));
    expect(text(html)).toContain('Stats arrive about an hour after a video is published');
    // A filter that matches nothing is not "nothing yet": the filter bar and the empty sections stay.
    const filtered = renderDashboard(dashboard({ accounts }), '/analytics?platform=youtube');
    expect(text(filtered)).not.toContain('Stats arrive about an hour');
    expect(filtered).toContain('Filters');
  });

  it('shows totals, breakdowns, the trend with its table, the leaderboard, exports and the videos, states never as 0', () => {
    const ranked = video();
    const unread = video({
      id: 'v2',
      title: 'Private one',
      latest: null,
      latestState: 'missing',
      viewsAt7d: null,
    });
    const view = dashboard({
      totals: { videos: 2, views: 4321, likes: 210, comments: 12, shares: 5 },
      byPlatform: [{ platform: 'tiktok', videos: 2, views: 4321, likes: 210, comments: 12, shares: 5 }],
      byAccount: [
        {
          connectionId: 'c1',
          platform: 'tiktok',
          accountName: 'Daily Science',
          videos: 2,
          views: 4321,
          likes: 210,
          comments: 12,
          shares: 5,
        },
      ],
      trend: [
        { day: '2031-01-01', views: 1000, likes: 50, comments: 2, shares: 1 },
        { day: '2031-01-02', views: 3321, likes: 160, comments: 10, shares: 4 },
      ],
      leaderboard: [ranked],
      withoutNumbers: { no_stats: 0, lagging: 0, missing: 1 },
      accounts: [{ connectionId: 'c1', platform: 'tiktok', accountName: 'Daily Science' }],
      series: [{ seriesId: 's1', videos: 2, firstPublishedAt: '2031-01-01T10:00:00.000Z', firstTopic: null }],
    });
    const html = renderDashboard(view, '/analytics?platform=tiktok&from=2031-01-01', [ranked, unread]);
    const shown = text(html);
    expect(shown).toContain('Views 4,321');
    expect(shown).toContain("Not in these sums: 1 video “Couldn't read”");
    expect(shown).toContain('Daily Science (TikTok)');
    expect(shown).toContain('4,321 views gained from 1 Jan to 2 Jan');
    expect(shown).toContain('the best day was 2 Jan with 3,321');
    expect(html).toMatch(/<table class="visually-hidden">.*2031-01-02.*3,321/);
    expect(html).toContain(`href="/analytics/videos/${ranked.id}"`);
    expect(shown).toContain("Couldn't read");
    // The unread video's views are a dash, not a zero.
    expect(html).toMatch(/Private one.*?<td>—<\/td><td>—<\/td>/);
    expect(shown).toContain('Series of 1 Jan 2031 (2)');
    expect(html).toContain(
      'href="/api/analytics/export?platform=tiktok&amp;from=2031-01-01T00%3A00%3A00.000Z&amp;format=csv"',
    );
    expect(html).toContain('selected=""');
    expect(html).toMatch(/<label for="analytics-platform">Platform<\/label>/);
  });
});

describe('Analytics video page', () => {
  const snapshots: SnapshotView[] = [
    {
      scheduledAgeHours: 1,
      ageHours: 1.02,
      takenAt: '2031-01-01T11:01:00.000Z',
      state: 'ok',
      counters: { views: 120, likes: 9, comments: 0, shares: 1 },
      reason: null,
    },
    {
      scheduledAgeHours: 6,
      ageHours: 6.1,
      takenAt: '2031-01-01T16:06:00.000Z',
      state: 'lagging',
      counters: null,
      reason: 'Instagram has no data yet',
    },
    {
      scheduledAgeHours: 24,
      ageHours: 24.05,
      takenAt: '2031-01-02T10:03:00.000Z',
      state: 'ok',
      counters: { views: 800, likes: 40, comments: 3, shares: 2 },
      reason: null,
    },
  ];
  const page = (v: TrackedVideoView) =>
    render(
      createElement(VideoAnalyticsPage),
      `/analytics/videos/${v.id}`,
      '/analytics/videos/:id',
      (client) =>
        client.setQueryData(trackedVideoQuery(v.id).queryKey, {
          video: v,
          snapshots: snapshots.map((s, i) => ({
            id: `s${i}`,
            ...s,
            counters: s.counters && { ...s.counters, extra: {} },
          })),
        }),
    );

  it('shows every reading; one without numbers is a gap with its state and reason, never zeros', () => {
    const html = page(video({ platform: 'instagram', viewsAt7d: null }));
    const shown = text(html);
    expect(shown).toContain('800 views at 24 h, over 2 readings with numbers');
    expect(shown).toContain('Gaps: 6 h (Numbers coming)');
    expect(shown).toMatch(/6 h .* Instagram has no data yet Numbers coming/);
    expect(shown).toContain('Views at 7 days —');
    expect(html).toContain('data-testid="growth-chart"');
    expect(html).toContain('href="/library/item1"');
    expect(html).toContain('href="https://www.tiktok.com/@daily/video/1"');
  });

  it('makes the growth points of readings without numbers null, not 0', () => {
    expect(growthPoints(snapshots).map((p) => p.views)).toEqual([120, null, 800]);
  });
});

describe('Analytics page parts', () => {
  it('keeps the filter in the address, the last day included, empty fields left out', () => {
    const fields = fieldsFromParams(
      new URLSearchParams('platform=youtube&account=c9&from=2031-01-01&to=2031-01-31&series=s1'),
    );
    expect(paramsFromFields(fields).toString()).toBe(
      'platform=youtube&account=c9&series=s1&from=2031-01-01&to=2031-01-31',
    );
    expect(apiFilter(fields)).toEqual({
      platform: 'youtube',
      connectionId: 'c9',
      seriesId: 's1',
      from: '2031-01-01T00:00:00.000Z',
      to: '2031-02-01T00:00:00.000Z',
    });
    expect(fieldsFromParams(new URLSearchParams('platform=myspace&from=yesterday'))).toEqual({
      platform: '',
      connectionId: '',
      seriesId: '',
      fromDay: '',
      toDay: '',
    });
    expect(filterQuery({})).toBe('');
    expect(exportUrl({ connectionId: 'c1' }, 'json')).toBe(
      '/api/analytics/export?connectionId=c1&format=json',
    );
  });

  it('names series by their first topic, else by the day they began; ages in hours then days', () => {
    const series = { seriesId: 's', videos: 3, firstPublishedAt: '2031-03-05T09:00:00Z', firstTopic: null };
    expect(seriesLabel(series)).toBe('Series of 5 Mar 2031');
    expect(seriesLabel({ ...series, firstTopic: 'Cold brew' })).toBe('Cold brew');
    expect([1, 6, 24, 47.6, 48, 168, 2160].map(formatAge)).toEqual([
      '1 h',
      '6 h',
      '24 h',
      '48 h',
      '2 d',
      '7 d',
      '90 d',
    ]);
    expect(trendSummary([])).toEqual({ total: 0, best: null });
  });

  it('shows the recommendations above the numbers (here: too few videos), and routes Analytics for real', () => {
    const accounts = [{ connectionId: 'c1', platform: 'tiktok' as const, accountName: 'Daily Science' }];
    const html = render(createElement(AnalyticsPage), '/analytics', '/analytics', (client) => {
      client.setQueryData(
        dashboardQuery(apiFilter(fieldsFromParams(new URLSearchParams()))).queryKey,
        dashboard({ accounts }),
      );
      client.setQueryData(recommendationsQuery().queryKey, {
        cards: [],
        nextVideo: null,
        observations: 3,
        emptyReason: 'Recommendations start once 10 videos have views; 3 videos have so far.',
        fittedAt: '2031-01-10T00:00:00.000Z',
      });
    });
    expect(text(html)).toContain('No recommendations yet Recommendations start once 10 videos have views');
    expect(text(html).indexOf('No recommendations yet')).toBeLessThan(text(html).indexOf('Stats arrive'));
  });
});
