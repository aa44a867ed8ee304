import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CampaignPage } from './CampaignPage';
import { mockMandateApi } from '../../__testUtils__/fixtures';
import { renderMandate } from '../../__testUtils__/renderMandate';

const at = {
  mountPath: '/mandate/campaigns/:campaignId',
  initialRouteEntries: ['/mandate/campaigns/c-1'],
};

describe('CampaignPage', () => {
  it('shows progress per team with the late team marked, and the burn-down', async () => {
    const api = mockMandateApi();
    await renderMandate(<CampaignPage />, { api, ...at });
    expect(
      await screen.findByRole('heading', {
        name: 'Critical and high at silver',
      }),
    ).toBeInTheDocument();
    expect(api.getCampaign).toHaveBeenCalledWith('c-1');
    expect(screen.getByTestId('late-teams')).toHaveTextContent(
      'Late: checkout-team',
    );
    const rows = screen.getAllByRole('row');
    const checkout = rows.find(row =>
      row.textContent?.includes('checkout-team'),
    )!;
    expect(within(checkout).getByText('Late')).toBeInTheDocument();
    expect(within(checkout).getByText('1 (33%)')).toBeInTheDocument();
    const payments = rows.find(row =>
      row.textContent?.includes('payments-team'),
    )!;
    expect(within(payments).getByText('Done')).toBeInTheDocument();
    expect(screen.getByTestId('campaign-burndown')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Announces ops.dashboard: upcoming (enforced from 2027-01-15)',
      ),
    ).toBeInTheDocument();
  });

  it('archives the campaign through the API', async () => {
    const api = mockMandateApi();
    await renderMandate(<CampaignPage />, { api, ...at });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Archive' }),
    );
    await waitFor(() =>
      expect(api.archiveCampaign).toHaveBeenCalledWith('c-1'),
    );
  });

  it('says when the campaign does not exist', async () => {
    await renderMandate(<CampaignPage />, {
      api: mockMandateApi({
        getCampaign: jest.fn().mockResolvedValue(undefined),
      }),
      ...at,
    });
    expect(await screen.findByText('No such campaign')).toBeInTheDocument();
  });
});
