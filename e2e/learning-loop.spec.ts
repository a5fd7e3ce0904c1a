import { expect, test } from '@playwright/test';
import { DEMO_WORLD } from '../sandbox/demo-world.js';
import { newUser, signUp } from './helpers.js';
import { connectSandbox, SAME_ORIGIN, type Platform } from './publishing-helpers.js';

// The learning loop end to end on the embedded default: a seeded world with planted effects in the sandbox, the
// three sandbox accounts connected (their earlier posts imported with their views), the Analytics page's cards
// naming the planted effects, and "Apply to the next series" filling briefs with them.

// The import reads 150 earlier posts per platform in pages and the model fits about 450 videos.
const IMPORT_MS = 180_000;
const PLATFORMS: Platform[] = ['TikTok', 'Instagram', 'YouTube'];

test('the Analytics cards name the planted effects, and the next series is filled with them', async ({
  page,
}) => {
  test.setTimeout(IMPORT_MS + 120_000);

  // The world first, then the clock a week on: every earlier post is past its 7-day reading when imported.
  const world = await page.request.patch('/sandbox/__sandbox/world', {
    headers: SAME_ORIGIN,
    data: DEMO_WORLD,
  });
  expect(world.status(), await world.text()).toBe(200);
  const clock = await page.request.post('/sandbox/__sandbox/clock/advance', {
    headers: SAME_ORIGIN,
    data: { seconds: 7 * 86_400 },
  });
  expect(clock.status()).toBe(200);

  await signUp(page, newUser('learning'));
  for (const platform of PLATFORMS) await connectSandbox(page, platform);

  await expect
    .poll(
      async () => {
        const response = await page.request.get('/api/analytics/recommendations');
        const body = (await response.json()) as { observations?: number };
        return body.observations ?? 0;
      },
      {
        timeout: IMPORT_MS,
        intervals: [2_000, 5_000],
        message: 'earlier posts are imported with their views',
      },
    )
    .toBeGreaterThanOrEqual(3 * DEMO_WORLD.historyVideos * 0.9);

  await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Analytics' }).click();
  const cards = page.getByRole('region', { name: 'What works for your videos' });
  const length = cards.getByRole('listitem', { name: 'Length' });
  const postingTime = cards.getByRole('listitem', { name: 'Posting time' });
  await expect(length).toContainText('10–20 s', { timeout: 30_000 });
  await expect(length).toContainText('Clear winner');
  await expect(length).toContainText(/×\d\.\d, likely between ×\d\.\d and ×\d\.\d/);
  await expect(postingTime).toContainText('18:00–21:00');
  await expect(postingTime).toContainText(/Clear winner|Leaning/);
  // The next video's likely views: 20 dots and their text alternative.
  const dotplot = page.getByRole('img', { name: 'Your next video’s likely views' });
  await expect(dotplot.locator('circle')).toHaveCount(20);
  await expect(page.getByText(/Each dot is a 1-in-20 chance\./)).toBeVisible();

  // Apply: most briefs take the planted levels (a few may explore), and say which ones explore.
  await cards.getByRole('link', { name: 'Apply to the next series' }).click();
  await expect(page).toHaveURL(/\/create\?mode=recommended$/);
  const briefs = page.getByRole('listitem', { name: /^Brief \d+$/ });
  await expect(briefs).toHaveCount(5, { timeout: 30_000 });
  const levelsOfBriefs = async () => {
    const levels: { short: boolean; atBestTime: boolean; exploring: boolean }[] = [];
    for (let i = 0; i < 5; i++) {
      const brief = briefs.nth(i);
      const seconds = Number(await brief.getByLabel('Length (seconds)').inputValue());
      const text = (await brief.textContent()) ?? '';
      levels.push({
        short: seconds >= 10 && seconds <= 20,
        atBestTime: text.includes('18:00–21:00'),
        exploring: text.includes('Exploring'),
      });
    }
    return levels;
  };
  const applied = await levelsOfBriefs();
  expect(applied.filter((b) => b.short).length).toBeGreaterThanOrEqual(3);
  expect(applied.filter((b) => b.atBestTime).length).toBeGreaterThanOrEqual(2);
  // A brief off a planted level says it explores.
  for (const brief of applied) if (!brief.short || !brief.atBestTime) expect(brief.exploring).toBe(true);

  // Pin the length on its card in Create and suggest again: every brief keeps 10–20 s.
  const createCards = page.getByRole('region', { name: 'What works for your videos' });
  await createCards.getByRole('button', { name: /^Pin Length/ }).click();
  await expect(createCards.getByRole('button', { name: /^Pin Length/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  const suggested = page.waitForResponse(
    (r) => r.url().endsWith('/api/analytics/next-briefs') && r.request().method() === 'POST',
  );
  await page.getByRole('button', { name: 'Suggest again' }).click();
  expect(((await (await suggested).json()) as { briefs: unknown[] }).briefs).toHaveLength(5);
  await expect(page.getByRole('button', { name: 'Suggest again' })).toBeEnabled();
  await expect.poll(async () => (await levelsOfBriefs()).every((b) => b.short)).toBe(true);
  for (let i = 0; i < 5; i++)
    await briefs
      .nth(i)
      .getByLabel('Topic')
      .fill(`Next idea number ${i + 1}`);

  // The reviewed briefs are created together through the series API.
  const created = page.waitForResponse(
    (r) => r.url().endsWith('/api/items/series') && r.request().method() === 'POST',
  );
  await page.getByRole('button', { name: 'Create 5 videos' }).click();
  const response = await created;
  expect(response.status()).toBe(201);
  const body = (await response.json()) as {
    items: { item: { seriesId: string | null; brief: { durationSeconds: number } } }[];
  };
  expect(body.items).toHaveLength(5);
  expect(new Set(body.items.map((entry) => entry.item.seriesId)).size).toBe(1);
  expect(body.items.every((entry) => entry.item.brief.durationSeconds <= 20)).toBe(true);
  await expect(page.getByRole('status').filter({ hasText: 'Created 5 videos.' })).toBeVisible();
});
