import { screen, within } from '@testing-library/react';
import { DashboardPage } from './DashboardPage';
import { mockMandateApi } from '../../__testUtils__/fixtures';
import { renderMandate } from '../../__testUtils__/renderMandate';

describe('the teams trend and 30-day change on the dashboard', () => {
  it("draws each team's trend, says so for a team without history, and shows new for no change", async () => {
    await renderMandate(<DashboardPage />, {
      api: mockMandateApi(),
      mountPath: '/mandate',
      initialRouteEntries: ['/mandate'],
    });
    const rowOf = async (team: string) =>
      (await screen.findByRole('link', { name: team })).closest('tr')!;

    const checkout = await rowOf('checkout-team');
    expect(
      within(checkout).getByRole('img', {
        name: 'checkout-team: score 74 on 2026-10-27, 70 now',
      }),
    ).toBeInTheDocument();
    expect(within(checkout).getByText('-4')).toBeInTheDocument();

    // A gap in the history is skipped: first and last known scores.
    const payments = await rowOf('payments-team');
    expect(
      within(payments).getByRole('img', {
        name: 'payments-team: score 84 on 2026-10-27, 90 now',
      }),
    ).toBeInTheDocument();
    expect(within(payments).getByText('+6')).toBeInTheDocument();

    const discovery = await rowOf('discovery-team');
    expect(within(discovery).queryByRole('img')).toBeNull();
    expect(within(discovery).getByText('no history yet')).toBeInTheDocument();
    expect(
      within(discovery).getByLabelText('new: no history 30 days ago'),
    ).toHaveTextContent('new');
  });
});
