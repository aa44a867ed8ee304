import { test, expect, Page } from '@playwright/test';
import { openEntityTab, signInAsGuest } from './helpers';
import { screenshot } from './screenshot';
import { expectNoSeriousA11yViolations } from './accessibility';

/**
 * Waiver governance on the demo: a waiver is requested, approved on the waivers page, counts,
 * and is revoked after a confirmation.
 *
 * The demo runs the allow-all policy, so the guest holds mandate.waiver.approve too: the
 * entity tab offers to grant at once, and "Request approval" files a request instead (what an
 * owner without the approve permission gets under the Mandate policy). reviews scores 92 with
 * no level because of ops.runbook (catalog/README.md); waived, 96 and silver.
 */

const REVIEWS = 'component:default/reviews';
// Unique per run: a reused backend keeps the rows of earlier runs.
const REASON = `Escalation section waits for the new on-call rota (e2e ${Date.now()})`;

/** The waivers page's row of this test's waiver. */
function waiverRow(page: Page) {
  return page.getByRole('row').filter({ hasText: REASON });
}

/** Leaves no open waiver or request of ops.runbook on reviews, e.g. from an interrupted run. */
async function clearLeftovers(page: Page) {
  for (const state of ['requested', 'active']) {
    await page.goto(`/mandate/waivers?state=${state}&ruleId=ops.runbook`);
    const action = page.getByRole('button', {
      name:
        state === 'requested'
          ? `Deny waiver of ops.runbook of ${REVIEWS}`
          : `Revoke waiver of ops.runbook of ${REVIEWS}`,
    });
    // The table (with its header) replaces the progress bar once the list has loaded.
    await expect(
      page.getByRole('columnheader', { name: 'Service' }),
    ).toBeVisible();
    // Permission decisions arrive after the rows: wait for them before looking for buttons.
    await page.waitForLoadState('networkidle');
    if (await action.isVisible()) {
      await action.click();
      const dialog = page.getByRole('dialog');
      await dialog
        .getByRole('button', {
          name: state === 'requested' ? 'Deny request' : 'Revoke waiver',
        })
        .click();
      await expect(dialog).toBeHidden();
    }
  }
}

test('a waiver request counts once approved on the waivers page, and stops when revoked', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signInAsGuest(page, '/mandate');
  // A fresh portal's first evaluation can still be under way.
  await expect(page.getByTestId('organisation-score')).toBeVisible({
    timeout: 90_000,
  });
  await clearLeftovers(page);

  // Request a waiver on the service's Mandate tab: it does not count yet.
  await page.goto('/catalog/default/component/reviews');
  await openEntityTab(page, 'Mandate');
  const runbook = page.getByTestId('rule-ops.runbook');
  const score = page.getByTestId('entity-score');
  await expect(runbook).toHaveAttribute('data-status', 'fail');
  await expect(score).toHaveText('92');
  await runbook
    .getByRole('button', { name: 'Grant waiver of ops.runbook' })
    .click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: /Reason/ }).fill(REASON);
  await dialog.getByRole('button', { name: 'Request approval' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('waiver-request-ops.runbook')).toContainText(
    'awaiting approval',
  );
  await expect(runbook).toHaveAttribute('data-status', 'fail');
  await expect(score).toHaveText('92');

  // The dashboard leads to the waivers page; the request waits there.
  await page.goto('/mandate');
  await page.getByRole('link', { name: 'Waivers', exact: true }).click();
  await expect(page).toHaveURL(/\/mandate\/waivers$/);
  const row = waiverRow(page);
  await expect(row).toContainText('Requested');
  await expect(row.getByRole('link', { name: 'reviews' })).toBeVisible();

  // Approve it, with a comment.
  await row
    .getByRole('button', {
      name: `Approve waiver of ops.runbook of ${REVIEWS}`,
    })
    .click();
  const decide = page.getByRole('dialog');
  await decide
    .getByRole('textbox', { name: /Comment/ })
    .fill('Fine until the rota is agreed');
  await decide.getByRole('button', { name: 'Approve request' }).click();
  await expect(decide).toBeHidden();
  await expect(row).toContainText('Active');
  await expect(row).toContainText('guest');
  await screenshot(page, 'waivers-page.png');
  // Checked as the page loads: after a dialog, react-aria's live announcer leaves a
  // `role="img"` node labelled by a message that is gone, which axe reports on any page.
  await page.reload();
  await expect(waiverRow(page)).toContainText('Active');
  await expectNoSeriousA11yViolations(page, 'the waivers page');

  // It counts: the rule is waived, the score and level rise.
  await page.goto('/catalog/default/component/reviews/mandate');
  await expect(runbook).toHaveAttribute('data-status', 'waived');
  await expect(score).toHaveText('96');
  await expect(page.getByLabel('Level: Silver').first()).toBeVisible();

  // Revoke it on the waivers page; cancelling the confirmation changes nothing.
  await page.goto('/mandate/waivers?state=active');
  const revoke = waiverRow(page).getByRole('button', {
    name: `Revoke waiver of ops.runbook of ${REVIEWS}`,
  });
  await revoke.click();
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText('Revoke this waiver?');
  await expectNoSeriousA11yViolations(page, 'the revoke confirmation');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(waiverRow(page)).toContainText('Active');
  await revoke.click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: 'Revoke waiver' })
    .click();
  await expect(page.getByTestId('waiver-done')).toContainText(
    'Revoked the waiver of ops.runbook',
  );
  await page.goto('/mandate/waivers?state=revoked');
  await expect(waiverRow(page).first()).toContainText('Revoked');

  await page.goto('/catalog/default/component/reviews/mandate');
  await expect(runbook).toHaveAttribute('data-status', 'fail');
  await expect(score).toHaveText('92');
});
