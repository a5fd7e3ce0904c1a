import { expect, type Page } from '@playwright/test';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { BASE_URL } from './env.js';

const run = promisify(execFile);

// State-changing API calls made with page.request must look like the app's own: same Origin, JSON body.
export const SAME_ORIGIN = { Origin: BASE_URL };

export type Platform = 'TikTok' | 'Instagram' | 'YouTube';

/** A short vertical test clip made by the system ffmpeg; a hung ffmpeg is killed rather than left behind. */
export async function makeVerticalClip(path: string, seconds = 4): Promise<Buffer> {
  await run(
    'ffmpeg',
    [
      ...['-y', '-loglevel', 'error'],
      ...['-f', 'lavfi', '-i', `testsrc2=size=720x1280:rate=30:duration=${seconds}`],
      ...['-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${seconds}`],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '30', '-pix_fmt', 'yuv420p'],
      ...['-c:a', 'aac', '-shortest', '-movflags', '+faststart', path],
    ],
    { timeout: 60_000, killSignal: 'SIGKILL' },
  );
  return readFile(path);
}

export interface UploadedItem {
  itemId: string;
  versionId: string;
  tiktokCaption: string;
}

interface ItemDetailBody {
  item: { id: string; status: string; currentVersionId: string | null };
  versions: { id: string; outputs: { metadata: { tiktok?: { caption: string } } } }[];
}

/** Reads an item with the page's session until it is ready; returns its current version. */
export async function waitForReadyItem(page: Page, itemId: string, timeout = 60_000): Promise<UploadedItem> {
  let detail: ItemDetailBody | null = null;
  await expect
    .poll(
      async () => {
        const response = await page.request.get(`/api/items/${itemId}`);
        detail = (await response.json()) as ItemDetailBody;
        return detail.item.status;
      },
      { timeout, message: `item ${itemId} becomes ready` },
    )
    .toBe('ready');
  const ready = detail as ItemDetailBody | null;
  const version = ready?.versions.find((v) => v.id === ready.item.currentVersionId);
  if (!version) throw new Error('the ready item has no current version');
  return { itemId, versionId: version.id, tiktokCaption: version.outputs.metadata.tiktok?.caption ?? '' };
}

/** Uploads a finished video through the API with the page's session (quicker than generating one). */
export async function uploadClip(page: Page, video: Buffer, title: string): Promise<UploadedItem> {
  const response = await page.request.post('/api/items/upload', {
    headers: SAME_ORIGIN,
    multipart: {
      title,
      platforms: 'tiktok,instagram,youtube',
      video: { name: 'clip.mp4', mimeType: 'video/mp4', buffer: video },
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  const { item } = (await response.json()) as { item: { id: string } };
  return waitForReadyItem(page, item.id);
}

/** Connects a sandbox account of the platform from the Connections page (the sandbox's consent form). */
export async function connectSandbox(page: Page, platform: Platform, persona = 'public'): Promise<void> {
  await page.goto('/connections');
  await expect(page.getByRole('heading', { level: 1, name: 'Connections' })).toBeVisible();
  await page.getByRole('button', { name: `Connect ${platform}` }).click();
  await page.waitForURL(/\/sandbox\//);
  await page.locator(`input[name=persona][value=${persona}]`).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(
    (url) => url.pathname === '/connections' || url.searchParams.get('prompt') === 'consent',
  );
  // Google hands out a refresh token only on first consent: an account that granted the app before (in an earlier
  // test on this server) is asked once more, as a real person would be.
  if (new URL(page.url()).pathname !== '/connections') {
    await page.locator(`input[name=persona][value=${persona}]`).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL((url) => url.pathname === '/connections');
  }
  await expect(page.getByRole('listitem', { name: `on ${platform}` })).toBeVisible();
}

/** Opens the item page and ticks one target account, which opens its composer. */
export async function openComposer(page: Page, itemId: string, target: string) {
  await page.goto(`/library/${itemId}`);
  const panel = page.getByRole('region', { name: 'Publish' });
  await expect(panel).toBeVisible();
  await panel.getByRole('checkbox', { name: target }).check();
  return page.getByRole('region', { name: new RegExp(`^${target.split(' · ')[0]} post for`) });
}
