import { test, expect, Page } from '@playwright/test';
import { signInAsGuest } from './helpers';
import { screenshot } from './screenshot';
import { expectNoSeriousA11yViolations } from './accessibility';
import { expectUsableAt } from './expectUsableAt';

/**
 * The scorecard an engineer acts on (catalog/README.md gives the demo's levels): the catalog
 * table's Mandate columns and level filter, the Mandate tab that opens on what to fix, and an
 * axe check of every Mandate view.
 */

/** The catalog table's row of one service. */
function catalogRow(page: Page, name: string) {
  return page
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name, exact: true }) });
}

test('the catalog table shows the Mandate level and score of services and filters by level', async ({
  page,
}) => {
  await signInAsGuest(page, '/');
  await expect(
    page.getByRole('columnheader', { name: 'Mandate level' }),
  ).toBeVisible();
  await expect(catalogRow(page, 'search')).toContainText('Gold');
  await expect(
    catalogRow(page, 'search').getByLabel('Score 100'),
  ).toBeVisible();
  await expect(catalogRow(page, 'reviews')).toContainText('No level');
  await expect(
    catalogRow(page, 'reviews').getByLabel('Score 92'),
  ).toBeVisible();
  await expect(catalogRow(page, 'storefront')).toContainText('Bronze');
  await screenshot(page, 'catalog-mandate-columns.png');
  await expectNoSeriousA11yViolations(
    page,
    'the catalog table with Mandate columns',
    // Backstage's catalog table (material-table) puts its column headers' sort buttons
    // (MUI TableSortLabel, role=button) around focusable content; the catalog owns those
    // headers, Mandate's columns only give their titles. Everything else must pass.
    [
      {
        rule: 'nested-interactive',
        target:
          /^th(:nth-child\(\d+\))? > \.MuiTableSortLabel-root\.MuiButtonBase-root\[role="button"\]$/,
      },
    ],
  );

  // Gold only: the four gold services, nothing else.
  // The filter's select (the column header of the same name is a button too).
  await page
    .getByRole('button', { name: /Mandate level/ })
    .filter({ hasText: 'All' })
    .click();
  await page.getByRole('option', { name: 'Gold', exact: true }).click();
  await expect(page).toHaveURL(
    /filters%5BmandateLevel%5D=gold|filters\[mandateLevel\]=gold/,
  );
  for (const gold of ['product-catalog', 'search', 'user-profile', 'fraud']) {
    await expect(catalogRow(page, gold)).toBeVisible();
  }
  await expect(catalogRow(page, 'reviews')).toHaveCount(0);
  await expect(catalogRow(page, 'storefront')).toHaveCount(0);
  await screenshot(page, 'catalog-filtered-gold.png');
});

test('the Mandate tab opens on the failing rules, grouped by the level they block', async ({
  page,
}) => {
  // storefront (bronze, 85) fails deps.no-tier-inversion (silver), deps.sla-budget and
  // layers.keepalive-order (gold).
  await signInAsGuest(page, '/catalog/default/component/storefront/mandate');
  const toFix = page.getByRole('region', { name: 'What to fix' });
  await expect(toFix).toBeVisible();
  const groups = toFix.locator('section[aria-label^="Blocks"]');
  await expect(groups).toHaveCount(2);
  await expect(groups.nth(0)).toHaveAttribute('aria-label', 'Blocks Silver');
  await expect(groups.nth(1)).toHaveAttribute('aria-label', 'Blocks Gold');
  await expect(
    groups.nth(0).getByTestId('rule-deps.no-tier-inversion'),
  ).toBeVisible();
  await expect(groups.nth(1).getByTestId('rule-deps.sla-budget')).toBeVisible();
  await expect(
    groups.nth(1).getByTestId('rule-layers.keepalive-order'),
  ).toBeVisible();

  // Each failure says how to fix it, with a snippet to copy.
  const inversion = page.getByTestId('rule-deps.no-tier-inversion');
  const fix = inversion.getByRole('region', { name: 'How to fix it' });
  await expect(fix).toBeVisible();
  await expect(fix.locator('pre').first()).toBeVisible();

  // The passing rules are collapsed, with their count.
  const passing = page.getByRole('button', {
    name: /^Passing rules: \d+ pass/,
  });
  await expect(passing).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByTestId('rule-ops.runbook')).toBeHidden();

  // The failures come before anything else of the tab, near the top.
  const box = await toFix.boundingBox();
  expect(box!.y).toBeLessThan(400);
  await expect(page.getByTestId('entity-score')).toHaveText('85');
  await screenshot(page, 'mandate-tab-failures-first.png');
  await expectNoSeriousA11yViolations(page, 'the Mandate tab');

  await passing.click();
  await expect(page.getByTestId('rule-ops.runbook')).toBeVisible();
  await expectNoSeriousA11yViolations(
    page,
    'the Mandate tab, passing rules open',
  );

  // At 1024 px and at a phone's width the tab stays usable.
  await expectUsableAt(page, 1024, 'mandate-tab-1024.png');
  await expectUsableAt(page, 390, 'mandate-tab-phone.png');
});

test('the dashboard, a rule page and the dependency view have no serious accessibility violations', async ({
  page,
}) => {
  await signInAsGuest(page, '/mandate');
  await expect(page.getByTestId('organisation-score')).toBeVisible();
  await expect(page.getByText('Compliance per rule')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the dashboard');
  await expectUsableAt(page, 1024, 'dashboard-1024.png');
  await expectUsableAt(page, 390, 'dashboard-phone.png');

  // A filter with no match is said so, and a bad filter in the address is explained.
  await page.goto('/mandate?tier=urgent');
  await expect(
    page.getByText('Some filters in the address were ignored'),
  ).toBeVisible();
  await expect(page.getByText(/400 Bad Request/)).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, 'the dashboard with a bad filter');

  await page.goto('/mandate/rules/ops.runbook');
  await expect(
    page.getByRole('heading', { name: 'Has a runbook' }),
  ).toBeVisible();
  await expect(page.getByText('Services failing it')).toBeVisible();
  // reviews fails it (its runbook has no Escalation section): the list has loaded.
  await expect(
    page.getByRole('link', { name: 'reviews', exact: true }),
  ).toBeVisible();
  await screenshot(page, 'rule-page.png');
  await expectNoSeriousA11yViolations(page, 'a rule page');
  await expectUsableAt(page, 1024, 'rule-page-1024.png');
  await expectUsableAt(page, 390, 'rule-page-phone.png');

  await page.goto('/catalog/default/component/storefront/dependencies');
  await expect(page.getByTestId('weakest-link')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the dependency view');
});
