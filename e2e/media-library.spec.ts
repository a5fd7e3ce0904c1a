import { expect, test, type Page } from '@playwright/test';
import { solidPng } from '../test/fakes/png.js';
import { BASE_URL } from './env.js';
import { newUser, signUp } from './helpers.js';
import { dropFile, type ImageElement } from './media-elements.js';

const PICTURE = { name: 'harbour.png', mimeType: 'image/png', buffer: solidPng(320, 180, [42, 111, 151]) };

async function openMedia(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Library' }).click();
  await page.getByRole('navigation', { name: 'Library views' }).getByRole('link', { name: 'Media' }).click();
  await expect(page).toHaveURL('/library/media');
  await expect(page.getByRole('heading', { level: 1, name: 'Media' })).toBeVisible();
}

/** Picks the picture with the keyboard: Tab from the description to "Choose files", then Enter. */
async function uploadPicture(page: Page, description: string): Promise<void> {
  const field = page.getByLabel('Description (optional)');
  await field.fill(description);
  await field.press('Tab');
  await expect(page.getByRole('button', { name: 'Choose files' })).toBeFocused();
  const chooser = page.waitForEvent('filechooser');
  const uploaded = page.waitForResponse(
    (r) => r.url().endsWith('/api/library') && r.request().method() === 'POST',
  );
  await page.keyboard.press('Enter');
  await (await chooser).setFiles(PICTURE);
  expect((await uploaded).status()).toBe(201);
}

const thumbnailWidth = (page: Page, name: string) =>
  page
    .getByRole('list', { name: 'Media' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name }) })
    .locator('img')
    .evaluate((img: ImageElement) => (img.complete ? img.naturalWidth : 0));

test('an owner uploads a picture, sees a broken file explained, and deletes the picture', async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await signUp(page, newUser('media'));
  await openMedia(page);
  await expect(page.getByRole('heading', { level: 2, name: 'No media yet' })).toBeVisible();
  await expect(page.getByText(/^Up to 200 MB each/)).toBeVisible();

  await uploadPicture(page, 'Boats in the harbour at sunrise');
  const uploads = page.getByRole('list', { name: 'Uploads' });
  await expect(uploads.getByRole('listitem').filter({ hasText: 'harbour.png' })).toContainText('Added');
  await expect(page.getByRole('status').filter({ hasText: 'harbour.png was added' })).toBeAttached();

  const grid = page.getByRole('list', { name: 'Media' });
  const card = grid.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'harbour.png' }) });
  await expect(card).toContainText('Picture');
  await expect(card).toContainText('320 × 180');
  await expect(card.getByRole('list', { name: 'Tags of harbour.png' })).toContainText('sunrise');
  await expect(card.locator('img')).toHaveAttribute('src', /^\/media\//);
  await expect.poll(() => thumbnailWidth(page, 'harbour.png')).toBe(320);

  // Bytes that only claim to be a picture: the server's own words explain the refusal.
  const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251));
  await dropFile(page.getByText('Drag pictures, clips or audio files here'), 'x.png', noise);
  await expect(uploads.getByRole('listitem').filter({ hasText: 'x.png' })).toContainText(
    'This file could not be read; it may be damaged or incomplete.',
  );
  await expect(grid.getByRole('heading', { level: 3 })).toHaveCount(1);
  const overflow = await page.evaluate<number>(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  );
  expect(overflow).toBeLessThanOrEqual(0);

  await card.getByRole('button', { name: 'Delete harbour.png' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete harbour.png?' });
  await expect(dialog).toContainText('Videos already made keep their picture.');
  const deleted = page.waitForResponse(
    (r) => /\/api\/library\/[^/]+$/.test(r.url()) && r.request().method() === 'DELETE',
  );
  await dialog.getByRole('button', { name: 'Delete' }).click();
  expect((await deleted).status()).toBe(204);
  await expect(page.getByRole('heading', { level: 2, name: 'No media yet' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'No media yet' })).toBeVisible();
});

test('a viewer sees the media but no upload or delete controls', async ({ browser, page }) => {
  await signUp(page, newUser('media-owner'));
  await openMedia(page);
  await uploadPicture(page, 'Harbour');

  const viewer = newUser('media-viewer');
  const invited = await page.request.post('/api/invitations', {
    data: { email: viewer.email, role: 'viewer' },
    headers: { origin: BASE_URL },
  });
  expect(invited.status()).toBe(201);
  const token = new URL(((await invited.json()) as { acceptUrl: string }).acceptUrl).searchParams.get(
    'token',
  );

  const viewerContext = await browser.newContext();
  const viewerPage = await viewerContext.newPage();
  await signUp(viewerPage, viewer);
  const accepted = await viewerPage.request.post('/api/invitations/accept', {
    data: { token },
    headers: { origin: BASE_URL },
  });
  expect(accepted.status()).toBe(200);
  await viewerPage.goto('/library/media');
  await expect(viewerPage.getByRole('heading', { level: 3, name: 'harbour.png' })).toBeVisible();
  await expect.poll(() => thumbnailWidth(viewerPage, 'harbour.png')).toBe(320);
  await expect(viewerPage.getByRole('heading', { name: 'Add files' })).toHaveCount(0);
  await expect(viewerPage.getByRole('button', { name: /^Delete/ })).toHaveCount(0);
  await viewerContext.close();
});
