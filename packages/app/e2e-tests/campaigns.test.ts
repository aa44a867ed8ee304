import { test, expect } from '@playwright/test';
import { BACKEND, guestToken } from './backend';
import { signInAsGuest } from './helpers';
import { screenshot } from './screenshot';

/**
 * A campaign created through the REST API shows its per-team progress on the dashboard's
 * Campaigns card and on its own page, with the late team marked. The demo allows everything
 * to everyone (app-config.yaml), so the guest may create campaigns.
 */

const CATALOG_TEAM = 'group:default/catalog-team';

test('a campaign created through the API shows per-team progress', async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  const headers = { Authorization: `Bearer ${await guestToken(request)}` };
  // The suite's global setup waited until the portal scores the demo as the CLI does: reviews
  // (catalog-team) has no level (its runbook lacks an Escalation section, catalog/README.md),
  // so the team is behind on silver.
  // The deadline was yesterday: a team with a service below silver is late.
  const yesterday = new Date(Date.now() - 24 * 3600_000)
    .toISOString()
    .slice(0, 10);
  const name = `Catalog team at silver ${Date.now().toString(36)}`;
  const created = await request.post(`${BACKEND}/api/mandate/campaigns`, {
    headers,
    data: {
      name,
      goal: { kind: 'level', level: 'silver' },
      scope: { owners: ['catalog-team'] },
      deadline: yesterday,
      owner: 'group:default/platform-team',
    },
  });
  expect(created.status()).toBe(201);
  const campaign = await created.json();
  try {
    const team = campaign.progress.teams.find(
      (t: { owner: string }) => t.owner === CATALOG_TEAM,
    );
    expect(team).toBeDefined();
    expect(team.total).toBeGreaterThan(team.meeting);
    expect(campaign.progress.lateTeams).toEqual([CATALOG_TEAM]);

    // The dashboard's Campaigns card: the seeded demo campaign and this one, per team.
    await page.setViewportSize({ width: 1440, height: 900 });
    await signInAsGuest(page, '/mandate');
    await expect(page.getByTestId('organisation-score')).toBeVisible({
      timeout: 90_000,
    });
    const card = page.getByTestId('campaigns-card');
    await expect(
      card.getByRole('link', { name: 'Critical and high at silver' }),
    ).toBeVisible();
    const entry = card.getByRole('link', { name });
    await expect(entry).toBeVisible();
    await expect(
      card.getByText(`catalog-team ${team.meeting}/${team.total} (late)`),
    ).toBeVisible();
    await screenshot(page, 'dashboard-campaigns.png');

    // Its page: the per-team table with the late team marked, and the burn-down.
    await entry.click();
    await expect(page).toHaveURL(
      new RegExp(`/mandate/campaigns/${campaign.id}$`),
    );
    await expect(page.getByRole('heading', { name })).toBeVisible();
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: 'Catalog team' }) });
    await expect(row.getByText('Late', { exact: true })).toBeVisible();
    await expect(
      row.getByText(String(team.total), { exact: true }),
    ).toBeVisible();
    await expect(page.getByTestId('late-teams')).toHaveText(
      'Late: catalog-team',
    );
    await screenshot(page, 'campaign.png');
  } finally {
    await request.delete(`${BACKEND}/api/mandate/campaigns/${campaign.id}`, {
      headers,
    });
  }
});
