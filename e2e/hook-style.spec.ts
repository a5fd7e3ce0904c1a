import { expect, test } from '@playwright/test';
import { newUser, signUp } from './helpers.js';

test('a hook style chosen in Create is sent with the brief and shown on the item page', async ({ page }) => {
  await signUp(page, newUser('hook-style'));
  await page.goto('/create');

  await expect(page.getByRole('radio', { name: /^Match the tone/ })).toBeChecked();
  await page.getByLabel('Topic', { exact: true }).fill('Cold brew at home');
  await page.getByLabel('Seconds', { exact: true }).fill('10');
  await page.getByRole('radio', { name: /^No voice/ }).check();
  await page.getByRole('radio', { name: /^How-to/ }).check();
  const created = page.waitForResponse(
    (r) => r.url().endsWith('/api/items') && r.request().method() === 'POST',
  );
  await page.getByRole('button', { name: 'Create video' }).click();
  const response = await created;
  expect(response.status()).toBe(201);
  const { item } = (await response.json()) as { item: { brief: { hookStyle: string | null } } };
  expect(item.brief.hookStyle).toBe('how-to');

  await expect(page).toHaveURL(/\/library\/[^/]+$/);
  await page.getByText('The brief', { exact: true }).click();
  const hook = page.locator('.facts > div').filter({ has: page.getByText('Hook', { exact: true }) });
  await expect(hook).toContainText('How-to');
});

test('the series form documents the hookStyle column', async ({ page }) => {
  await signUp(page, newUser('hook-series'));
  await page.goto('/create?mode=series');
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'hookStyle' }) });
  await expect(row).toContainText('bold-claim');
});
