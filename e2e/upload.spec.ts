import { expect, test, type Locator, type Page } from '@playwright/test';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { newUser, signUp } from './helpers.js';
import { dropFile, srcPath, videoFacts, type VideoElement } from './media-elements.js';

const run = promisify(execFile);

// No probe, render or voice runs for an upload's new version, but the job queue still has to pick it up.
const NEW_VERSION_MS = 30_000;

/**
 * A 3 s test clip (colour bars with a clock, and a tone) made by the system ffmpeg into the test's output
 * folder; a hung ffmpeg is killed rather than left behind.
 */
async function makeClip(path: string, size: string, fps: number): Promise<string> {
  await run(
    'ffmpeg',
    [
      ...['-y', '-loglevel', 'error'],
      ...['-f', 'lavfi', '-i', `testsrc2=size=${size}:rate=${fps}:duration=3`],
      ...['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000:duration=3'],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '30', '-pix_fmt', 'yuv420p'],
      ...['-c:a', 'aac', '-shortest', '-movflags', '+faststart', path],
    ],
    { timeout: 60_000, killSignal: 'SIGKILL' },
  );
  return path;
}

async function openUploadTab(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Create' }).click();
  await page.getByRole('tab', { name: 'Upload a video' }).click();
  await expect(page).toHaveURL('/create?mode=upload');
  await expect(page.getByText(/^One MP4, MOV or WebM file, up to 200 MB\./)).toBeVisible();
}

const isUpload = (url: string) => new URL(url).pathname === '/api/items/upload';

const dropZone = (page: Page) => page.getByText('Drag a finished video here');

/** Sends the form and waits for the item page the browser goes to. */
async function submitUpload(page: Page, title: string): Promise<void> {
  const uploaded = page.waitForResponse((r) => isUpload(r.url()) && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Upload video' }).click();
  expect((await uploaded).status()).toBe(201);
  await expect(page).toHaveURL(/\/library\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

/** Plays the muted player until it has shown a second of the video. */
async function expectPlays(video: Locator): Promise<void> {
  await video.evaluate((element: VideoElement) => {
    element.muted = true;
    return element.play();
  });
  await expect.poll(() => video.evaluate((element: VideoElement) => element.currentTime)).toBeGreaterThan(1);
  await video.evaluate((element: VideoElement) => element.pause());
}

test('a finished vertical video is uploaded, passes every check and plays; a caption edit makes version 2', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  const clip = await makeClip(testInfo.outputPath('cold_brew_at_home.mp4'), '1080x1920', 30);
  await signUp(page, newUser('upload'));
  await openUploadTab(page);

  // Sent without a file: the form says what is missing and puts the keyboard on the picker.
  await page.getByRole('button', { name: 'Upload video' }).click();
  const picker = page.getByRole('button', { name: 'Choose a video' });
  await expect(picker).toBeFocused();
  await expect(page.getByText('Choose the video to upload.')).toBeVisible();

  const chooser = page.waitForEvent('filechooser');
  await picker.press('Enter');
  await (await chooser).setFiles(clip);
  await expect(page.getByRole('status').filter({ hasText: 'Chosen: cold_brew_at_home.mp4' })).toBeVisible();
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('cold brew at home');
  await page.getByLabel('Title', { exact: true }).fill('Cold brew at home');
  await page.getByLabel('Description (optional)').fill('Coarse grounds, cold water, twelve hours.');
  await submitUpload(page, 'Cold brew at home');

  await expect(page.getByRole('status').filter({ hasText: 'Status: Ready' })).toBeVisible();
  await expect(page.getByText('Passes the checks for TikTok, Instagram and YouTube.')).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'cold_brew_at_home.mp4' })).toBeVisible();
  await expect(page.getByText('Uploaded', { exact: true })).toBeVisible();
  // Nothing of the factory's to show or edit: no script, no captions, no brief anyone typed.
  await expect(page.getByRole('heading', { name: /^(Script|Captions)$/ })).toHaveCount(0);
  await expect(page.getByText('The brief', { exact: true })).toHaveCount(0);
  await expect(page.getByText('Script by')).toHaveCount(0);
  const stageLog = page.getByRole('table').filter({ hasText: 'Ran or cached' });
  await expect(stageLog.getByRole('rowheader')).toHaveText(['Cover', 'Platform texts', 'Platform checks']);

  const video = page.locator('video');
  await expect(video).toHaveAttribute('poster', /^\/media\//);
  const facts = await videoFacts(video);
  expect([facts.width, facts.height]).toEqual([1080, 1920]);
  expect(facts.duration).toBeCloseTo(3, 1);
  await expectPlays(video);
  const firstFile = await srcPath(video);

  const caption = page.getByLabel('TikTok caption');
  await expect(caption).toHaveValue(/Coarse grounds, cold water, twelve hours\./);
  // An uploaded video was not necessarily made by AI: its label is the person's choice.
  await expect(page.getByRole('checkbox', { name: /^Label the TikTok post as AI-generated/ })).toBeEnabled();
  await caption.fill('Cold brew, the lazy way #coldbrew');
  const saved = page.waitForResponse(
    (r) => /\/api\/items\/[^/]+\/versions$/.test(r.url()) && r.request().method() === 'POST',
  );
  await page.getByRole('button', { name: 'Save platform texts' }).click();
  expect((await saved).status()).toBe(202);
  await expect(page.getByRole('button', { name: /^Version 2 \(current\)/ })).toBeVisible({
    timeout: NEW_VERSION_MS,
  });
  await expect(page.getByText('Showing version 2 (current).')).toBeVisible();
  await expect(caption).toHaveValue('Cold brew, the lazy way #coldbrew');
  // Only the texts changed: version 2 plays the same uploaded file.
  expect(await srcPath(video)).toBe(firstFile);
  await expect(stageLog.getByRole('rowheader')).toHaveText(['Platform texts']);

  await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Library' }).click();
  const card = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: 'Cold brew at home' }) });
  await expect(card.getByText('Uploaded', { exact: true })).toBeVisible();
});

test('a landscape clip at 15 fps lists what each platform objects to; a broken file is explained', async ({
  page,
}, testInfo) => {
  const clip = await makeClip(testInfo.outputPath('harbour-wide.mp4'), '640x360', 15);
  await page.setViewportSize({ width: 375, height: 740 });
  await signUp(page, newUser('upload-wide'));
  await openUploadTab(page);

  // Bytes that only claim to be a video: the server's own words say why.
  await dropFile(
    dropZone(page),
    'broken.mp4',
    Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)),
    'video/mp4',
  );
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('broken');
  const refused = page.waitForResponse((r) => isUpload(r.url()));
  await page.getByRole('button', { name: 'Upload video' }).click();
  expect((await refused).status()).toBe(400);
  await expect(page.getByRole('alert')).toHaveText(
    'This file could not be read; it may be damaged or incomplete. Try exporting it again.',
  );

  // A title the person typed stays when they pick another file.
  await page.getByLabel('Title', { exact: true }).fill('Harbour, wide');
  await dropFile(dropZone(page), 'harbour-wide.mp4', await readFile(clip), 'video/mp4');
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Harbour, wide');
  await submitUpload(page, 'Harbour, wide');

  const checks = page.getByRole('region', { name: 'Platform checks' });
  await expect(checks).toContainText('Passes the checks for YouTube.');
  await expect(checks).toContainText('5 platform rules are not met.');
  const problems = checks.getByRole('list').first().getByRole('listitem');
  await expect(problems).toHaveText([
    'TikTok: The video runs at 15 fps; TikTok takes 23–60 fps.',
    'TikTok: The video is 640×360; TikTok needs a vertical 9:16 frame such as 1080×1920.',
    'Instagram: The video runs at 15 fps; Instagram Reels take 23–60 fps.',
    'Instagram: The video is 640×360; Instagram Reels need at least 540×960.',
    'Instagram: The video is 640×360; Instagram Reels need a vertical 9:16 frame such as 1080×1920.',
  ]);
  await expect(checks.getByRole('list').nth(1)).toHaveText(
    'YouTube: The video is 640×360 (landscape); YouTube makes Shorts only of square or vertical videos, so it will be a regular video.',
  );
  await expect(page.getByRole('definition').filter({ hasText: '640 × 360, 15 fps' })).toBeVisible();
  const overflow = await page.evaluate<number>(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  );
  expect(overflow).toBeLessThanOrEqual(0);
});
