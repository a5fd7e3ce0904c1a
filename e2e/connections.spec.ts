import { expect, test, type Page } from '@playwright/test';
import { newUser, signUp } from './helpers.js';

// The e2e server has no platform credentials, so every Connect goes to the local sandbox under /sandbox.
type Platform = 'TikTok' | 'Instagram' | 'YouTube';

async function openConnections(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Workspace' })
    .getByRole('link', { name: 'Connections' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Connections' })).toBeVisible();
}

/** Clicks Connect and waits for the sandbox consent page (a plain HTML form served by the sandbox). */
async function startConnect(page: Page, platform: Platform): Promise<void> {
  await page.getByRole('button', { name: `Connect ${platform}` }).click();
  await page.waitForURL(/\/sandbox\//);
  await expect(page.locator('input[name=persona]').first()).toBeVisible();
}

/** Submits the consent form and waits until the callback has brought the browser back to Connections. */
async function submitConsent(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL((url) => url.pathname === '/connections');
  await expect(page.getByRole('heading', { level: 1, name: 'Connections' })).toBeVisible();
  // The outcome travels in the query string once; the page drops it so a reload does not repeat it.
  await expect(page).toHaveURL('/connections');
}

const accountCard = (page: Page, platform: Platform) =>
  page.getByRole('listitem', { name: `on ${platform}` });

test('an owner connects a sandbox TikTok account, sees only masked tokens, disconnects it and finds it in Activity', async ({
  page,
}) => {
  await signUp(page, newUser('connect'));
  await openConnections(page);
  await expect(page.getByRole('complementary', { name: 'Sandbox mode' })).toContainText('test accounts');
  await expect(page.getByRole('heading', { level: 2, name: 'No accounts connected' })).toBeVisible();

  await startConnect(page, 'TikTok');
  await page.locator('input[name=persona][value=public]').check();
  const scopes = page.locator('input[type=checkbox][name=granted_scope]');
  expect(await scopes.count()).toBeGreaterThan(0);
  for (const scope of await scopes.all()) await expect(scope).toBeChecked();
  await submitConsent(page);

  await expect(page.getByRole('status').filter({ hasText: /^Connected / })).toBeVisible();
  const card = accountCard(page, 'TikTok');
  await expect(card).toBeVisible();
  await expect(card.getByText('Active', { exact: true })).toBeVisible();
  await expect(card.getByText('Sandbox test account')).toBeVisible();

  const masked = (await card.locator('dt:text-is("Access token (masked)") + dd').innerText()).trim();
  expect(masked).toContain('…');
  expect(masked.length).toBeLessThanOrEqual(9);
  // The full token starts and ends like its mask; no such longer string, nor any long token-like run, is shown.
  const [head = '', tail = ''] = masked.split('…');
  // The platform's account id is long but no secret: it is left out of the search for token-like runs.
  const accountId = (await card.locator('dt:text-is("Account ID") + dd').innerText()).trim();
  const pageText = (await page.locator('body').innerText()).replaceAll(accountId, '');
  const words = pageText.split(/\s+/);
  expect(words.filter((word) => word.length > 9 && word.startsWith(head) && word.endsWith(tail))).toEqual([]);
  expect(pageText.match(/[A-Za-z0-9._~+/=-]{32,}/g) ?? []).toEqual([]);

  await page.reload();
  await expect(accountCard(page, 'TikTok')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^Connected / })).toHaveCount(0);

  await accountCard(page, 'TikTok')
    .getByRole('button', { name: /^Disconnect/ })
    .click();
  const dialog = page.getByRole('dialog', { name: /^Disconnect/ });
  await expect(dialog).toContainText('revoke its access at TikTok');
  await expect(dialog).toContainText('tokens from AI Factory');
  const deleted = page.waitForResponse(
    (r) => /\/api\/connections\/[^/]+$/.test(new URL(r.url()).pathname) && r.request().method() === 'DELETE',
  );
  await dialog.getByRole('button', { name: 'Disconnect' }).click();
  expect((await deleted).status()).toBe(200);
  await expect(dialog).toBeHidden();
  await expect(accountCard(page, 'TikTok')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: /^Disconnected/ })).toBeVisible();
  // The button that opened the dialog went away with the card: focus moves to the notice instead.
  await expect(page.locator(':focus')).toContainText('Disconnected');
  await expect(page.getByRole('heading', { level: 2, name: 'No accounts connected' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Settings' }).click();
  const activity = page.getByRole('list', { name: 'Activity' });
  await expect(activity.getByText('Connected', { exact: true })).toBeVisible();
  await expect(activity.getByText('Disconnected', { exact: true })).toBeVisible();
  await expect(activity.getByText('Tokens deleted', { exact: true })).toBeVisible();
  // Newest first: the connection, the oldest event, comes last.
  await expect(activity.getByRole('listitem').last().getByText('Connected', { exact: true })).toBeVisible();
});

test('declining on the Instagram consent page shows why and connects nothing', async ({ page }) => {
  await signUp(page, newUser('decline'));
  await openConnections(page);
  await startConnect(page, 'Instagram');
  await page.locator('input[name=persona][value=deny]').check();
  await submitConsent(page);

  await expect(page.getByRole('alert').filter({ hasText: /declined/i })).toBeVisible();
  await expect(accountCard(page, 'Instagram')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 2, name: 'No accounts connected' })).toBeVisible();
});

test('leaving out a YouTube permission names the missing one and connects nothing', async ({ page }) => {
  await signUp(page, newUser('scopes'));
  await openConnections(page);
  await startConnect(page, 'YouTube');
  await page.locator('input[name=persona][value=public]').check();
  await page
    .locator(
      'input[type=checkbox][name=granted_scope][value="https://www.googleapis.com/auth/youtube.upload"]',
    )
    .uncheck();
  await submitConsent(page);

  await expect(page.getByRole('alert').filter({ hasText: /youtube\.upload/ })).toBeVisible();
  await expect(accountCard(page, 'YouTube')).toHaveCount(0);
});

test('a viewer sees the connected accounts but no controls to connect or disconnect them', async ({
  browser,
  page,
}) => {
  await signUp(page, newUser('conn-owner'));
  await openConnections(page);
  await startConnect(page, 'TikTok');
  await submitConsent(page);
  await expect(accountCard(page, 'TikTok')).toBeVisible();

  const viewer = newUser('conn-viewer');
  await page.goto('/settings');
  await page.getByLabel('Email address').fill(viewer.email);
  await page.getByLabel('Role', { exact: true }).selectOption('viewer');
  await page.getByRole('button', { name: 'Invite', exact: true }).click();
  const acceptUrl = await page.getByLabel('Invitation link').inputValue();

  const viewerContext = await browser.newContext();
  const viewerPage = await viewerContext.newPage();
  await signUp(viewerPage, viewer);
  await viewerPage.goto(acceptUrl);
  await viewerPage.getByRole('button', { name: /^Accept and join/ }).click();
  await expect(viewerPage).toHaveURL('/');
  await openConnections(viewerPage);

  await expect(accountCard(viewerPage, 'TikTok')).toBeVisible();
  await expect(viewerPage.getByRole('main').getByRole('button')).toHaveCount(0);
  await expect(
    viewerPage.getByText('Only owners and editors can connect or disconnect accounts.'),
  ).toBeVisible();
  await viewerContext.close();
});
