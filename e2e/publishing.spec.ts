import { expect, test, type Locator, type Page } from '@playwright/test';
import { newUser, signUp } from './helpers.js';
import { connectSandbox, waitForReadyItem, type Platform } from './publishing-helpers.js';

// The whole journey of publishing, against the embedded default and the local sandbox of each platform: a
// new user makes a video, has it approved, and publishes it to TikTok, Instagram and YouTube from the browser,
// one of them two minutes ahead; the Calendar shows all three until each is published with a link.

// The offline pipeline renders the video (slow on a busy 2-core machine); the scheduled post waits ~2 minutes.
const GENERATION_MS = 180_000;
const PUBLISHED_MS = 300_000;

test.use({ timezoneId: 'Europe/Paris' });

async function makeVideo(page: Page, topic: string): Promise<string> {
  await page.goto('/create');
  await page.getByLabel('Topic', { exact: true }).fill(topic);
  await page.getByLabel('Seconds', { exact: true }).fill('10');
  await page.getByRole('radio', { name: /^Default voice/ }).check();
  await page.getByRole('button', { name: 'Create video' }).click();
  await expect(page).toHaveURL(/\/library\/[^/]+$/);
  await expect(page.getByRole('status').filter({ hasText: 'Status: Ready' })).toBeVisible({
    timeout: GENERATION_MS,
  });
  return new URL(page.url()).pathname.split('/').pop() ?? '';
}

/** Submits the shown version from the item page and approves it in the Review queue, as people do. */
async function submitAndApprove(page: Page, itemId: string, topic: string): Promise<void> {
  const panel = page.getByRole('region', { name: 'Review' });
  await panel.getByRole('button', { name: 'Submit for review' }).click();
  await expect(panel.getByText('Version 1 waits for a reviewer.')).toBeVisible();
  await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Review' }).click();
  const detail = page.getByRole('article', { name: `${topic}, version 1` });
  // An owner may approve their own work while the workspace does not ask for someone else.
  await detail.getByLabel('Comment').fill('Good to go');
  await detail.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByRole('status').filter({ hasText: `${topic}, version 1: approved.` })).toBeVisible();
  await page.goto(`/library/${itemId}`);
}

const composer = (page: Page, platform: Platform) =>
  page.getByRole('region', { name: new RegExp(`^${platform} post for `) });

async function pickTarget(page: Page, platform: Platform): Promise<Locator> {
  await page
    .getByRole('region', { name: 'Publish' })
    .getByRole('checkbox', { name: new RegExp(`^${platform} · `) })
    .check();
  const form = composer(page, platform);
  await expect(form.getByRole('button').last()).toBeVisible();
  return form;
}

/** A local date-time two to three minutes ahead (whole minutes), as a datetime-local input value. */
function twoMinutesAhead(page: Page): Promise<string> {
  return page.evaluate(() => {
    const at = new Date(Date.now() + 3 * 60_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
  });
}

async function expectSent(form: Locator, text: RegExp): Promise<void> {
  await expect(form.getByRole('status').filter({ hasText: text })).toBeVisible();
}

test('a new user publishes an approved video to TikTok, Instagram and YouTube, one scheduled, and the Calendar shows each published with a link', async ({
  page,
}) => {
  test.setTimeout(GENERATION_MS + 3 * PUBLISHED_MS);
  await signUp(page, newUser('publish'));
  for (const platform of ['TikTok', 'Instagram', 'YouTube'] as const) await connectSandbox(page, platform);

  const itemId = await makeVideo(page, 'Cold brew at home');
  await waitForReadyItem(page, itemId);
  await submitAndApprove(page, itemId, 'Cold brew at home');
  await expect(page.getByText('Version 1 is approved. Pick where to publish it.')).toBeVisible();

  // TikTok: Direct Post, the privacy chosen by hand (there is no default).
  const tiktok = await pickTarget(page, 'TikTok');
  await expect(tiktok.getByText(/^Posting to TikTok as /)).toBeVisible();
  const privacy = tiktok.getByLabel('Who can see this video');
  await expect(privacy).toHaveValue('');
  await privacy.selectOption({ label: 'Everyone' });
  await tiktok.getByRole('button', { name: 'Post now' }).click();
  await expectSent(tiktok, /^Sent to TikTok/);

  // Instagram: a Reel shared to the feed, now.
  const instagram = await pickTarget(page, 'Instagram');
  await expect(instagram.getByRole('checkbox', { name: /^Also share to the feed/ })).toBeChecked();
  await instagram.getByRole('button', { name: 'Publish Reel' }).click();
  await expectSent(instagram, /^Sent to Instagram/);

  // YouTube: privacy and "made for kids" answered by hand, the upload scheduled about two minutes ahead.
  const youtube = await pickTarget(page, 'YouTube');
  await youtube.getByLabel('Visibility').selectOption('public');
  await youtube.getByRole('radio', { name: 'No, it’s not made for kids' }).check();
  await youtube.getByRole('radio', { name: 'Schedule' }).check();
  await youtube.getByLabel('Date and time').fill(await twoMinutesAhead(page));
  await youtube.getByRole('button', { name: 'Schedule upload' }).click();
  await expectSent(youtube, /^Scheduled for .*\(Europe\/Paris\)/);

  // The item page lists the three publications.
  const list = page.getByRole('list', { name: 'Publications of this video' });
  await expect(list.getByRole('listitem')).toHaveCount(3);

  await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Calendar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Calendar' })).toBeVisible();
  const entries = {
    TikTok: page.getByRole('listitem', { name: /^TikTok · / }),
    Instagram: page.getByRole('listitem', { name: /^Instagram · / }),
    YouTube: page.getByRole('listitem', { name: /^YouTube · / }),
  };
  for (const entry of Object.values(entries)) await expect(entry).toHaveCount(1);
  await expect(entries.YouTube.getByText('Scheduled', { exact: true })).toBeVisible();

  // The Calendar reads the publications again by itself while any is on its way.
  for (const [platform, entry] of Object.entries(entries)) {
    await expect(entry.getByText('Published', { exact: true }), `${platform} is published`).toBeVisible({
      timeout: PUBLISHED_MS,
    });
  }
  for (const [platform, entry] of Object.entries(entries)) {
    await entry.getByRole('button').click();
    const details = page.getByRole('dialog', { name: 'Publication' });
    await expect(details.getByText('Published', { exact: true }).first()).toBeVisible();
    // TikTok names the public post after moderation; the details read it again until the link is known.
    await expect(details.getByRole('link', { name: `Open on ${platform}` })).toHaveAttribute(
      'href',
      /^https?:\/\//,
      {
        timeout: PUBLISHED_MS,
      },
    );
    await details.getByRole('button', { name: 'Close' }).click();
    await expect(details).toBeHidden();
  }
});
