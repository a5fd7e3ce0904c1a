import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { newUser, signUp } from './helpers.js';
import { connectSandbox, type Platform } from './publishing-helpers.js';

// The Analytics pages driven for real: a new workspace, then sandbox accounts connected through their consent
// pages; the import of each account's earlier posts (with their public stats) is what fills the page.

const PLATFORMS: Platform[] = ['TikTok', 'Instagram', 'YouTube'];

/** Reloads the Analytics page until the import has brought in videos with numbers. */
async function waitForImportedStats(page: Page): Promise<void> {
  await expect(async () => {
    await page.goto('/analytics');
    const views = page
      .getByRole('region', { name: 'Totals' })
      .locator('.analytics-tile', { hasText: 'Views' });
    await expect(views.locator('dd')).toHaveText(/^[1-9][\d,]*$/, { timeout: 2_000 });
  }).toPass({ timeout: 90_000, intervals: [1_000, 2_000, 5_000] });
}

test('with no connected account, Analytics sends you to Connections', async ({ page }) => {
  await signUp(page, newUser('analytics-empty'));
  await page.getByRole('navigation').getByRole('link', { name: 'Analytics' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Analytics' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No accounts connected' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to Connections' }).click();
  await expect(page).toHaveURL(/\/connections$/);
});

test('connected accounts fill Analytics: totals, trend chart, leaderboard, filters, a video page, the CSV', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signUp(page, newUser('analytics'));
  for (const platform of PLATFORMS) await connectSandbox(page, platform);
  await waitForImportedStats(page);

  // Totals and the breakdowns name each connected platform.
  const byPlatform = page.getByRole('table', { name: 'By platform' });
  for (const platform of PLATFORMS)
    await expect(byPlatform.getByRole('rowheader', { name: platform })).toBeVisible();

  // The trend is drawn (an SVG with bars) and told in words.
  await expect(page.getByTestId('trend-chart').locator('svg.recharts-surface')).toBeVisible();
  await expect(page.getByText(/views gained from/)).toBeVisible();

  // Earlier posts are older than 7 days, so the leaderboard ranks them.
  const leaderboard = page.getByRole('region', { name: /Leaderboard/ });
  await expect(leaderboard.getByRole('row')).not.toHaveCount(0);
  const firstRanked = leaderboard.getByRole('row').nth(1);
  await expect(firstRanked.getByRole('cell').last()).toHaveText(/^[1-9][\d,]*$/);

  // A filter narrows every part: YouTube only.
  await page.getByLabel('Platform').selectOption('youtube');
  await expect(page).toHaveURL(/platform=youtube/);
  await expect(byPlatform.getByRole('rowheader')).toHaveText(['YouTube']);

  // The best video's page: its growth curve and every reading.
  await leaderboard.getByRole('row').nth(1).getByRole('link').click();
  await expect(page).toHaveURL(/\/analytics\/videos\//);
  await expect(page.getByTestId('growth-chart').locator('svg.recharts-surface')).toBeVisible();
  const readings = page.getByRole('region', { name: 'Every reading' }).getByRole('row');
  await expect(readings).not.toHaveCount(1);

  // The CSV export downloads a file with the header row and a row per reading.
  await page.getByRole('link', { name: 'Analytics', exact: true }).first().click();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^ai-factory-stats-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = readFileSync(await file.path(), 'utf8')
    .trim()
    .split('\n');
  expect(lines[0]).toMatch(/^video_id,platform,account,title,/);
  expect(lines.length).toBeGreaterThan(1);
});
