import { expect, test, type Page } from '@playwright/test';
import { BASE_URL } from './env.js';
import { newUser, signUp } from './helpers.js';

// Written out here rather than imported from the app, so a renamed or missing section fails the test.
const sections = [
  { label: 'Create', path: '/create', emptyHeading: 'No drafts yet' },
  { label: 'Library', path: '/library', emptyHeading: 'Your library is empty' },
  { label: 'Review', path: '/review', emptyHeading: 'Nothing to review' },
  { label: 'Calendar', path: '/calendar', emptyHeading: 'Nothing scheduled' },
  { label: 'Connections', path: '/connections', emptyHeading: 'No accounts connected' },
  { label: 'Analytics', path: '/analytics', emptyHeading: 'No accounts connected' },
  { label: 'Settings', path: '/settings', emptyHeading: 'Members' },
  { label: 'Privacy', path: '/privacy-center', emptyHeading: 'Your rights, and where to use them' },
];

/** Records every http(s) request that goes anywhere but the app's own origin. */
function watchForeignRequests(page: Page): string[] {
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    const isNetwork = url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ws:';
    if (isNetwork && url.origin !== BASE_URL) foreign.push(request.url());
  });
  return foreign;
}

/** Uncaught exceptions and console errors; a failed fetch (e.g. the expected 401 on /api/me) is not one. */
function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      errors.push(message.text());
    }
  });
  return errors;
}

test('every section renders its heading and empty state, and nothing leaves the origin', async ({ page }) => {
  const foreign = watchForeignRequests(page);
  const errors = watchPageErrors(page);
  const { workspaceName } = await signUp(page, newUser('nav'));
  const nav = page.getByRole('navigation', { name: 'Workspace' });
  await expect(nav.getByRole('link', { name: 'Home' })).toHaveAttribute('aria-current', 'page');

  for (const section of sections) {
    const link = nav.getByRole('link', { name: section.label, exact: true });
    await link.click();
    await expect(page).toHaveURL(section.path);
    await expect(page.getByRole('heading', { level: 1, name: section.label })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: section.emptyHeading })).toBeVisible();
    await expect(link).toHaveAttribute('aria-current', 'page');
    await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);
  }

  // A direct load of a deep link is served by the SPA fallback too.
  await page.goto('/review');
  await expect(page.getByRole('heading', { level: 2, name: 'Nothing to review' })).toBeVisible();
  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to home' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Welcome to ${workspaceName}` })).toBeVisible();

  await expect(page.getByRole('banner')).toBeVisible();
  await expect(page.getByRole('main')).toBeVisible();
  expect(foreign, 'requests to other hosts').toEqual([]);
  expect(errors, 'errors in the page').toEqual([]);
});

test('the first Tab reaches the skip link, which moves to the main content', async ({ page }) => {
  await signUp(page, newUser('skip'));
  await page.goto('/library');
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
});

test('at 375px wide the navigation and header menus stay reachable', async ({ page }) => {
  const foreign = watchForeignRequests(page);
  await page.setViewportSize({ width: 375, height: 740 });
  const { workspaceName } = await signUp(page, newUser('mobile'));

  const pageOverflow = () =>
    page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
  expect(await pageOverflow()).toBeLessThanOrEqual(0);

  // The last item sits past the right edge of the scrolling nav row; it must still be usable.
  const nav = page.getByRole('navigation', { name: 'Workspace' });
  await nav.getByRole('link', { name: 'Privacy' }).click();
  await expect(page).toHaveURL('/privacy-center');
  await expect(
    page.getByRole('heading', { level: 2, name: 'Your rights, and where to use them' }),
  ).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Privacy' })).toBeInViewport();
  await nav.getByRole('link', { name: 'Create' }).click();
  await expect(page).toHaveURL('/create');
  expect(await pageOverflow()).toBeLessThanOrEqual(0);

  await page.getByRole('button', { name: `Workspace: ${workspaceName}` }).click();
  const workspaces = page.getByRole('list', { name: 'Your workspaces' });
  await expect(workspaces).toBeInViewport({ ratio: 1 });
  await page.keyboard.press('Escape');
  await expect(workspaces).toBeHidden();

  await page.getByRole('button', { name: /^Account:/ }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeInViewport({ ratio: 1 });
  expect(foreign, 'requests to other hosts').toEqual([]);
});
