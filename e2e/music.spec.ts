import { expect, test } from '@playwright/test';
import { newUser, signUp } from './helpers.js';

// A 10 s video without a voice: the offline pipeline renders it with the music in well under this.
const GENERATION_MS = 90_000;

/** The members of <audio> the test reads: the e2e project compiles without the DOM library. */
interface AudioElement {
  duration: number;
  readyState: number;
  error: { code: number } | null;
  load(): void;
  addEventListener(type: string, listener: () => void, options: { once: boolean }): void;
}

test('a built-in track can be heard before choosing it, and a video is made with it', async ({ page }) => {
  test.setTimeout(2 * GENERATION_MS);
  await signUp(page, newUser('music'));
  await page.goto('/create');

  const music = page.getByLabel('Background music');
  await expect(music).toHaveValue('none');
  await expect(page.getByText(/dips further whenever the voice speaks/)).toBeVisible();
  await music.selectOption({ label: 'Calm (built-in)' });
  await expect(page.getByText(/Soft, slow pad chords/)).toBeVisible();

  const preview = page.getByLabel('Listen to Calm (built-in)');
  await expect(preview).toHaveAttribute('src', /^\/media\/builtin\/music\/calm-v1\.wav\?exp=/);
  const seconds = await preview.evaluate(
    (element: AudioElement) =>
      new Promise<number>((resolve, reject) => {
        element.addEventListener('loadedmetadata', () => resolve(element.duration), { once: true });
        element.addEventListener('error', () => reject(new Error(`media error ${element.error?.code}`)), {
          once: true,
        });
        element.load();
      }),
  );
  expect(seconds).toBeCloseTo(20, 0);

  await page.getByLabel('Topic', { exact: true }).fill('Cold brew at home');
  await page.getByLabel('Seconds', { exact: true }).fill('10');
  await page.getByRole('radio', { name: /^No voice/ }).check();
  const created = page.waitForResponse(
    (r) => r.url().endsWith('/api/items') && r.request().method() === 'POST',
  );
  await page.getByRole('button', { name: 'Create video' }).click();
  const response = await created;
  expect(response.status()).toBe(201);
  expect(((await response.json()) as { item: { brief: { music: string } } }).item.brief.music).toBe(
    'builtin:calm',
  );

  await expect(page).toHaveURL(/\/library\/[^/]+$/);
  await page.getByText('The brief', { exact: true }).click();
  await expect(page.getByText('Calm (built-in)')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Status: Ready' })).toBeVisible({
    timeout: GENERATION_MS,
  });
});

test('the series form documents the music column', async ({ page }) => {
  await signUp(page, newUser('music-series'));
  await page.goto('/create?mode=series');
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'music' }) });
  await expect(row).toContainText('builtin:calm');
});
