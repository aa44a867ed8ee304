import { test, expect, Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './accessibility';
import { demoReport, ReportEntity } from './backend';
import { signInAsGuest } from './helpers';
import { screenshot } from './screenshot';

/**
 * The leadership dashboard of the demo: the tier x level matrix of services at the level their
 * tier requires (default mandate.requiredLevels), the teams' sparklines and 30-day changes from
 * the history the demo seeds on first start (packages/backend/src/demoHistory).
 *
 * The expected matrix is the CLI's report of the demo catalog, which the portal's evaluation
 * agrees with (the same engine), counted the way the backend counts.
 */

const REQUIRED: Record<string, string> = {
  critical: 'gold',
  high: 'silver',
  medium: 'silver',
  low: 'bronze',
  none: 'bronze',
};
const LEVELS = ['none', 'bronze', 'silver', 'gold'];
const TIER_LABELS: Record<string, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  none: 'No tier',
};

const atRequired = (e: ReportEntity) =>
  e.level !== 'none' &&
  LEVELS.indexOf(e.level) >= LEVELS.indexOf(REQUIRED[e.tier ?? 'none']);

const share = (count: number, of: number) =>
  `${count} of ${of} (${Math.round((100 * count) / of)}%)`;

/** The dashboard once the first evaluation and the seeded history are in. */
async function openSeededDashboard(page: Page) {
  await signInAsGuest(page, '/mandate');
  await expect(page.getByTestId('required-level-matrix')).toBeVisible({
    timeout: 90_000,
  });
  // The demo seeds the past right after the first full evaluation (15 s after start): until
  // then a team has one point and no 30-day change.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('team-sparkline').first()).toBeVisible({
      timeout: 5_000,
    });
  }).toPass({ timeout: 120_000 });
}

test('the dashboard heads with the tier x level matrix, then teams with sparklines and 30-day changes', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const entities = demoReport();
  await openSeededDashboard(page);

  // The headline: services at the level their tier requires.
  const total = entities.filter(atRequired).length;
  await expect(page.getByTestId('required-level-headline')).toHaveText(
    `${total} of ${
      entities.length
    } services at the required level (${Math.round(
      (100 * total) / entities.length,
    )}%)`,
  );

  // One row per tier with services, most critical first, then the services without one.
  const matrix = page.getByRole('table', {
    name: /Services per tier and level/,
  });
  const tiers = ['critical', 'high', 'medium', 'low', 'none'].filter(tier =>
    entities.some(e => (e.tier ?? 'none') === tier),
  );
  await expect(matrix.locator('tbody tr')).toHaveCount(tiers.length);
  for (const tier of tiers) {
    const mine = entities.filter(e => (e.tier ?? 'none') === tier);
    const row = matrix.locator(`tr[data-tier="${tier}"]`);
    await expect(row.getByRole('rowheader')).toHaveText(
      `${mine.length} ${TIER_LABELS[tier]}`,
    );
    await expect(row.getByRole('cell')).toHaveText([
      REQUIRED[tier][0].toUpperCase() + REQUIRED[tier].slice(1),
      ...['gold', 'silver', 'bronze', 'none'].map(level =>
        String(mine.filter(e => e.level === level).length),
      ),
      share(mine.filter(atRequired).length, mine.length),
    ]);
  }

  // Every team has a sparkline and a 30-day change from the seeded history ("new" without).
  const owners = new Set(entities.map(e => e.owner ?? 'none'));
  const teamRows = page
    .getByRole('row')
    .filter({ has: page.getByTestId('team-sparkline') });
  await expect(teamRows).toHaveCount(owners.size);
  for (const row of await teamRows.all()) {
    await expect(row.locator('td').last()).toHaveText(/^([+-]?\d+(\.\d)?)$/);
  }
  await expect(
    page.getByRole('img', {
      name: /score \d+(\.\d)? on \d{4}-\d\d-\d\d, \d+(\.\d)? now$/,
    }),
  ).toHaveCount(owners.size);

  await screenshot(page, 'dashboard-1440.png');
  await expectNoSeriousA11yViolations(page, 'the dashboard with its matrix');

  // A count leads to exactly those services.
  const criticalGold = entities.filter(
    e => e.tier === 'critical' && e.level === 'gold',
  );
  await matrix
    .getByRole('link', {
      name: `${criticalGold.length} Critical services at gold`,
    })
    .click();
  await expect(page).toHaveURL(
    /\/mandate\/services\?tier=critical&level=gold$/,
  );
  for (const e of criticalGold) {
    await expect(
      page.getByRole('link', {
        name: e.entityRef.replace(/^component:default\//, ''),
        exact: true,
      }),
    ).toBeVisible();
  }
});
