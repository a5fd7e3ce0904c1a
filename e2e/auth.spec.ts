import { expect, test } from '@playwright/test';
import { newUser, signOut, signUp, submitSignIn } from './helpers.js';

test('a new user signs up, signs out and signs back in to their dashboard', async ({ page }) => {
  const user = newUser('auth');
  const { workspaceName } = await signUp(page, user);

  await expect(page).toHaveURL('/');
  await expect(page.getByRole('button', { name: `Workspace: ${workspaceName}` })).toBeVisible();

  await signOut(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  expect((await page.request.get('/api/me')).status()).toBe(401);

  // A signed-out visit to a workspace page goes through sign-in and comes back.
  await page.goto('/settings');
  await expect(page).toHaveURL('/signin?next=%2Fsettings');
  expect(await submitSignIn(page, user.email, user.password)).toBe(200);
  await expect(page).toHaveURL('/settings');
  await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Home' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Welcome to ${workspaceName}` })).toBeVisible();
});

test('a wrong password or unknown email shows one error that does not say which part was wrong', async ({
  page,
}) => {
  const user = newUser('wrongpw');
  await signUp(page, user);
  await signOut(page);

  expect(await submitSignIn(page, user.email, `${user.password}-nope`)).toBe(401);
  const alert = page.getByRole('alert');
  await expect(alert).toHaveText('Email or password is incorrect.');
  await expect(page).toHaveURL('/signin');

  expect(await submitSignIn(page, `nobody-${Date.now()}@example.com`, user.password)).toBe(401);
  await expect(alert).toHaveText('Email or password is incorrect.');
  await expect(page.getByLabel('Password', { exact: true })).toBeVisible();
});

test('the sign-up form explains what to fix before calling the server', async ({ page }) => {
  await page.goto('/signup');
  await page.getByLabel('Email', { exact: true }).fill('not-an-email');
  await page.getByLabel('Password', { exact: true }).fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();

  const email = page.getByLabel('Email', { exact: true });
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toBeFocused();
  await expect(page.getByText('Enter a valid email address, like name@example.com.')).toBeVisible();
  await expect(page.getByText('Use at least 10 characters.')).toBeVisible();
  await expect(page).toHaveURL('/signup');
});

test('when the session ends mid-visit, the next request leads to sign-in and back', async ({
  page,
  context,
}) => {
  const user = newUser('expired');
  await signUp(page, user);
  await context.clearCookies();

  // Settings loads the member list, which now answers 401.
  await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page).toHaveURL('/signin?next=%2Fsettings');
  await expect(page.getByText('Your session has ended.', { exact: false })).toBeVisible();
  expect(await submitSignIn(page, user.email, user.password)).toBe(200);
  await expect(page).toHaveURL('/settings');
  await expect(page.getByRole('list', { name: 'Members' })).toContainText(user.email);
});
