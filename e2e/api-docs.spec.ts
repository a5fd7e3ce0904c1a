import { expect, test } from '@playwright/test';
import { BASE_URL } from './env.js';

test('the API reference renders every operation from the app alone, without a CSP violation', async ({
  page,
}) => {
  // The renderer is a 1.4 MB script: on a busy machine its first paint can take a while.
  test.setTimeout(60_000);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  const consoleProblems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy/i.test(message.text()))
      consoleProblems.push(message.text());
  });
  page.on('pageerror', (error) => consoleProblems.push(error.message));
  // Injected by the test harness (outside the page's CSP): counts what the browser refused.
  await page.addInitScript(`
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      window.cspViolations.push(event.violatedDirective + ' ' + event.blockedURI));
  `);

  const response = await page.goto('/api/docs');
  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");

  // Written out here rather than imported from the operations table, so a lost summary fails the test.
  const signUp = page.getByText('Sign up: create an account and its first workspace');
  await expect(signUp).toBeVisible({ timeout: 30_000 });
  await expect(
    page.getByText('Add a picture, clip or audio file to the media library (multipart)'),
  ).toBeVisible();
  await expect(page.getByText('/api/items/{id}/versions', { exact: true })).toBeVisible();

  // Opening an operation shows its error responses with their stable codes.
  await signUp.click();
  await expect(page.getByText('email_taken', { exact: true })).toBeVisible();

  const violations = await page.evaluate<string[]>('window.cspViolations');
  expect(violations).toEqual([]);
  expect(consoleProblems).toEqual([]);
  expect(requests.length).toBeGreaterThanOrEqual(4);
  expect(requests.filter((url) => !url.startsWith(`${BASE_URL}/`))).toEqual([]);
  expect(requests).toContain(`${BASE_URL}/api/openapi.json`);
});
