import { screen, within } from '@testing-library/react';
import { DashboardPage } from './DashboardPage';
import { mockMandateApi, summary } from '../../__testUtils__/fixtures';
import { renderMandate } from '../../__testUtils__/renderMandate';

async function renderDashboard(search = '') {
  await renderMandate(<DashboardPage />, {
    api: mockMandateApi(),
    mountPath: '/mandate',
    initialRouteEntries: [`/mandate${search}`],
  });
  return screen.findByRole('table', {
    name: /Services per tier and level/,
  });
}

describe('RequiredLevelMatrix on the dashboard', () => {
  it('heads the dashboard with the services at the required level of their tier', async () => {
    await renderDashboard();
    expect(
      await screen.findByTestId('required-level-headline'),
    ).toHaveTextContent('4 of 9 services at the required level (44%)');
  });

  it('is a captioned table of tiers by level, each row with its requirement and share', async () => {
    const table = await renderDashboard();
    const headers = within(table)
      .getAllByRole('columnheader')
      .map(h => h.textContent);
    expect(headers).toEqual([
      'Tier',
      'Required',
      'Gold',
      'Silver',
      'Bronze',
      'None',
      'At required level',
    ]);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map(row =>
        within(row)
          .getAllByRole('cell')
          .map(cell => cell.textContent),
      ),
    ).toEqual([
      ['Gold', '1', '1', '0', '0', '1 of 2 (50%)'],
      ['Silver', '0', '1', '1', '1', '1 of 3 (33%)'],
      ['Bronze', '0', '0', '2', '1', '2 of 3 (67%)'],
      ['Bronze', '0', '0', '0', '1', '0 of 1 (0%)'],
    ]);
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map(h => h.textContent),
    ).toEqual(['2 Critical', '3 High', '3 Low', '1 No tier']);
  });

  it('links every count to the services of that tier and level, keeping the filters', async () => {
    const table = await renderDashboard();
    expect(
      within(table).getByRole('link', {
        name: '1 Critical services at gold',
      }),
    ).toHaveAttribute('href', '/mandate/services?tier=critical&level=gold');
    expect(
      within(table).getByRole('link', {
        name: '1 No tier services at no level',
      }),
    ).toHaveAttribute('href', '/mandate/services?tier=none&level=none');
    expect(
      within(table).getByRole('link', { name: '3 High services' }),
    ).toHaveAttribute('href', '/mandate/services?tier=high');
  });

  it('tints only the counts at or above the required level', async () => {
    const table = await renderDashboard();
    const high = table.querySelector('tr[data-tier="high"]')!;
    const tinted = [...high.querySelectorAll('td[data-level]')]
      .filter(cell => (cell as HTMLElement).style.fontWeight === '600')
      .map(cell => cell.getAttribute('data-level'));
    expect(tinted).toEqual(['gold', 'silver']);
    expect(summary.tiers[1].requiredLevel).toBe('silver');
  });
});
