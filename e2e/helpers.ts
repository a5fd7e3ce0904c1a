import { expect, type Page } from '@playwright/test';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DATA_DIR } from './env.js';

export interface TestUser {
  name: string;
  email: string;
  password: string;
}

/** A fresh account per test: the server's data lives for the whole run. */
export function newUser(label: string, name = `Test ${label}`): TestUser {
  const unique = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  return { name, email: `${label}-${unique}@example.com`, password: `violet-harbour-${unique}` };
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Fills the sign-up form on the current page and returns the name of the workspace the server made. */
export async function submitSignUp(page: Page, user: TestUser): Promise<{ workspaceName: string }> {
  await page.getByLabel('Name (optional)').fill(user.name);
  await page.getByLabel('Email', { exact: true }).fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  const answer = page.waitForResponse(
    (r) => r.url().endsWith('/api/auth/signup') && r.request().method() === 'POST',
  );
  await page.getByRole('button', { name: 'Create account' }).click();
  const response = await answer;
  expect(response.status()).toBe(201);
  const body = (await response.json()) as { workspace: { name: string } };
  return { workspaceName: body.workspace.name };
}

/** Signs a new user up from the sign-up page and waits for their dashboard. */
export async function signUp(page: Page, user: TestUser): Promise<{ workspaceName: string }> {
  await page.goto('/signup');
  const result = await submitSignUp(page, user);
  await expect(
    page.getByRole('heading', { level: 1, name: `Welcome to ${result.workspaceName}` }),
  ).toBeVisible();
  return result;
}

/** Submits the sign-in form on the current page and returns the HTTP status the API answered with. */
export async function submitSignIn(page: Page, email: string, password: string): Promise<number> {
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  const answer = page.waitForResponse(
    (r) => r.url().endsWith('/api/auth/signin') && r.request().method() === 'POST',
  );
  await page.getByRole('button', { name: 'Sign in' }).click();
  return (await answer).status();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Account:/ }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL('/signin');
}

/** The newest mail in the server's outbox addressed to `to`, waiting for it to be written. */
export async function latestMailTo(to: string): Promise<string> {
  const outbox = join(DATA_DIR, 'outbox');
  let mail = '';
  await expect
    .poll(
      async () => {
        const names = await readdir(outbox).catch(() => [] as string[]);
        const files = await Promise.all(
          names
            .filter((name) => name.endsWith('.eml'))
            .map(async (name) => ({
              path: join(outbox, name),
              mtime: (await stat(join(outbox, name))).mtimeMs,
            })),
        );
        files.sort((a, b) => b.mtime - a.mtime);
        for (const file of files) {
          const text = await readFile(file.path, 'utf8');
          if (text.includes(`To: ${to}`)) return (mail = text);
        }
        return '';
      },
      { message: `a mail to ${to} in ${outbox}` },
    )
    .not.toBe('');
  return mail;
}
