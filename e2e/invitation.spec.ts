import { expect, test } from '@playwright/test';
import { BASE_URL } from './env.js';
import { escapeRegExp, newUser, signUp, submitSignUp } from './helpers.js';

test('an owner invites an editor, who signs up through the link and joins the workspace', async ({
  browser,
  context,
  page,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE_URL });
  const owner = newUser('owner', 'Olivia Owner');
  const { workspaceName } = await signUp(page, owner);

  await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByText('No pending invitations.')).toBeVisible();

  const invitee = newUser('editor', 'Eddie Editor');
  await page.getByLabel('Email address').fill(invitee.email);
  await page.getByLabel('Role', { exact: true }).selectOption('editor');
  const created = page.waitForResponse(
    (r) => r.url().endsWith('/api/invitations') && r.request().method() === 'POST',
  );
  await page.getByRole('button', { name: 'Invite', exact: true }).click();
  expect((await created).status()).toBe(201);

  const acceptUrl = await page.getByLabel('Invitation link').inputValue();
  expect(acceptUrl).toMatch(new RegExp(`^${escapeRegExp(BASE_URL)}/invite\\?token=.+`));
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText('Link copied to the clipboard.')).toBeVisible();
  const copied = await page.evaluate<string>('navigator.clipboard.readText()');
  expect(copied).toBe(acceptUrl);
  await expect(page.getByRole('list', { name: 'Pending invitations' })).toContainText(invitee.email);

  // The invitee: a separate browser with no session.
  const inviteeContext = await browser.newContext();
  const inviteePage = await inviteeContext.newPage();
  await inviteePage.goto(copied);
  await expect(inviteePage.getByRole('heading', { level: 1, name: `Join ${workspaceName}` })).toBeVisible();
  await expect(inviteePage.getByText(`Invitation sent to ${invitee.email}.`)).toBeVisible();
  await expect(inviteePage.getByRole('main')).toContainText('as Editor');

  await inviteePage.getByRole('link', { name: 'Create an account' }).click();
  await expect(inviteePage.getByLabel('Email', { exact: true })).toHaveValue(invitee.email);
  await submitSignUp(inviteePage, invitee);

  // Back on the invitation, now signed in.
  await expect(inviteePage).toHaveURL(/\/invite\?token=/);
  const accepted = inviteePage.waitForResponse((r) => r.url().endsWith('/api/invitations/accept'));
  await inviteePage.getByRole('button', { name: `Accept and join ${workspaceName}` }).click();
  expect((await accepted).status()).toBe(200);
  await expect(inviteePage).toHaveURL('/');
  await expect(
    inviteePage.getByRole('heading', { level: 1, name: `Welcome to ${workspaceName}` }),
  ).toBeVisible();

  await inviteePage.getByRole('button', { name: `Workspace: ${workspaceName}` }).click();
  const workspaces = inviteePage.getByRole('list', { name: 'Your workspaces' });
  await expect(workspaces.getByRole('button')).toHaveCount(2);
  await expect(
    workspaces.getByRole('button', { name: new RegExp(escapeRegExp(workspaceName)) }),
  ).toHaveAttribute('aria-current', 'true');
  await expect(
    workspaces.getByRole('button', { name: new RegExp(escapeRegExp(workspaceName)) }),
  ).toContainText('Editor');

  // An editor sees the members read-only.
  await inviteePage
    .getByRole('navigation', { name: 'Workspace' })
    .getByRole('link', { name: 'Settings' })
    .click();
  await expect(inviteePage.getByRole('list', { name: 'Members' })).toContainText(owner.email);
  await expect(inviteePage.getByRole('combobox')).toHaveCount(0);
  await expect(inviteePage.getByRole('heading', { name: 'Invite people' })).toHaveCount(0);
  await inviteeContext.close();

  // The owner sees the new member, and the invitation is no longer pending.
  await page.reload();
  const members = page.getByRole('list', { name: 'Members' });
  await expect(members).toContainText(invitee.email);
  await expect(page.getByLabel(`Role for ${invitee.name}`)).toHaveValue('editor');
  await expect(page.getByText('No pending invitations.')).toBeVisible();
});

test('an owner changes a role and removes a member after confirming', async ({ browser, page }) => {
  const owner = newUser('owner2', 'Olga Owner');
  await signUp(page, owner);
  await page.goto('/settings');
  const invitee = newUser('viewer', 'Vic Viewer');
  await page.getByLabel('Email address').fill(invitee.email);
  await page.getByLabel('Role', { exact: true }).selectOption('viewer');
  await page.getByRole('button', { name: 'Invite', exact: true }).click();
  const acceptUrl = await page.getByLabel('Invitation link').inputValue();
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByLabel('Invitation link')).toHaveCount(0);

  const inviteeContext = await browser.newContext();
  const inviteePage = await inviteeContext.newPage();
  await signUp(inviteePage, invitee);
  await inviteePage.goto(acceptUrl);
  await inviteePage.getByRole('button', { name: /^Accept and join/ }).click();
  await expect(inviteePage).toHaveURL('/');
  await inviteeContext.close();

  await page.reload();
  const role = page.getByLabel(`Role for ${invitee.name}`);
  await expect(role).toHaveValue('viewer');
  const changed = page.waitForResponse(
    (r) => r.url().includes('/api/members/') && r.request().method() === 'PATCH',
  );
  await role.selectOption('reviewer');
  expect((await changed).status()).toBe(200);
  await page.reload();
  await expect(page.getByLabel(`Role for ${invitee.name}`)).toHaveValue('reviewer');

  // The last owner cannot demote themselves: the server's refusal is shown next to the row.
  const demoted = page.waitForResponse(
    (r) => r.url().includes('/api/members/') && r.request().method() === 'PATCH',
  );
  await page.getByLabel(`Role for ${owner.name}`).selectOption('editor');
  expect((await demoted).status()).toBe(409);
  await expect(page.getByRole('alert')).toHaveText(
    'A workspace needs at least one owner. Make someone else an owner first.',
  );
  await expect(page.getByLabel(`Role for ${owner.name}`)).toHaveValue('owner');

  await page.getByRole('button', { name: `Remove ${invitee.name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Remove ${invitee.name}?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('list', { name: 'Members' })).toContainText(invitee.email);

  await page.getByRole('button', { name: `Remove ${invitee.name}` }).click();
  const removed = page.waitForResponse(
    (r) => r.url().includes('/api/members/') && r.request().method() === 'DELETE',
  );
  await dialog.getByRole('button', { name: 'Remove member' }).click();
  expect((await removed).status()).toBe(204);
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('list', { name: 'Members' })).not.toContainText(invitee.email);
});
