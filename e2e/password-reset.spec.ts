import { expect, test } from '@playwright/test';
import { BASE_URL } from './env.js';
import { latestMailTo, newUser, signOut, signUp, submitSignIn } from './helpers.js';

test('a user resets a forgotten password with the emailed link and signs in with the new one', async ({
  page,
}) => {
  const user = newUser('reset');
  const { workspaceName } = await signUp(page, user);
  await signOut(page);

  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page).toHaveURL('/forgot-password');
  await page.getByLabel('Email', { exact: true }).fill(user.email);
  const requested = page.waitForResponse((r) => r.url().endsWith('/api/auth/password-reset/request'));
  await page.getByRole('button', { name: 'Send reset link' }).click();
  expect((await requested).status()).toBe(202);
  await expect(page.getByRole('status')).toContainText(`If an account exists for ${user.email}`);

  const mail = await latestMailTo(user.email);
  const link = /https?:\/\/\S+\/reset-password\?token=\S+/.exec(mail)?.[0];
  expect(link, 'the mail carries a reset link').toBeDefined();
  expect(new URL(link ?? '').origin).toBe(BASE_URL);

  await page.goto(link ?? '');
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
  const newPassword = `${user.password}-renewed`;
  await page.getByLabel('New password', { exact: true }).fill(newPassword);
  await page.getByLabel('Confirm new password').fill(newPassword);
  const confirmed = page.waitForResponse((r) => r.url().endsWith('/api/auth/password-reset/confirm'));
  await page.getByRole('button', { name: 'Set new password' }).click();
  expect((await confirmed).status()).toBe(204);
  await expect(page.getByRole('status')).toHaveText(
    'Your password has been changed. Sign in with your new password.',
  );

  await page.getByRole('link', { name: 'Sign in' }).click();
  await expect(page).toHaveURL('/signin');
  expect(await submitSignIn(page, user.email, user.password)).toBe(401);
  await expect(page.getByRole('alert')).toHaveText('Email or password is incorrect.');
  expect(await submitSignIn(page, user.email, newPassword)).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: `Welcome to ${workspaceName}` })).toBeVisible();
});

test('an invalid reset link is refused with a way to ask for a new one', async ({ page }) => {
  await page.goto('/reset-password?token=not-a-real-token');
  const password = 'a-perfectly-fine-passphrase';
  await page.getByLabel('New password', { exact: true }).fill(password);
  await page.getByLabel('Confirm new password').fill(password);
  const confirmed = page.waitForResponse((r) => r.url().endsWith('/api/auth/password-reset/confirm'));
  await page.getByRole('button', { name: 'Set new password' }).click();
  expect((await confirmed).status()).toBe(400);
  await expect(page.getByRole('alert')).toContainText('This reset link is invalid, already used or expired.');
  await page.getByRole('link', { name: 'Request a new reset link' }).click();
  await expect(page).toHaveURL('/forgot-password');
});
