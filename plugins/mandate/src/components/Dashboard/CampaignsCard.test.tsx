import { screen } from '@testing-library/react';
import { CampaignsCard } from './CampaignsCard';
import { mockMandateApi } from '../../__testUtils__/fixtures';
import { renderMandate } from '../../__testUtils__/renderMandate';

describe('CampaignsCard', () => {
  it("shows each campaign's progress per team, late teams first and marked", async () => {
    await renderMandate(<CampaignsCard />, { api: mockMandateApi() });
    expect(
      await screen.findByRole('link', { name: 'Critical and high at silver' }),
    ).toHaveAttribute('href', '/mandate/campaigns/c-1');
    expect(screen.getByTestId('campaign-teams')).toHaveTextContent(
      'checkout-team 1/3 (late) · payments-team 2/2',
    );
    expect(screen.getByText(/1 team late/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'All campaigns' })).toHaveAttribute(
      'href',
      '/mandate/campaigns',
    );
  });

  it('says when no campaign runs, and shows the error when they cannot load', async () => {
    const empty = await renderMandate(<CampaignsCard />, {
      api: mockMandateApi({ getCampaigns: jest.fn().mockResolvedValue([]) }),
    });
    expect(
      await screen.findByText('No campaign is running.'),
    ).toBeInTheDocument();
    empty.unmount();
    await renderMandate(<CampaignsCard />, {
      api: mockMandateApi({
        getCampaigns: jest.fn().mockRejectedValue(new Error('boom')),
      }),
    });
    expect(
      await screen.findByText('Mandate could not load this'),
    ).toBeInTheDocument();
  });
});
