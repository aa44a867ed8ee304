import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive Debian's Chromium (`apt-get install chromium`): Playwright's own browser
 * download is unreachable on our machines. CHROMIUM_PATH overrides the location.
 * The portal is started by Playwright unless one already answers on :3000 and :7007.
 */
export default defineConfig({
  testDir: 'packages/app/e2e-tests',
  testMatch: '**/*.test.ts',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  workers: 1,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  outputDir: 'node_modules/.cache/e2e-test-results',
  webServer: [
    {
      command: 'yarn workspace backend start',
      url: 'http://localhost:7007/.backstage/health/v1/readiness',
      reuseExistingServer: true,
      timeout: 300_000,
      stdout: 'ignore',
    },
    {
      command: 'yarn workspace app start',
      url: 'http://localhost:3000',
      reuseExistingServer: true,
      timeout: 300_000,
      stdout: 'ignore',
    },
  ],
  use: {
    baseURL: process.env.PLAYWRIGHT_URL ?? 'http://localhost:3000',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
