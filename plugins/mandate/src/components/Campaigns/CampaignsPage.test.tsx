import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CampaignsPage } from './CampaignsPage';
import { mockMandateApi } from '../../__testUtils__/fixtures';
import { renderMandate } from '../../__testUtils__/renderMandate';

describe('CampaignsPage', () => {
  it('lists campaigns with progress, deadline, owner and late teams', async () => {
    await renderMandate(<CampaignsPage />, {
      api: mockMandateApi(),
      mountPath: '/mandate/campaigns',
      initialRouteEntries: ['/mandate/campaigns'],
    });
    const link = await screen.findByRole('link', {
      name: 'Critical and high at silver',
    });
    expect(link).toHaveAttribute('href', '/mandate/campaigns/c-1');
    expect(
      screen.getByRole('progressbar', {
        name: 'Progress of Critical and high at silver',
      }),
    ).toHaveAttribute('aria-valuenow', '3');
    expect(
      screen.getByText('3 of 5 services meet the goal (60%)'),
    ).toBeInTheDocument();
    expect(screen.getByText('2026-11-20')).toBeInTheDocument();
    expect(screen.getByText('1 late')).toBeInTheDocument();
    expect(
      screen.getByText('Silver or better · Tier critical, high'),
    ).toBeInTheDocument();
  });

  it('creates a campaign through the API and lists it again', async () => {
    const api = mockMandateApi();
    await renderMandate(<CampaignsPage />, { api });
    await userEvent.click(
      await screen.findByRole('button', { name: 'New campaign' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /^Name/ }),
      'Runbooks everywhere',
    );
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /^Campaign owner/ }),
      'group:default/platform-team',
    );
    await userEvent.click(
      within(dialog).getByRole('checkbox', { name: 'critical' }),
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create campaign' }),
    );
    await waitFor(() => expect(api.createCampaign).toHaveBeenCalledTimes(1));
    expect(api.createCampaign.mock.calls[0][0]).toMatchObject({
      name: 'Runbooks everywhere',
      goal: { kind: 'level', level: 'silver' },
      scope: { tiers: ['critical'] },
      owner: 'group:default/platform-team',
    });
    expect(api.createCampaign.mock.calls[0][0]).not.toHaveProperty('announces');
    await waitFor(() => expect(api.getCampaigns).toHaveBeenCalledTimes(2));
  });

  it('says when no campaign runs', async () => {
    await renderMandate(<CampaignsPage />, {
      api: mockMandateApi({ getCampaigns: jest.fn().mockResolvedValue([]) }),
      allow: false,
    });
    expect(
      await screen.findByText('No campaign is running.'),
    ).toBeInTheDocument();
  });
});
