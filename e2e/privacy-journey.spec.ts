import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { BASE_URL } from './env.js';
import { newUser, signUp, submitSignIn } from './helpers.js';
import { connectSandbox, waitForReadyItem, type Platform } from './publishing-helpers.js';

// Issue 12, "nothing leaves except to the platforms", from the browser's side: one person's whole life in the
// product, every request of every page, worker, socket and download recorded, all on the app's own origin (the
// sandbox's consent pages included: in sandbox mode they are served by the app under /sandbox).

// A 10 s video without a voice: the quickest brief the offline pipeline makes; publishing "now" is quick in the
// sandbox, but TikTok and YouTube process the upload before they answer with a post.
const GENERATION_MS = 180_000;
const PUBLISHED_MS = 180_000;
const EXPORT_MS = 120_000;
const TOPIC = 'Tea for beginners';
const PLATFORMS: Platform[] = ['TikTok', 'Instagram', 'YouTube'];

/** Everything the browser fetched or opened in this context, whatever asked for it. */
function recordTraffic(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on('request', (request) => urls.push(request.url()));
  context.on('serviceworker', (worker) => urls.push(worker.url()));
  const watchPage = (page: Page) => {
    page.on('websocket', (socket) => urls.push(socket.url()));
    page.on('download', (download) => urls.push(download.url()));
    page.on('worker', (worker) => urls.push(worker.url()));
  };
  context.pages().forEach(watchPage);
  context.on('page', watchPage);
  return urls;
}

/** A URL that reaches anything but the app: another origin, or a scheme other than the page's own data. */
function isForeign(raw: string): boolean {
  const url = new URL(raw);
  if (url.protocol === 'data:') return false;
  if (url.protocol === 'blob:') return new URL(raw.slice('blob:'.length)).origin !== BASE_URL;
  const origin = url.protocol.startsWith('ws') ? `http${url.origin.slice(2)}` : url.origin;
  return origin !== BASE_URL;
}

function expectOnlyOwnOrigin(traffic: string[], stage: string): void {
  const foreign = traffic.filter(isForeign);
  expect(foreign, `${stage}: the browser reached other origins:\n${foreign.join('\n')}`).toEqual([]);
}

const nav = (page: Page, label: string) =>
  page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: label, exact: true }).click();

async function createVideo(page: Page): Promise<string> {
  await nav(page, 'Create');
  await page.getByLabel('Topic', { exact: true }).fill(TOPIC);
  await page.getByLabel('Seconds', { exact: true }).fill('10');
  await page.getByRole('radio', { name: /^No voice/ }).check();
  await page.getByRole('button', { name: 'Create video' }).click();
  await expect(page).toHaveURL(/\/library\/[^/]+$/);
  await expect(page.getByRole('status').filter({ hasText: 'Status: Ready' })).toBeVisible({
    timeout: GENERATION_MS,
  });
  return new URL(page.url()).pathname.split('/').pop() ?? '';
}

async function reviewAndApprove(page: Page, itemId: string): Promise<void> {
  const panel = page.getByRole('region', { name: 'Review' });
  await panel.getByRole('button', { name: 'Submit for review' }).click();
  await expect(panel.getByText('Version 1 waits for a reviewer.')).toBeVisible();
  await nav(page, 'Review');
  const detail = page.getByRole('article', { name: `${TOPIC}, version 1` });
  await expect(detail.locator('video')).toHaveAttribute('src', /^\/media\//);
  await detail.getByLabel('Comment').fill('Good to go');
  await detail.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByRole('status').filter({ hasText: `${TOPIC}, version 1: approved.` })).toBeVisible();
  await page.goto(`/library/${itemId}`);
  await expect(page.getByText('Version 1 is approved. Pick where to publish it.')).toBeVisible();
}

async function publishEverywhere(page: Page): Promise<void> {
  const panel = page.getByRole('region', { name: 'Publish' });
  const composer = async (platform: Platform) => {
    await panel.getByRole('checkbox', { name: new RegExp(`^${platform} · `) }).check();
    const form = page.getByRole('region', { name: new RegExp(`^${platform} post for `) });
    await expect(form.getByRole('button').last()).toBeVisible();
    return form;
  };
  const tiktok = await composer('TikTok');
  await tiktok.getByLabel('Who can see this video').selectOption({ label: 'Only me' });
  await tiktok.getByRole('button', { name: 'Post now' }).click();
  await expect(tiktok.getByRole('status').filter({ hasText: /^Sent to TikTok/ })).toBeVisible();
  const instagram = await composer('Instagram');
  await instagram.getByRole('button', { name: 'Publish Reel' }).click();
  await expect(instagram.getByRole('status').filter({ hasText: /^Sent to Instagram/ })).toBeVisible();
  const youtube = await composer('YouTube');
  await youtube.getByLabel('Visibility').selectOption('private');
  await youtube.getByRole('radio', { name: 'No, it’s not made for kids' }).check();
  await youtube.getByRole('button', { name: 'Upload to YouTube' }).click();
  await expect(youtube.getByRole('status').filter({ hasText: /^Sent to YouTube/ })).toBeVisible();

  // The Calendar follows the three until each is out.
  await nav(page, 'Calendar');
  for (const platform of PLATFORMS) {
    const entry = page.getByRole('listitem', { name: new RegExp(`^${platform} · `) });
    await expect(entry.getByText('Published', { exact: true }), `${platform} is published`).toBeVisible({
      timeout: PUBLISHED_MS,
    });
  }
}

async function exportMyData(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 2, name: 'Download my data' })).toBeVisible();
  await page.getByRole('button', { name: 'Download my data', exact: true }).click();
  const progress = page.getByRole('progressbar', { name: 'Preparing your data' });
  const link = page.getByRole('link', { name: 'Download ZIP' });
  // A small workspace may be ready before the bar is ever seen; either way the bar is gone at the end.
  await expect(link).toBeVisible({ timeout: EXPORT_MS });
  await expect(progress).toHaveCount(0);
  // The link may download in place or in a new tab; either way it is one download.
  const downloading = Promise.race([
    page.waitForEvent('download'),
    page
      .context()
      .waitForEvent('page')
      .then((tab) => tab.waitForEvent('download')),
  ]);
  await link.click();
  const download = await downloading;
  const file = await readFile(await download.path());
  expect(file.subarray(0, 2).toString('latin1'), 'the export is a ZIP').toBe('PK');
}

async function deleteMyAccount(page: Page, password: string): Promise<void> {
  await page.getByRole('button', { name: 'Delete my account', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Password', { exact: true }).fill(password);
  await dialog.getByLabel('Type DELETE to confirm').fill('DELETE');
  await dialog.getByRole('button', { name: 'Delete my account permanently' }).click();
  await expect(page).toHaveURL(/\/signin\?deleted=1$/);
  await expect(page.getByText('Your account was deleted')).toBeVisible();
}

test('a whole life in the product, from sign-up to deletion, never sends the browser to another origin', async ({
  page,
  context,
}) => {
  test.setTimeout(GENERATION_MS + PUBLISHED_MS + EXPORT_MS + 120_000);
  const traffic = recordTraffic(context);
  const user = newUser('privacy-journey');
  await signUp(page, user);

  const itemId = await createVideo(page);
  await waitForReadyItem(page, itemId);
  await reviewAndApprove(page, itemId);
  for (const platform of PLATFORMS) await connectSandbox(page, platform);
  await page.goto(`/library/${itemId}`);
  await publishEverywhere(page);
  // Checked along the way too, so that a step failing later does not hide what went out before it.
  expectOnlyOwnOrigin(traffic, 'up to publishing');

  await nav(page, 'Analytics');
  await expect(page.getByRole('heading', { level: 1, name: 'Analytics' })).toBeVisible();

  await nav(page, 'Privacy');
  await expect(page).toHaveURL('/privacy-center');
  await expect(page.getByRole('heading', { level: 1, name: 'Privacy' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Retention' })).toBeVisible();
  await expect(
    page.getByRole('heading', { level: 2, name: 'Connected accounts and revocation' }),
  ).toBeVisible();
  // The public policy and terms, as anyone reaches them.
  for (const path of ['/privacy', '/terms']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
  }
  expectOnlyOwnOrigin(traffic, 'up to the public pages');
  await page.goto('/privacy-center');
  await exportMyData(page);
  await deleteMyAccount(page, user.password);
  expect(await submitSignIn(page, user.email, user.password), 'signing in after deletion').toBe(401);

  // The journey went through the sandbox's consent pages, on the app's own origin.
  const consent = traffic.filter((url) => new URL(url).pathname.startsWith('/sandbox/'));
  expect(consent.length, 'consent pages were loaded').toBeGreaterThan(0);
  expect(consent.every((url) => new URL(url).origin === BASE_URL)).toBe(true);
  expect(traffic.length).toBeGreaterThan(50);
  expectOnlyOwnOrigin(traffic, 'the whole journey');
});
