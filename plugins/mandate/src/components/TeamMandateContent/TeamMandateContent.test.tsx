import { screen } from '@testing-library/react';
import { TeamMandateContent } from './TeamMandateContent';
import { mockMandateApi, teamEntity } from '../../__testUtils__/fixtures';
import { renderMandate } from '../../__testUtils__/renderMandate';

describe('TeamMandateContent', () => {
  it('compares the team size with the two-pizza limit from the rule options', async () => {
    await renderMandate(<TeamMandateContent />, {
      api: mockMandateApi(),
      entity: teamEntity,
    });
    // 3 hasMember relations; maxMembers 12 in the fixture's rule options
    expect(await screen.findByTestId('team-size')).toHaveTextContent(
      '3 / 12 members',
    );
    expect(
      screen.getByText('Within the two-pizza limit of 12.'),
    ).toBeInTheDocument();
  });

  it('flags a team above the limit', async () => {
    const big = {
      ...teamEntity,
      relations: Array.from({ length: 14 }, (_, i) => ({
        type: 'hasMember',
        targetRef: `user:default/u${i}`,
      })),
    };
    await renderMandate(<TeamMandateContent />, {
      api: mockMandateApi(),
      entity: big,
    });
    expect(await screen.findByTestId('team-size')).toHaveTextContent(
      '14 / 12 members',
    );
    expect(screen.getByText(/2 over the two-pizza limit/)).toBeInTheDocument();
  });

  it("lists the team's services and reads its score and history by owner", async () => {
    const api = mockMandateApi();
    await renderMandate(<TeamMandateContent />, { api, entity: teamEntity });
    expect(await screen.findByRole('link', { name: 'orders' })).toHaveAttribute(
      'href',
      '/catalog/default/component/orders',
    );
    expect(api.getReport).toHaveBeenCalledWith(
      expect.objectContaining({
        owner: 'group:default/checkout-team',
        offset: 0,
      }),
    );
    expect(api.getHistory).toHaveBeenCalledWith(
      expect.objectContaining({ owner: 'group:default/checkout-team' }),
    );
    expect(api.getSummary).toHaveBeenCalledWith({
      owner: 'group:default/checkout-team',
    });
    expect(screen.getByTestId('team-score')).toHaveTextContent('74');
    expect(screen.getByRole('link', { name: '9 services' })).toHaveAttribute(
      'href',
      '/mandate/services?owner=group%3Adefault%2Fcheckout-team',
    );
  });
});
