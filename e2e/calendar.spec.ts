import { expect, test, type Cookie, type Page } from '@playwright/test';
import { BASE_URL } from './env.js';
import { newUser, signUp } from './helpers.js';

// The Calendar against fixed publications (answered with page.route) and a fixed clock, so days and times are
// known: what each entry shows, drag to reschedule with undo, and the details with retry and cancel.

test.use({ timezoneId: 'UTC' });

const NOW = new Date('2031-03-12T09:00:00Z');

const base = {
  itemId: 'item1',
  versionId: 'v1',
  timeZone: 'UTC',
  startedAt: null,
  publishedAt: null,
  attempts: 0,
  platformPostId: null,
  url: null,
  error: null,
  deferral: null,
  options: {},
  itemTitle: 'Cold brew at home',
  coverUrl: null,
  createdAt: '2031-03-10T08:00:00.000Z',
  updatedAt: '2031-03-10T08:00:00.000Z',
};

const scheduled = {
  ...base,
  id: 'pub_tt',
  connectionId: 'c_tt',
  platform: 'tiktok',
  status: 'scheduled',
  scheduledAt: '2031-03-13T10:30:00.000Z',
  account: { displayName: 'Brew TikTok', avatarUrl: null },
  timeline: [{ at: '2031-03-10T08:00:00.000Z', status: 'scheduled', detail: 'Scheduled by you' }],
};
const published = {
  ...base,
  id: 'pub_ig',
  connectionId: 'c_ig',
  platform: 'instagram',
  status: 'published',
  scheduledAt: null,
  createdAt: '2031-03-11T08:00:00.000Z',
  publishedAt: '2031-03-11T08:02:00.000Z',
  url: 'https://www.instagram.com/reel/abc/',
  account: { displayName: 'Brew Instagram', avatarUrl: null },
  timeline: [{ at: '2031-03-11T08:02:00.000Z', status: 'published', detail: 'Published' }],
};
const failed = {
  ...base,
  id: 'pub_yt',
  connectionId: 'c_yt',
  platform: 'youtube',
  status: 'failed',
  scheduledAt: '2031-03-11T12:00:00.000Z',
  error: { code: 'quota', message: 'YouTube’s daily upload quota is used up.', retriable: true },
  account: { displayName: 'Brew YouTube', avatarUrl: null },
  timeline: [
    { at: '2031-03-11T12:00:00.000Z', status: 'queued', detail: 'Started' },
    { at: '2031-03-11T12:01:00.000Z', status: 'failed', detail: 'Quota exceeded' },
  ],
};

let cookies: Cookie[] = [];

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext({ baseURL: BASE_URL });
  await signUp(await context.newPage(), newUser('calendar'));
  cookies = await context.cookies();
  await context.close();
});

interface Sent {
  method: string;
  path: string;
  body: unknown;
}

/** Answers the publications endpoints with `items`; records every change sent. */
async function mockCalendar(page: Page, items: object[]): Promise<Sent[]> {
  const sent: Sent[] = [];
  await page.context().addCookies(cookies);
  await page.clock.setFixedTime(NOW);
  await page.route(
    (url) => url.pathname.startsWith('/api/publications'),
    (route) => {
      const request = route.request();
      const path = new URL(request.url()).pathname;
      if (request.method() !== 'GET') {
        sent.push({ method: request.method(), path, body: request.postDataJSON() as unknown });
        return route.fulfill({ json: {} });
      }
      if (path === '/api/publications') return route.fulfill({ json: { items, nextCursor: null } });
      const one = items.find((item) => path.endsWith(`/${(item as { id: string }).id}`));
      return one ? route.fulfill({ json: one }) : route.fulfill({ status: 404, json: {} });
    },
  );
  await page.goto('/calendar');
  await expect(page.getByRole('heading', { level: 1, name: 'Calendar' })).toBeVisible();
  return sent;
}

test('with nothing planned the Calendar says so', async ({ page }) => {
  await mockCalendar(page, []);
  await expect(page.getByRole('heading', { level: 2, name: 'Nothing scheduled' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'March 2031' })).toBeVisible();
});

test('each publication sits on its day with platform, account and status; a week view shows seven days', async ({
  page,
}) => {
  await mockCalendar(page, [scheduled, published, failed]);
  const day = (date: string) => page.locator(`[data-day="${date}"]`);
  await expect(day('2031-03-13').getByRole('listitem', { name: 'TikTok · Brew TikTok' })).toContainText(
    'Scheduled',
  );
  await expect(day('2031-03-13')).toContainText('10:30');
  // Published now (no scheduled time): it sits on the day it was asked for.
  await expect(day('2031-03-11').getByRole('listitem', { name: 'Instagram · Brew Instagram' })).toContainText(
    'Published',
  );
  await expect(day('2031-03-11').getByRole('listitem', { name: 'YouTube · Brew YouTube' })).toContainText(
    'Failed',
  );
  await expect(page.getByRole('listitem', { name: 'Instagram · Brew Instagram' })).toHaveAttribute(
    'draggable',
    'false',
  );

  await page.getByRole('button', { name: 'Week' }).click();
  await expect(page.locator('[data-day]')).toHaveCount(7);
  await expect(page.getByRole('heading', { level: 2, name: /10.*–.*16.*2031/ })).toBeVisible();
});

test('dragging a scheduled post to another day keeps its time of day, and Undo puts it back', async ({
  page,
}) => {
  const sent = await mockCalendar(page, [scheduled, published]);
  await page
    .getByRole('listitem', { name: 'TikTok · Brew TikTok' })
    .dragTo(page.locator('[data-day="2031-03-20"]'));
  const notice = page.getByRole('status').filter({ hasText: /^Moved Cold brew at home \(TikTok\) to/ });
  await expect(notice).toBeVisible();
  expect(sent).toEqual([
    {
      method: 'PATCH',
      path: '/api/publications/pub_tt',
      body: { scheduledAt: '2031-03-20T10:30:00.000Z', timeZone: 'UTC' },
    },
  ]);
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status').filter({ hasText: /moved .* back to/i })).toBeVisible();
  expect(sent[1]).toEqual({
    method: 'PATCH',
    path: '/api/publications/pub_tt',
    body: { scheduledAt: '2031-03-13T10:30:00.000Z', timeZone: 'UTC' },
  });
});

test('a click opens the details: the timeline, a failure with Retry, Cancel while scheduled, the link once published', async ({
  page,
}) => {
  const sent = await mockCalendar(page, [scheduled, published, failed]);
  const details = page.getByRole('dialog', { name: 'Publication' });

  await page.getByRole('listitem', { name: 'YouTube · Brew YouTube' }).getByRole('button').click();
  await expect(details.getByRole('alert')).toHaveText('YouTube’s daily upload quota is used up.');
  await expect(details.getByRole('list', { name: 'Timeline' }).getByRole('listitem')).toHaveCount(2);
  await details.getByRole('button', { name: 'Retry' }).click();
  await expect
    .poll(() => sent.map((change) => `${change.method} ${change.path}`))
    .toEqual(['POST /api/publications/pub_yt/retry']);
  await expect(details.getByRole('button', { name: 'Cancel publication' })).toHaveCount(0);
  await details.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('listitem', { name: 'TikTok · Brew TikTok' }).getByRole('button').click();
  await details.getByRole('button', { name: 'Cancel publication' }).click();
  await details.getByRole('button', { name: 'Yes, cancel it' }).click();
  await expect
    .poll(() => sent.map((change) => `${change.method} ${change.path}`))
    .toContain('DELETE /api/publications/pub_tt');
  await details.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('listitem', { name: 'Instagram · Brew Instagram' }).getByRole('button').click();
  await expect(details.getByRole('link', { name: 'Open on Instagram' })).toHaveAttribute(
    'href',
    'https://www.instagram.com/reel/abc/',
  );
  await expect(details.getByRole('button', { name: 'Retry' })).toHaveCount(0);
});
