import { expect, test, type Cookie, type Locator, type Page } from '@playwright/test';
import { BASE_URL } from './env.js';
import { newUser, signUp } from './helpers.js';
import {
  connectSandbox,
  makeVerticalClip,
  openComposer,
  uploadClip,
  type UploadedItem,
} from './publishing-helpers.js';
import {
  busyCreator,
  mockPublishing,
  privateCreatorNoDuet,
  publicCreator,
  shortLimitCreator,
  unauditedCreator,
  type CreatorInfo,
} from './tiktok-fixtures.js';

// One test per item of TikTok's Content Sharing Guidelines. The account, the video and the TikTok connection
// are real (made once, below); the review state, creator_info and the publications endpoints are answered with
// fixtures, so each kind of creator can be shown to the composer.

test.use({ timezoneId: 'Europe/Paris' });
// Each test opens the item page with its video; on a busy machine that alone can take several seconds.
test.describe.configure({ timeout: 60_000 });

let cookies: Cookie[] = [];
let video: UploadedItem;

test.beforeAll(async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ baseURL: BASE_URL });
  const page = await context.newPage();
  await signUp(page, newUser('tiktok-composer'));
  video = await uploadClip(
    page,
    await makeVerticalClip(testInfo.outputPath('clip.mp4')),
    'Cold brew at home',
  );
  await connectSandbox(page, 'TikTok');
  cookies = await context.cookies();
  await context.close();
});

test.beforeEach(async ({ page }) => {
  await page.context().addCookies(cookies);
});

async function composerFor(page: Page, creator: CreatorInfo) {
  const mocks = await mockPublishing(page, creator);
  const composer = await openComposer(page, video.itemId, 'TikTok · AI Factory');
  await expect(composer.getByText(/^Posting to TikTok as/)).toBeVisible();
  return { mocks, composer };
}

const privacy = (composer: Locator) => composer.getByLabel('Who can see this video');
const postNow = (composer: Locator) => composer.getByRole('button', { name: 'Post now' });

test('creator info is read fresh each time the composer opens, and the creator’s nickname is shown', async ({
  page,
}) => {
  const { mocks, composer } = await composerFor(page, publicCreator);
  await expect(composer.getByText('Posting to TikTok as Cold Brew Club')).toBeVisible();
  expect(mocks.optionsRequests).toBe(1);
  const target = page.getByRole('checkbox', { name: 'TikTok · AI Factory' });
  await target.uncheck();
  await expect(composer).toBeHidden();
  mocks.setCreator(privateCreatorNoDuet);
  await target.check();
  await expect(composer.getByText('Posting to TikTok as Quiet Brewer')).toBeVisible();
  expect(mocks.optionsRequests).toBe(2);
});

test('a creator who cannot post now is told why, cannot post, and can check again', async ({ page }) => {
  const { mocks, composer } = await composerFor(page, busyCreator);
  const stop = composer.getByRole('alert');
  await expect(stop).toContainText('reached TikTok’s posting limit for today');
  await privacy(composer).selectOption('PUBLIC_TO_EVERYONE');
  await expect(postNow(composer)).toBeDisabled();
  await expect(composer.getByRole('button', { name: 'Send to TikTok drafts' })).toBeDisabled();
  mocks.setCreator(publicCreator);
  await stop.getByRole('button', { name: 'Check again' }).click();
  await expect(composer.getByRole('alert')).toHaveCount(0);
  await expect(postNow(composer)).toBeEnabled();
  expect(mocks.optionsRequests).toBe(2);
});

test('privacy offers exactly the creator’s options with no default, and posting waits until one is chosen', async ({
  page,
}) => {
  const { composer } = await composerFor(page, privateCreatorNoDuet);
  const select = privacy(composer);
  await expect(select).toHaveValue('');
  await expect(select.locator('option:checked')).toHaveText('Choose who can see this');
  await expect(select.locator('option:not([value=""])')).toHaveText([
    'Followers',
    'Friends (followers you follow back)',
    'Only me',
  ]);
  await expect(postNow(composer)).toBeDisabled();
  await expect(composer.getByText('Choose who can see this post.')).toBeVisible();
  await select.selectOption('FOLLOWER_OF_CREATOR');
  await expect(postNow(composer)).toBeEnabled();
  await expect(composer.getByText('Choose who can see this post.')).toHaveCount(0);
});

test('comment, duet and stitch start unchecked; one the creator turned off is greyed out with the reason', async ({
  page,
}) => {
  const { composer } = await composerFor(page, privateCreatorNoDuet);
  const allow = composer.getByRole('group', { name: 'Allow users to' });
  for (const name of ['Comment', 'Duet', 'Stitch']) await expect(allow.getByLabel(name)).not.toBeChecked();
  await expect(allow.getByLabel('Comment')).toBeEnabled();
  await expect(allow.getByLabel('Stitch')).toBeEnabled();
  await expect(allow.getByLabel('Duet')).toBeDisabled();
  await expect(allow.getByText('Duets are turned off in this account’s TikTok settings.')).toBeVisible();
});

test('the commercial-content toggle starts off and reveals "Your brand" and "Branded content", one of which must be picked', async ({
  page,
}) => {
  const { composer } = await composerFor(page, publicCreator);
  const toggle = composer.getByRole('switch', { name: /Disclose commercial content/ });
  await expect(toggle).not.toBeChecked();
  await expect(composer.getByLabel(/^Your brand/)).toHaveCount(0);
  await privacy(composer).selectOption('PUBLIC_TO_EVERYONE');
  await toggle.check();
  const yourBrand = composer.getByRole('checkbox', { name: /^Your brand/ });
  const branded = composer.getByRole('checkbox', { name: /^Branded content/ });
  await expect(yourBrand).not.toBeChecked();
  await expect(branded).not.toBeChecked();
  await expect(composer.getByText(/Promotional content/).first()).toBeVisible();
  await expect(composer.getByText(/Paid partnership/).first()).toBeVisible();
  await expect(postNow(composer)).toBeDisabled();
  await expect(composer.getByRole('listitem').filter({ hasText: /choose "Your brand"/ })).toBeVisible();
  await yourBrand.check();
  await expect(postNow(composer)).toBeEnabled();
  await expect(composer.getByText('Your video will be labelled "Promotional content".')).toBeVisible();
});

test('branded content cannot be private: "Only me" is refused with branded content, and the other way round', async ({
  page,
}) => {
  const { composer } = await composerFor(page, publicCreator);
  await composer.getByRole('switch', { name: /Disclose commercial content/ }).check();
  const branded = composer.getByRole('checkbox', { name: /^Branded content/ });
  await branded.check();
  const onlyMe = privacy(composer).locator('option[value="SELF_ONLY"]');
  await expect(onlyMe).toBeDisabled();
  await expect(
    composer.getByText('Branded content can’t be private: TikTok requires it to be visible.'),
  ).toBeVisible();

  await branded.uncheck();
  await expect(onlyMe).toBeEnabled();
  await privacy(composer).selectOption('SELF_ONLY');
  await expect(branded).toBeDisabled();
  await expect(
    composer.getByText(/Branded content can’t be private\. Choose who can see this/),
  ).toBeVisible();
});

test('the Music Usage Confirmation is declared before posting, and the Branded Content Policy with branded content', async ({
  page,
}) => {
  const { composer } = await composerFor(page, publicCreator);
  await expect(
    composer.getByText("By posting, you agree to TikTok's Music Usage Confirmation."),
  ).toBeVisible();
  await expect(composer.getByRole('link', { name: 'Music Usage Confirmation' })).toHaveAttribute(
    'href',
    /^https:\/\/www\.tiktok\.com\/legal\//,
  );
  await expect(composer.getByText(/Branded Content Policy/)).toHaveCount(0);
  await composer.getByRole('switch', { name: /Disclose commercial content/ }).check();
  await composer.getByRole('checkbox', { name: /^Branded content/ }).check();
  await expect(composer.getByText("By posting, you agree to TikTok's Branded Content Policy.")).toBeVisible();
  await expect(composer.getByRole('link', { name: 'Branded Content Policy' })).toHaveAttribute(
    'href',
    /^https:\/\/www\.tiktok\.com\/legal\//,
  );
  // The declaration sits before the buttons that post.
  const declarationBox = await composer.getByRole('link', { name: 'Music Usage Confirmation' }).boundingBox();
  const buttonBox = await postNow(composer).boundingBox();
  expect(declarationBox && buttonBox && declarationBox.y < buttonBox.y).toBe(true);
});

test('the video is previewed as it will be posted, and the composer says processing can take a few minutes', async ({
  page,
}) => {
  const { composer } = await composerFor(page, publicCreator);
  const preview = composer.getByLabel('Preview of the video to post on TikTok');
  await expect(preview).toHaveAttribute('src', /^\/media\//);
  await expect(composer.getByText(/can take a few minutes to process/)).toBeVisible();
  // The caption is the version's own text: nothing (no watermark, promo text or link) is added to it.
  await expect(composer.getByLabel('Caption for this TikTok post')).toHaveValue(video.tiktokCaption);
});

test('a video longer than the creator’s maximum is blocked with a message', async ({ page }) => {
  const { composer } = await composerFor(page, shortLimitCreator);
  await privacy(composer).selectOption('PUBLIC_TO_EVERYONE');
  await expect(composer.getByText(/this account can post videos up to 0:02/)).toBeVisible();
  await expect(postNow(composer)).toBeDisabled();
  await expect(composer.getByRole('button', { name: 'Send to TikTok drafts' })).toBeDisabled();
});

test('the AI-generated content label is on by default', async ({ page }) => {
  const { composer } = await composerFor(page, publicCreator);
  await expect(composer.getByRole('checkbox', { name: /^AI-generated content/ })).toBeChecked();
});

test('an unaudited app offers only "Only me" and says why', async ({ page }) => {
  const { composer } = await composerFor(page, unauditedCreator);
  await expect(privacy(composer).locator('option:not([value=""])')).toHaveText(['Only me']);
  await expect(composer.getByText(/has not passed TikTok’s app review yet/)).toBeVisible();
});

test('"Post now" sends a Direct Post with exactly the options chosen, under one idempotency key', async ({
  page,
}) => {
  const { mocks, composer } = await composerFor(page, privateCreatorNoDuet);
  await privacy(composer).selectOption('MUTUAL_FOLLOW_FRIENDS');
  await composer.getByRole('group', { name: 'Allow users to' }).getByLabel('Comment').check();
  await postNow(composer).dblclick();
  await expect(composer.getByRole('status').filter({ hasText: /^Sent to TikTok/ })).toBeVisible();
  expect(mocks.posts.length).toBeGreaterThanOrEqual(1);
  const [first] = mocks.posts;
  expect(first?.idempotencyKey).toMatch(/^[0-9a-f-]{32,36}$/);
  // A second click reuses the key, so the server answers with the first publication instead of posting twice.
  expect(new Set(mocks.posts.map((post) => post.idempotencyKey)).size).toBe(1);
  expect(first?.body).toEqual({
    versionId: video.versionId,
    connectionId: expect.any(String) as unknown,
    options: {
      mode: 'direct',
      privacyLevel: 'MUTUAL_FOLLOW_FRIENDS',
      disableComment: false,
      disableDuet: true,
      disableStitch: true,
      brandOrganic: false,
      brandedContent: false,
      isAigc: true,
      caption: video.tiktokCaption,
    },
  });
});

test('"Send to TikTok drafts" is offered when drafts are available and sends an inbox upload', async ({
  page,
}) => {
  const { mocks, composer } = await composerFor(page, publicCreator);
  await composer.getByRole('button', { name: 'Send to TikTok drafts' }).click();
  await expect(composer.getByRole('status').filter({ hasText: /^Sent to TikTok/ })).toBeVisible();
  expect(mocks.posts).toHaveLength(1);
  expect(mocks.posts[0]?.body.options).toEqual({
    mode: 'draft',
    disableComment: true,
    disableDuet: true,
    disableStitch: true,
    brandOrganic: false,
    brandedContent: false,
    isAigc: true,
    caption: video.tiktokCaption,
  });

  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await composerFor(page, { ...publicCreator, draftAvailable: false });
  await expect(page.getByRole('button', { name: 'Send to TikTok drafts' })).toHaveCount(0);
});

test('a scheduled post is sent as UTC with the time zone it was picked in, shown by name', async ({
  page,
}) => {
  const { mocks, composer } = await composerFor(page, publicCreator);
  await privacy(composer).selectOption('PUBLIC_TO_EVERYONE');
  await composer.getByRole('radio', { name: 'Schedule' }).check();
  await expect(composer.getByText(/Your time zone: Europe\/Paris/)).toBeVisible();
  await composer.getByLabel('Date and time').fill('2031-07-01T18:30');
  await composer.getByRole('button', { name: 'Schedule post' }).click();
  await expect(composer.getByRole('status').filter({ hasText: /^Scheduled for/ })).toBeVisible();
  // 18:30 in Paris in summer (UTC+2) is 16:30 UTC.
  expect(mocks.posts[0]?.body).toMatchObject({
    scheduledAt: '2031-07-01T16:30:00.000Z',
    timeZone: 'Europe/Paris',
  });
});
