import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { openEntityTab, signInAsGuest } from './helpers';
import { screenshot } from './screenshot';

/**
 * The Mandate journey of the demo catalog (catalog/README.md): from the dashboard to a team, to
 * one of its failing services, waiving the rule that keeps it from any level and revoking it
 * (waivers.test.ts follows a waiver request through its approval).
 *
 * reviews (catalog-team) scores 92 with no level: its runbook lacks an Escalation section
 * (ops.runbook, bronze). Waiving that rule leaves only api.security (gold) failing, so reviews
 * reaches silver and 96.
 */

test('dashboard, team, failing service, waive and revoke', async ({ page }) => {
  // Room for the first evaluation of a fresh portal (below) besides the journey itself.
  test.setTimeout(240_000);
  await signInAsGuest(page, '/mandate');

  // The dashboard, reached from the sidebar.
  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await nav.getByRole('link', { name: 'Mandate', exact: true }).click();
  await expect(page).toHaveURL(/\/mandate$/);
  // A fresh portal's first evaluation can still be under way (or have read the catalog before it
  // finished processing): the dashboard looks again by itself until it has results.
  await expect(page.getByTestId('organisation-score')).toBeVisible({
    timeout: 90_000,
  });
  await expect(page.getByText('Compliance per rule')).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'Catalog team', exact: true }),
  ).toBeVisible();
  await screenshot(page, 'dashboard.png');

  // The CSV export carries the user's token, so it is fetched and handed over as a download.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('mandate-report.csv');
  const csv = fs.readFileSync(await download.path(), 'utf8');
  expect(csv).toContain('component:default/reviews');

  // A filter goes into the URL and narrows every figure; the teams stay links.
  await page.getByRole('button', { name: /Tier/ }).first().click();
  await page.getByRole('option', { name: 'critical', exact: true }).click();
  await expect(page).toHaveURL(/[?&]tier=critical/);
  await expect(page.getByText('Score (filtered)')).toBeVisible();

  // A team: its size against the two-pizza limit, its services and its score over time.
  await page.getByRole('link', { name: 'Catalog team', exact: true }).click();
  await expect(page).toHaveURL(/\/catalog\/default\/group\/catalog-team/);
  await openEntityTab(page, 'Mandate');
  await expect(page.getByTestId('team-size')).toHaveText('6 / 16 members');
  await expect(
    page.getByRole('link', { name: 'reviews', exact: true }),
  ).toBeVisible();
  await screenshot(page, 'team-tab.png');

  // One of its failing services: its overview card leads to the failing rule on the tab.
  await page.getByRole('link', { name: 'reviews', exact: true }).click();
  await expect(page).toHaveURL(/\/catalog\/default\/component\/reviews/);
  const card = page.getByRole('list', { name: 'Top failing rules' });
  await card.getByRole('link', { name: 'Has a runbook' }).click();
  await expect(page).toHaveURL(/\/reviews\/mandate#rule-ops\.runbook$/);

  const runbook = page.getByTestId('rule-ops.runbook');
  await expect(runbook).toBeVisible();
  // A reused backend may still hold the waiver of an interrupted run.
  const leftover = runbook.getByRole('button', {
    name: 'Revoke waiver of ops.runbook',
  });
  if (await leftover.isVisible()) {
    await leftover.click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: 'Revoke waiver' })
      .click();
  }
  await expect(runbook).toHaveAttribute('data-status', 'fail');
  await expect(runbook).toContainText(/Escalation/i);
  const score = page.getByTestId('entity-score');
  await expect(score).toHaveText('92');
  await expect(page.getByLabel('Level: No level').first()).toBeVisible();

  // Waive it: the score and the level change. The demo's guest may approve waivers (the
  // allow-all policy), so the waiver is granted at once.
  await runbook
    .getByRole('button', { name: 'Grant waiver of ops.runbook' })
    .click();
  const dialog = page.getByRole('dialog');
  await dialog
    .getByRole('textbox', { name: /Reason/ })
    .fill('Escalation section is being written with the on-call rota (e2e)');
  await dialog.getByRole('button', { name: 'Grant waiver' }).click();
  await expect(dialog).toBeHidden();
  await expect(runbook).toHaveAttribute('data-status', 'waived');
  await expect(runbook).toContainText('Escalation section is being written');
  await expect(score).toHaveText('96');
  await expect(page.getByLabel('Level: Silver').first()).toBeVisible();
  await screenshot(page, 'service-tab.png');

  // Revoke it, once confirmed: back to where it was.
  await runbook
    .getByRole('button', { name: 'Revoke waiver of ops.runbook' })
    .click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: 'Revoke waiver' })
    .click();
  await expect(runbook).toHaveAttribute('data-status', 'fail');
  await expect(score).toHaveText('92');
  await expect(page.getByLabel('Level: No level').first()).toBeVisible();
});

test('re-evaluating a service waits for the evaluation and reloads it', async ({
  page,
}) => {
  await signInAsGuest(page, '/catalog/default/component/reviews/mandate');
  await expect(page.getByTestId('entity-score')).toHaveText('92');
  await page.getByRole('button', { name: 'Re-evaluate now' }).click();
  await expect(page.getByText(/^Evaluation (queued|running)/)).toBeVisible();
  // The job task starts at once and the evaluation of one service takes well under a second.
  await expect(page.getByText(/^Evaluation (queued|running)/)).toBeHidden({
    timeout: 60_000,
  });
  await expect(page.getByText('Re-evaluation failed')).toBeHidden();
  await expect(page.getByTestId('entity-score')).toHaveText('92');
});

test('the dependency view of storefront shows its inherited tier inversion, soft edges and weakest link', async ({
  page,
}) => {
  // storefront (critical) -> checkout (critical) -> recommendations (low); its own edges to
  // recommendations and reviews are soft (catalog/README.md).
  await signInAsGuest(page, '/catalog/default/component/storefront');
  await openEntityTab(page, 'Dependencies');
  const path = page.getByRole('list', { name: 'Tier inversion path' });
  await expect(path.getByRole('link')).toHaveText([
    'storefront',
    'checkout',
    'recommendations',
  ]);
  const dependencies = page.getByLabel('Dependencies', { exact: true });
  const recommendations = dependencies
    .getByRole('row')
    .filter({ hasText: 'recommendations' });
  await expect(recommendations).toContainText('soft');
  await expect(
    dependencies.getByRole('row').filter({ hasText: 'checkout' }),
  ).toContainText('hard');
  await expect(page.getByTestId('weakest-link')).toHaveText('recommendations');
  await expect(page.getByTestId('composite-availability')).toContainText('%');
  await screenshot(page, 'dependencies.png');
});
