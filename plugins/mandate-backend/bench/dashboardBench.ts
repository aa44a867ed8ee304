import { spawn, spawnSync, ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory from 'knex';
import { chromium } from 'playwright-core';
import { syntheticStore } from './seedSyntheticStore';

const SERVICES = Number(process.env.MANDATE_BENCH_SERVICES ?? 10_000);
/**
 * With MANDATE_BENCH_PRODUCTION=1 the backend serves the production build of the app
 * (packages/app/dist, built first if missing), as in a deployed portal; otherwise the
 * development server on :3017 serves an unminified bundle.
 */
const PRODUCTION = process.env.MANDATE_BENCH_PRODUCTION === '1';
const APP_URL = PRODUCTION ? 'http://localhost:7017' : 'http://localhost:3017';
const RUNS = 5;
const repo = path.resolve(__dirname, '../../..');

function benchConfig(directory: string) {
  return `
app:
  baseUrl: ${APP_URL}
backend:
  baseUrl: http://localhost:7017
  listen:
    port: 7017
  cors:
    origin: ${APP_URL}
  database:
    client: better-sqlite3
    connection:
      directory: ${directory}
mandate:
  # Keep the seeded results: no evaluation of the (small) demo catalog during the bench.
  schedule:
    frequency: { hours: 24 }
    timeout: { minutes: 15 }
    initialDelay: { hours: 24 }
  changeDetection:
    frequency: { hours: 24 }
`;
}

async function waitFor(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

function start(workspace: string, configFile: string): ChildProcess {
  return spawn(
    'yarn',
    [
      'workspace',
      workspace,
      'start',
      '--config',
      '../../app-config.yaml',
      '--config',
      configFile,
    ],
    {
      cwd: repo,
      stdio: 'ignore',
      detached: true,
    },
  );
}

export async function main() {
  const directory = fs.mkdtempSync(
    path.join(os.tmpdir(), 'mandate-dashboard-bench-'),
  );
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: path.join(directory, 'mandate.sqlite') },
    useNullAsDefault: true,
  });
  const { evaluator, close } = await syntheticStore(knex, SERVICES);
  await evaluator.evaluateAll();
  await close();
  await knex.destroy();
  console.log(`Seeded ${SERVICES} services into ${directory}`);

  const configFile = path.join(directory, 'bench-config.yaml');
  fs.writeFileSync(configFile, benchConfig(directory));
  if (
    PRODUCTION &&
    !fs.existsSync(path.join(repo, 'packages/app/dist/index.html'))
  ) {
    const build = spawnSync('yarn', ['workspace', 'app', 'build'], {
      cwd: repo,
      stdio: 'inherit',
    });
    if (build.status !== 0) throw new Error('yarn workspace app build failed');
  }
  const servers = [start('backend', configFile)];
  if (!PRODUCTION) servers.push(start('app', configFile));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
    ],
  });
  try {
    await waitFor(
      'http://localhost:7017/.backstage/health/v1/readiness',
      300_000,
    );
    await waitFor(APP_URL, 300_000);

    const page = await browser.newPage({
      viewport: { width: 1440, height: 900 },
    });
    await page.goto(`${APP_URL}/`);
    await page.getByRole('button', { name: 'Enter' }).click();
    await page
      .getByRole('navigation', { name: 'sidebar nav' })
      .waitFor({ state: 'attached' });

    // In-app navigation, as a user opens the dashboard from the sidebar: the bundle is loaded,
    // the time is the API calls and the rendering. Then full page loads, bundle included.
    const navigations: number[] = [];
    const reloads: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      await page.goto(`${APP_URL}/catalog`, { timeout: 120_000 });
      await page
        .getByRole('link', { name: 'Mandate', exact: true })
        .first()
        .waitFor({ timeout: 120_000 });
      let started = Date.now();
      await page
        .getByRole('link', { name: 'Mandate', exact: true })
        .first()
        .click();
      await page.getByTestId('organisation-score').waitFor({ timeout: 60_000 });
      navigations.push(Date.now() - started);

      started = Date.now();
      await page.goto(`${APP_URL}/mandate`, {
        waitUntil: 'commit',
        timeout: 120_000,
      });
      await page
        .getByTestId('organisation-score')
        .waitFor({ timeout: 120_000 });
      reloads.push(Date.now() - started);
    }
    const figure = await page.getByTestId('organisation-score').innerText();
    const median = (values: number[]) =>
      [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    console.log(
      [
        `Dashboard with ${SERVICES} services (organisation score ${figure.trim()}):`,
        `opened from the sidebar: ${navigations.join(', ')} ms (median ${median(
          navigations,
        )} ms)`,
        `full page load (${
          PRODUCTION ? 'production' : 'development'
        } bundle): ${reloads.join(', ')} ms (median ${median(reloads)} ms)`,
      ].join('\n  '),
    );
    // The viewport only: the whole page lists 2,000 teams.
    fs.mkdirSync(path.join(repo, 'e2e-screenshots'), { recursive: true });
    await page.screenshot({
      path: path.join(repo, 'e2e-screenshots', 'dashboard-10k.png'),
    });
  } finally {
    await browser.close();
    for (const server of servers) {
      try {
        process.kill(-server.pid!, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  }
}
