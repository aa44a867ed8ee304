import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DashboardPage } from './DashboardPage';
import { mockMandateApi, rules, summary } from '../../__testUtils__/fixtures';
import { renderMandate } from '../../__testUtils__/renderMandate';

describe('DashboardPage', () => {
  it('shows the organisation score and level distribution, every count a link', async () => {
    await renderMandate(<DashboardPage />, {
      api: mockMandateApi(),
      mountPath: '/mandate',
      initialRouteEntries: ['/mandate'],
    });
    expect(await screen.findByTestId('organisation-score')).toHaveTextContent(
      '74',
    );
    expect(screen.getByRole('link', { name: '9 services' })).toHaveAttribute(
      'href',
      '/mandate/services',
    );
    expect(
      screen.getByRole('link', { name: '1 services at level gold' }),
    ).toHaveAttribute('href', '/mandate/services?level=gold');
  });

  it("shows the server's 30-day change of the score, and none when the server has none", async () => {
    await renderMandate(<DashboardPage />, {
      api: mockMandateApi(),
      mountPath: '/mandate',
      initialRouteEntries: ['/mandate'],
    });
    // The history the chart shows rose by 4; the figure is the server's change30d all the same.
    expect(await screen.findByTestId('score-trend')).toHaveTextContent(
      '▲ +2.5 in 30 days',
    );
  });

  it('shows no 30-day change when the server gives none', async () => {
    await renderMandate(<DashboardPage />, {
      api: mockMandateApi({
        getSummary: jest.fn().mockResolvedValue({
          ...summary,
          organisation: { ...summary.organisation, change30d: null },
        }),
      }),
      mountPath: '/mandate',
      initialRouteEntries: ['/mandate'],
    });
    await screen.findByTestId('organisation-score');
    // Wait for the history too, from which the UI once computed a change of its own.
    await screen.findByRole('link', { name: 'Title of ops.runbook' });
    expect(screen.queryByTestId('score-trend')).toBeNull();
  });

  it('lists the compliance per rule in the order GET /rules gives', async () => {
    await renderMandate(<DashboardPage />, {
      api: mockMandateApi({
        getRules: jest.fn().mockResolvedValue([...rules].reverse()),
      }),
      mountPath: '/mandate',
      initialRouteEntries: ['/mandate'],
    });
    const link = await screen.findByRole('link', {
      name: 'Title of ops.runbook',
    });
    const titles = within(link.closest('table')!)
      .getAllByRole('rowheader')
      .map(cell => cell.textContent);
    expect(titles).toEqual([...rules].reverse().map(rule => rule.title));
  });

  it('sorts the teams table, lowest score first, and links the counts', async () => {
    await renderMandate(<DashboardPage />, {
      api: mockMandateApi(),
      mountPath: '/mandate',
      initialRouteEntries: ['/mandate'],
    });
    const team = await screen.findByRole('link', { name: 'checkout-team' });
    const table = team.closest('table')!;
    const firstColumn = () =>
      within(table)
        .getAllByRole('rowheader')
        .map(cell => cell.textContent);
    expect(firstColumn()).toEqual([
      'discovery-team',
      'checkout-team',
      'payments-team',
    ]);

    await userEvent.click(
      within(table).getByRole('columnheader', { name: /30 days/ }),
    );
    await waitFor(() =>
      expect(firstColumn()).toEqual([
        'discovery-team',
        'checkout-team',
        'payments-team',
      ]),
    );
    await userEvent.click(
      within(table).getByRole('columnheader', { name: /^Team/ }),
    );
    await waitFor(() =>
      expect(firstColumn()).toEqual([
        'checkout-team',
        'discovery-team',
        'payments-team',
      ]),
    );

    expect(
      within(table).getByRole('link', {
        name: '2 services of group:default/checkout-team at none',
      }),
    ).toHaveAttribute(
      'href',
      '/mandate/services?owner=group%3Adefault%2Fcheckout-team&level=none',
    );
    expect(within(table).getByText('-4')).toBeInTheDocument();
    expect(within(table).getByText('+6')).toBeInTheDocument();
  });

  it('shows compliance per rule with links to the rule and to the failing services', async () => {
    await renderMandate(<DashboardPage />, {
      api: mockMandateApi(),
      mountPath: '/mandate',
      initialRouteEntries: ['/mandate'],
    });
    expect(
      await screen.findByRole('link', { name: 'Title of ops.runbook' }),
    ).toHaveAttribute('href', '/mandate/rules/ops.runbook');
    expect(
      screen.getByRole('link', { name: '2 services fail ops.runbook' }),
    ).toHaveAttribute(
      'href',
      '/mandate/services?ruleId=ops.runbook&status=fail',
    );
  });

  it('applies the filters from the URL and changes the query when one is chosen', async () => {
    const api = mockMandateApi();
    await renderMandate(<DashboardPage />, {
      api,
      mountPath: '/mandate',
      initialRouteEntries: ['/mandate?lifecycle=production'],
    });
    await screen.findByTestId('organisation-score');
    expect(api.getSummary).toHaveBeenCalledWith(
      expect.objectContaining({ lifecycle: 'production' }),
    );

    const filters = screen.getByLabelText('Filters');
    await userEvent.click(within(filters).getAllByRole('button')[0]); // Tier
    await userEvent.click(
      await screen.findByRole('option', { name: 'critical' }),
    );
    await waitFor(() =>
      expect(api.getSummary).toHaveBeenCalledWith(
        expect.objectContaining({ tier: 'critical', lifecycle: 'production' }),
      ),
    );
    // and the links follow the filters
    await waitFor(() =>
      expect(screen.getByRole('link', { name: '9 services' })).toHaveAttribute(
        'href',
        '/mandate/services?tier=critical&lifecycle=production',
      ),
    );
  });

  it('exports the report as CSV with the current filters', async () => {
    const api = mockMandateApi();
    const createObjectURL = jest.fn(() => 'blob:report');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    await renderMandate(<DashboardPage />, {
      api,
      mountPath: '/mandate',
      initialRouteEntries: ['/mandate?tier=high'],
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Export CSV' }),
    );
    await waitFor(() =>
      expect(api.exportCsv).toHaveBeenCalledWith(
        expect.objectContaining({ tier: 'high' }),
      ),
    );
    await waitFor(() => expect(createObjectURL).toHaveBeenCalled());
  });

  it('shows an empty state before the first evaluation', async () => {
    const api = mockMandateApi({
      getSummary: jest.fn().mockResolvedValue({
        generatedAt: null,
        organisation: {
          score: 0,
          services: 0,
          levels: { none: 0, bronze: 0, silver: 0, gold: 0 },
          change30d: null,
        },
        teams: [],
        tiers: [],
        rules: [],
      }),
    });
    await renderMandate(<DashboardPage />, {
      api,
      mountPath: '/mandate',
      initialRouteEntries: ['/mandate'],
    });
    expect(
      await screen.findByText('No evaluated services'),
    ).toBeInTheDocument();
  });
});
