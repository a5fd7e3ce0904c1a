import { expect, test } from '@playwright/test';
import { newUser, signOut, signUp } from './helpers.js';

test('the privacy policy and terms read signed out, from sign-in, sign-up and the app footer', async ({
  page,
}) => {
  await page.goto('/signin');
  await page.getByRole('link', { name: 'Privacy policy' }).click();
  await expect(page).toHaveURL('/privacy');
  await expect(page.getByRole('heading', { level: 1, name: 'Privacy policy' })).toBeVisible();
  await expect(
    page.getByRole('heading', { level: 2, name: 'The platforms your videos go to' }),
  ).toBeVisible();
  await page.getByRole('banner').getByRole('link', { name: 'Terms' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Terms of service' })).toBeVisible();

  await page.goto('/signup');
  await expect(page.getByRole('link', { name: 'Terms' })).toHaveAttribute('href', '/terms');
  await expect(page.getByRole('link', { name: 'Privacy policy' })).toHaveAttribute('href', '/privacy');

  await signUp(page, newUser('policy-links'));
  await page.locator('footer.app-footer').getByRole('link', { name: 'Terms' }).click();
  await expect(page).toHaveURL('/terms');
});

test('an owner sees connected accounts with what revocation deletes, and sets retention', async ({
  page,
}) => {
  await signUp(page, newUser('retention'));
  await page.goto('/privacy-center');
  const accounts = page.getByRole('region', { name: 'Connected accounts and revocation' });
  await expect(accounts.getByText('This workspace has no connected account.')).toBeVisible();
  await expect(accounts.getByText('Removing AI Factory in TikTok')).toBeVisible();

  const retention = page.getByRole('region', { name: 'Retention' });
  await expect(retention.getByText(/deleted 90 days after their last change/)).toBeVisible();
  await retention.getByLabel('Days to keep them').fill('30');
  await retention.getByLabel('Delete them when the account is disconnected').check();
  await retention.getByRole('button', { name: 'Save retention' }).click();
  await expect(retention.getByText('Retention saved.')).toBeVisible();

  await page.reload();
  await expect(
    page.getByRole('region', { name: 'Retention' }).getByText(/deleted 30 days after their last change/),
  ).toBeVisible();
  await expect(accounts.getByText(/statistics are deleted too/).first()).toBeVisible();
  await signOut(page);
});
