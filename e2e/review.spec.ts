import { expect, test, type Page } from '@playwright/test';
import { newUser, signUp } from './helpers.js';

// The real offline pipeline makes the video; on a busy 2-core machine that takes a while.
const GENERATION_MS = 180_000;

async function openSection(page: Page, label: 'Create' | 'Review' | 'Settings'): Promise<void> {
  await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: label }).click();
  await expect(page.getByRole('heading', { level: 1, name: label })).toBeVisible();
}

test('a new video is submitted, approved with a comment, and shows in the Approved tab with its history', async ({
  page,
}) => {
  test.setTimeout(2 * GENERATION_MS);
  const owner = newUser('review', 'Robin Owner');
  await signUp(page, owner);

  // The queue starts empty.
  await openSection(page, 'Review');
  await expect(page.getByRole('heading', { level: 2, name: 'Nothing to review' })).toBeVisible();

  await openSection(page, 'Create');
  await page.getByLabel('Topic', { exact: true }).fill('Desk plants that survive');
  await page.getByLabel('Seconds', { exact: true }).fill('10');
  await page.getByRole('radio', { name: /^No voice/ }).check();
  await page.getByRole('button', { name: 'Create video' }).click();
  await expect(page).toHaveURL(/\/library\/[^/]+$/);
  await expect(page.getByRole('status').filter({ hasText: 'Status: Ready' })).toBeVisible({
    timeout: GENERATION_MS,
  });

  // The item page shows the version's review state and offers to submit it.
  const panel = page.getByRole('region', { name: 'Review' });
  await expect(panel.getByText('Version 1 has not been submitted for review.')).toBeVisible();
  const submitted = page.waitForResponse(
    (r) => /\/api\/versions\/[^/]+\/review$/.test(r.url()) && r.request().method() === 'POST',
  );
  await panel.getByRole('button', { name: 'Submit for review' }).click();
  expect((await submitted).status()).toBe(200);
  await expect(panel.getByText('Version 1 waits for a reviewer.')).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Submit for review' })).toHaveCount(0);

  // The queue: the video as rendered, its platform texts, and the decision.
  await openSection(page, 'Review');
  await expect(page.getByRole('tab', { name: 'Waiting' })).toHaveAttribute('aria-selected', 'true');
  const entries = page.getByRole('list', { name: 'Versions' }).getByRole('button');
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText('Desk plants that survive');
  const detail = page.getByRole('article', { name: 'Desk plants that survive, version 1' });
  await expect(detail.locator('video')).toHaveAttribute('src', /^\/media\//);
  await expect(detail.getByText('The captions are part of the picture.', { exact: false })).toBeVisible();
  const texts = detail.getByRole('region', { name: 'Platform texts' });
  await expect(texts.getByText('TikTok', { exact: true })).toBeVisible();
  await expect(texts.getByText('YouTube', { exact: true })).toBeVisible();

  // Sending back needs a comment; the page says so before asking the server.
  await detail.getByRole('button', { name: 'Send back' }).click();
  await expect(detail.getByText('Say what should change: sending back needs a comment.')).toBeVisible();

  await detail.getByLabel('Comment').fill('Clear and short, good to publish');
  const approved = page.waitForResponse(
    (r) => /\/api\/versions\/[^/]+\/review$/.test(r.url()) && r.request().method() === 'POST',
  );
  await detail.getByRole('button', { name: 'Approve' }).click();
  expect((await approved).status()).toBe(200);
  await expect(
    page.getByRole('status').filter({ hasText: 'Desk plants that survive, version 1: approved.' }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Nothing to review' })).toBeVisible();

  await page.getByRole('tab', { name: 'Approved' }).click();
  await expect(page).toHaveURL(/\/review\?state=approved/);
  await expect(entries).toHaveCount(1);
  const approvedDetail = page.getByRole('article', { name: 'Desk plants that survive, version 1' });
  await expect(approvedDetail.getByText('Approved', { exact: true }).first()).toBeVisible();
  const history = approvedDetail.getByRole('list', { name: 'Review history' });
  await expect(history.getByRole('listitem')).toHaveCount(2);
  await expect(history.getByRole('listitem').nth(0)).toContainText('Submitted for review by Robin Owner');
  await expect(history.getByRole('listitem').nth(1)).toContainText('Approved by Robin Owner');
  await expect(history.getByRole('listitem').nth(1)).toContainText('Clear and short, good to publish');

  // Back on the item page, the shown version reads as approved.
  await approvedDetail.getByRole('link', { name: "Open the video's page" }).click();
  await expect(panel.getByText(/Version 1 is approved/)).toBeVisible();

  // The owner-only setting: approval from someone else, off by default.
  await openSection(page, 'Settings');
  const setting = page.getByRole('checkbox', { name: /Approval required from someone else/ });
  await expect(setting).not.toBeChecked();
  await setting.check();
  await expect(setting).toBeChecked();
  await page.reload();
  await expect(page.getByRole('checkbox', { name: /Approval required from someone else/ })).toBeChecked();
});
