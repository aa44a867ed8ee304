import { defineConfig } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The backend the suite starts keeps its SQLite files in a directory of its own, created afresh
 * for every run: each run starts from the demo catalog alone, and the waivers the tests grant
 * never land in the demo's data/ directory.
 */
const e2eDataDirectory = fs.mkdtempSync(
  path.join(os.tmpdir(), 'mandate-e2e-data-'),
);

const BACKEND_LOG = 'node_modules/.cache/e2e-backend.log';

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
  // Waits, once the portal answers, until it scores the demo catalog as the CLI does.
  globalSetup: './packages/app/e2e-tests/globalSetup.ts',
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  outputDir: 'node_modules/.cache/e2e-test-results',
  webServer: [
    {
      // The log is kept for a failed run: scripts/test.sh prints what Mandate said.
      command: `yarn workspace backend start > ${BACKEND_LOG} 2>&1`,
      env: {
        APP_CONFIG_backend_database_connection_directory: e2eDataDirectory,
      },
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
