import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import { BASE_URL, DATA_DIR, E2E_PORT } from './e2e/env.js';

// The docs screenshot is opt-in, so an ordinary test run never rewrites docs/screenshot.png.
const docsScreenshot = process.env.DOCS_SCREENSHOT === '1';

// The browser tests use the system Chromium (Debian's `chromium`). Without it they are skipped with a notice,
// except in CI (CI=true), where a missing browser must fail the run instead of hiding the suite.
const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
const CLOCK_FORWARD = /learning-loop\.spec\.ts$/;
if (!haveChromium) {
  if (process.env.CI === 'true')
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (CI must not skip e2e)`);
  process.stderr.write(`e2e skipped: ${CHROMIUM} is missing (apt-get install chromium)\n`);
}

export default defineConfig({
  testDir: 'e2e',
  ...(haveChromium ? {} : { testIgnore: '**/*' }),
  reporter: 'list',
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 30_000,
  globalTeardown: './e2e/global-teardown.ts',
  expect: { timeout: 10_000 },
  use: {
    baseURL: BASE_URL,
    browserName: 'chromium',
    headless: true,
    trace: 'retain-on-failure',
    launchOptions: {
      // The system Chromium: the test run never downloads a browser.
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    // The learning-loop test moves the shared sandbox clock (and so the app's, in sandbox mode) a week forward:
    // it runs after every other test, which would otherwise see invitations, schedules and sessions a week old.
    { name: 'chromium', testIgnore: haveChromium ? CLOCK_FORWARD : '**/*' },
    { name: 'clock-forward', testMatch: CLOCK_FORWARD, dependencies: ['chromium'] },
    ...(docsScreenshot ? [{ name: 'docs-screenshot', testMatch: /.*\.screenshot\.ts$/ }] : []),
  ],
  webServer: {
    command: 'npx tsc -p tsconfig.build.json && node dist/server/src/main.js',
    url: `${BASE_URL}/readyz`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(E2E_PORT),
      HOST: '127.0.0.1',
      PUBLIC_BASE_URL: BASE_URL,
      DATA_DIR,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      // Every spec signs people up and in from the same address; the default 10 a minute would trip.
      SIGNIN_RATE_LIMIT_PER_MINUTE: '1000',
    },
  },
});
