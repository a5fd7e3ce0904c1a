import { expect, test, type Locator, type Page } from '@playwright/test';
import { newUser, signUp } from './helpers.js';
import { srcPath, videoFacts, type ImageElement, type VideoElement } from './media-elements.js';

// The real offline pipeline runs here: script, espeak voice, ffmpeg render. A 30 s video takes a while on a
// busy 2-core machine.
const GENERATION_MS = 180_000;

async function openSection(page: Page, label: 'Create' | 'Library'): Promise<void> {
  await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: label }).click();
  await expect(page.getByRole('heading', { level: 1, name: label })).toBeVisible();
}

const isItemPath = (url: string, suffix = '') =>
  new RegExp(`^/api/items/[^/]+${suffix}$`).test(new URL(url).pathname);

async function expectPlayableVerticalVideo(video: Locator, seconds: number): Promise<void> {
  const facts = await videoFacts(video);
  // The writer aims at the brief's length; the voice decides the exact one.
  expect(facts.duration).toBeGreaterThanOrEqual(seconds * 0.8);
  expect(facts.duration).toBeLessThanOrEqual(seconds * 1.2);
  expect(facts.width).toBe(1080);
  expect(facts.height).toBe(1920);
}

interface Cue {
  startMs: number;
  endMs: number;
}

/** The current version's caption timings, as the server rendered them (read with the page's session). */
async function renderedCues(page: Page): Promise<Cue[]> {
  const itemId = new URL(page.url()).pathname.split('/').pop() ?? '';
  const response = await page.request.get(`/api/items/${itemId}`);
  expect(response.status()).toBe(200);
  const detail = (await response.json()) as {
    item: { currentVersionId: string };
    versions: { id: string; outputs: { captions: Cue[] } }[];
  };
  const current = detail.versions.find((v) => v.id === detail.item.currentVersionId);
  return (current?.outputs.captions ?? []).map(({ startMs, endMs }) => ({ startMs, endMs }));
}

/**
 * Plays from a caption's own button, lets the video run a little, pauses, and checks that the line the page
 * marks as on screen is the one the rendered timings put there at that moment.
 */
async function expectCaptionOnScreenFollowsPlayer(page: Page, video: Locator, cues: Cue[], index: number) {
  const caption = `Caption ${index + 1}`;
  await page.getByRole('button', { name: new RegExp(`^Play caption ${index + 1} from`) }).click();
  await expect
    .poll(() => video.evaluate((element: VideoElement) => element.currentTime))
    .toBeGreaterThan(cues[index]!.startMs / 1000 + 0.2);
  await video.evaluate((element: VideoElement) => element.pause());
  const atMs = (await video.evaluate((element: VideoElement) => element.currentTime)) * 1000;
  const expected = cues.findIndex((cue) => atMs >= cue.startMs && atMs < cue.endMs);
  const onScreen = page.locator('li[aria-current="true"]');
  if (expected === -1) return expect(onScreen).toHaveCount(0);
  await expect(onScreen).toHaveCount(1);
  await expect(onScreen.getByLabel(`Caption ${expected + 1}`, { exact: true })).toBeVisible();
  expect(expected, `${caption} was played from its start`).toBeGreaterThanOrEqual(index);
}

test('a topic becomes a 30 s vertical video whose captions follow the player; a caption edit makes version 2; the Library shows its cover', async ({
  page,
}) => {
  test.setTimeout(4 * GENERATION_MS);
  await signUp(page, newUser('factory'));
  await openSection(page, 'Create');
  await expect(page.getByText(/built-in offline engines/)).toBeVisible();

  await page.getByLabel('Topic', { exact: true }).fill('Cold brew at home');
  await page.getByLabel('Seconds', { exact: true }).fill('30');
  await page.getByRole('radio', { name: /^Default voice/ }).check();
  const created = page.waitForResponse(
    (r) => r.url().endsWith('/api/items') && r.request().method() === 'POST',
  );
  const events = page.waitForResponse((r) => isItemPath(r.url(), '/events'));
  await page.getByRole('button', { name: 'Create video' }).click();
  expect((await created).status()).toBe(201);

  await expect(page).toHaveURL(/\/library\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Cold brew at home' })).toBeVisible();
  // The page follows the generation over server-sent events and shows the stages while it runs.
  expect((await events).headers()['content-type']).toContain('text/event-stream');
  await expect(page.getByRole('status').filter({ hasText: 'Status: Ready' })).toBeVisible({
    timeout: GENERATION_MS,
  });
  await expect(page.getByText(/Passes the checks for TikTok, Instagram and YouTube/)).toBeVisible();
  await expect(page.getByRole('table').filter({ hasText: 'Ran or cached' })).toContainText('Render');

  const video = page.locator('video');
  await expect(video).toHaveAttribute('poster', /^\/media\//);
  await expectPlayableVerticalVideo(video, 30);
  // Autoplay rules let a muted video start without a click.
  await video.evaluate((element: VideoElement) => (element.muted = true));
  const cues = await renderedCues(page);
  expect(cues.length).toBeGreaterThanOrEqual(8);
  for (const index of [1, Math.floor(cues.length / 2), cues.length - 2])
    await expectCaptionOnScreenFollowsPlayer(page, video, cues, index);
  const firstVideo = await srcPath(video);
  // A video the factory made keeps its AI label: the box is ticked and cannot be unticked.
  const aiLabels = page.getByRole('checkbox', { name: /^Label the \w+ post as AI-generated/ });
  expect(await aiLabels.count()).toBeGreaterThan(0);
  for (const box of await aiLabels.all()) {
    await expect(box).toBeChecked();
    await expect(box).toBeDisabled();
  }

  const firstCaption = page.getByLabel('Caption 1', { exact: true });
  await firstCaption.fill('Cold brew made simple');
  const saved = page.waitForResponse(
    (r) => isItemPath(r.url(), '/versions') && r.request().method() === 'POST',
  );
  await page.getByRole('button', { name: 'Save captions' }).click();
  expect((await saved).status()).toBe(202);
  await expect(page.getByRole('heading', { level: 2, name: 'Making your video' })).toBeVisible();

  await expect(page.getByRole('button', { name: /^Version 2 \(current\)/ })).toBeVisible({
    timeout: GENERATION_MS,
  });
  await expect(page.getByRole('button', { name: /^Version 1/ })).toBeVisible();
  await expect(page.getByText('Showing version 2 (current).')).toBeVisible();
  await expect(firstCaption).toHaveValue('Cold brew made simple');
  expect(await srcPath(video)).not.toBe(firstVideo);
  await expectPlayableVerticalVideo(video, 30);
  // The edit kept every caption's timing.
  expect(await renderedCues(page)).toEqual(cues);

  // Switching the player back to version 1 loads its file again.
  await page.getByRole('button', { name: /^Version 1/ }).click();
  await expect(page.getByText('Showing version 1.')).toBeVisible();
  expect(await srcPath(video)).toBe(firstVideo);

  await openSection(page, 'Library');
  const card = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: 'Cold brew at home' }) });
  await expect(card.getByText('Ready', { exact: true })).toBeVisible();
  const cover = card.locator('img');
  await expect(cover).toHaveAttribute('src', /^\/media\//);
  await expect
    .poll(() => cover.evaluate((img: ImageElement) => (img.complete ? img.naturalWidth : 0)))
    .toBeGreaterThan(0);
});

test('a series pasted as CSV creates one video per row, and both show up in the Library', async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await signUp(page, newUser('series'));
  await page.goto('/create');
  await page.getByRole('tab', { name: 'Series from CSV' }).click();
  await expect(page.getByRole('link', { name: 'Download an example CSV' })).toHaveAttribute(
    'href',
    /^data:text\/csv/,
  );

  await page
    .getByLabel('CSV', { exact: true })
    .fill(
      'topic,keyPoints,durationSeconds\nMorning stretches,Roll your neck|Open your shoulders,10\nTea for beginners,Mind the water temperature|Steep it briefly,10\n',
    );
  const created = page.waitForResponse((r) => r.url().endsWith('/api/items/series'));
  await page.getByRole('button', { name: 'Create series' }).click();
  expect((await created).status()).toBe(201);
  await expect(page.getByRole('status').filter({ hasText: 'Created 2 videos' })).toBeVisible();

  await page.goto('/library');
  const videos = page.getByRole('list', { name: 'Videos' });
  await expect(videos.getByRole('link', { name: 'Morning stretches' })).toBeVisible();
  await expect(videos.getByRole('link', { name: 'Tea for beginners' })).toBeVisible();
  await expect(videos.getByRole('listitem')).toHaveCount(2);
  const overflow = await page.evaluate<number>(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  );
  expect(overflow).toBeLessThanOrEqual(0);
});
