import { screen, waitFor } from '@testing-library/react';
import { CampaignPage } from './CampaignPage';
import { CampaignsPage } from './CampaignsPage';
import { mockMandateApi } from '../../__testUtils__/fixtures';
import { renderMandate } from '../../__testUtils__/renderMandate';

// Its own file: usePermission caches decisions per permission for the life of the module.
describe('Campaigns without mandate.campaign.manage', () => {
  const allow = (permission: string) =>
    permission !== 'mandate.campaign.manage';

  it('hides "New campaign" on the list and Edit and Archive on a campaign', async () => {
    const list = await renderMandate(<CampaignsPage />, {
      api: mockMandateApi(),
      allow,
    });
    await screen.findByRole('link', { name: 'Critical and high at silver' });
    await waitFor(() =>
      expect(
        screen.queryByRole('button', { name: 'New campaign' }),
      ).not.toBeInTheDocument(),
    );
    list.unmount();

    await renderMandate(<CampaignPage />, {
      api: mockMandateApi(),
      allow,
      mountPath: '/mandate/campaigns/:campaignId',
      initialRouteEntries: ['/mandate/campaigns/c-1'],
    });
    await screen.findByRole('heading', { name: 'Critical and high at silver' });
    expect(
      screen.queryByRole('button', { name: 'Edit' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Archive' }),
    ).not.toBeInTheDocument();
    // What the campaign is and how far it got stays visible.
    expect(screen.getByTestId('late-teams')).toHaveTextContent(
      'Late: checkout-team',
    );
  });
});
