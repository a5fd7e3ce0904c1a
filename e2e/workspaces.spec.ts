import { expect, test } from '@playwright/test';
import { escapeRegExp, newUser, signUp } from './helpers.js';

test('a user creates a second workspace, switches between them and renames one', async ({ page }) => {
  const { workspaceName } = await signUp(page, newUser('switcher'));
  const studio = `Studio ${Date.now().toString(36)}`;

  await page.getByRole('button', { name: `Workspace: ${workspaceName}` }).click();
  await page.getByRole('button', { name: 'New workspace' }).click();
  const dialog = page.getByRole('dialog', { name: 'New workspace' });
  await expect(dialog.getByLabel('Workspace name', { exact: true })).toBeFocused();
  await dialog.getByRole('button', { name: 'Create workspace' }).click();
  await expect(dialog.getByText('Give the workspace a name of up to 80 characters.')).toBeVisible();
  await dialog.getByLabel('Workspace name', { exact: true }).fill(studio);
  const created = page.waitForResponse(
    (r) => r.url().endsWith('/api/workspaces') && r.request().method() === 'POST',
  );
  await dialog.getByRole('button', { name: 'Create workspace' }).click();
  expect((await created).status()).toBe(201);
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: `Welcome to ${studio}` })).toBeVisible();

  // Switch back to the first workspace from the header.
  await page.getByRole('button', { name: `Workspace: ${studio}` }).click();
  const workspaces = page.getByRole('list', { name: 'Your workspaces' });
  await expect(workspaces.getByRole('button')).toHaveCount(2);
  const switched = page.waitForResponse((r) => r.url().endsWith('/api/me/current-workspace'));
  await workspaces.getByRole('button', { name: new RegExp(`^${escapeRegExp(workspaceName)}`) }).click();
  expect((await switched).status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: `Welcome to ${workspaceName}` })).toBeVisible();
  await expect(workspaces).toBeHidden();
  await expect(page.getByRole('button', { name: `Workspace: ${workspaceName}` })).toBeFocused();

  // The choice is kept by the server: a reload lands in the same workspace.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: `Welcome to ${workspaceName}` })).toBeVisible();

  // Owners rename from Settings; the header follows.
  const renamed = `Renamed ${Date.now().toString(36)}`;
  await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Workspace name', { exact: true }).fill(renamed);
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Workspace renamed.' })).toBeVisible();
  await expect(page.getByRole('button', { name: `Workspace: ${renamed}` })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Workspace name', { exact: true })).toHaveValue(renamed);
});
