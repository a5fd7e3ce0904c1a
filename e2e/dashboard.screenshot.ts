import { test } from '@playwright/test';
import { newUser, signUp } from './helpers.js';

// Run with: DOCS_SCREENSHOT=1 npx playwright test --project=docs-screenshot
test('dashboard screenshot for the docs', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signUp(page, newUser('maya', 'Maya Chen'));
  // Wait for the self-hosted font so the picture shows Inter, not the fallback.
  await page.evaluate('document.fonts.ready.then(() => true)');
  await page.screenshot({ path: 'docs/screenshot.png' });
});
