import { screen } from '@testing-library/react';
import { TeamMandateContent } from './TeamMandateContent';
import { RuleResult } from '@mandate-dev/plugin-mandate-common';
import {
  mockMandateApi,
  reportPage,
  rules,
  teamEntity,
} from '../../__testUtils__/fixtures';
import { renderMandate } from '../../__testUtils__/renderMandate';

/** The team's services as GET /report answers, their two-pizza result replaced by `result`. */
function servicesWithTwoPizza(result: RuleResult) {
  const page = reportPage();
  return jest.fn().mockResolvedValue({
    ...page,
    items: page.items.map(item => ({
      ...item,
      results: item.results.map(r =>
        r.ruleId === 'ownership.two-pizza-team' ? result : r,
      ),
    })),
  });
}

const tooBig: RuleResult = {
  ruleId: 'ownership.two-pizza-team',
  status: 'fail',
  message: 'group:default/checkout-team has 14 members, more than 12',
  evidence: ['group:default/checkout-team (14 members)'],
  refs: ['group:default/checkout-team'],
};

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
      await screen.findByText('Within the two-pizza limit of 12.'),
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
      api: mockMandateApi({ getReport: servicesWithTwoPizza(tooBig) }),
      entity: big,
    });
    expect(await screen.findByTestId('team-size')).toHaveTextContent(
      '14 / 12 members',
    );
    // The engine's verdict, with the team it names linked under its display name.
    const verdict = await screen.findByTestId('team-size-verdict');
    expect(verdict).toHaveTextContent(
      'checkout-team has 14 members, more than 12',
    );
    expect(screen.getByRole('link', { name: 'checkout-team' })).toHaveAttribute(
      'href',
      '/catalog/default/group/checkout-team',
    );
    expect(screen.getByText('Fail')).toBeInTheDocument();
  });

  it("shows the engine's verdict, not one of its own from the relations it counts", async () => {
    // Three hasMember relations, but the engine (which also counts Users naming the team) fails it.
    await renderMandate(<TeamMandateContent />, {
      api: mockMandateApi({ getReport: servicesWithTwoPizza(tooBig) }),
      entity: teamEntity,
    });
    expect(await screen.findByTestId('team-size-verdict')).toHaveTextContent(
      'more than 12',
    );
    expect(screen.queryByText(/Within the two-pizza limit/)).toBeNull();
    expect(screen.getByText('Fail')).toBeInTheDocument();
  });

  it('says so and gives no verdict when no service of the team is scored', async () => {
    await renderMandate(<TeamMandateContent />, {
      api: mockMandateApi({
        getReport: jest
          .fn()
          .mockResolvedValue({ total: 0, offset: 0, limit: 20, items: [] }),
      }),
      entity: teamEntity,
    });
    expect(await screen.findByTestId('team-size-verdict')).toHaveTextContent(
      'No service is scored for this team',
    );
    expect(screen.getByTestId('team-size')).toHaveTextContent('3 / 12 members');
    expect(screen.queryByText(/Within the two-pizza limit/)).toBeNull();
    expect(screen.queryByText('Pass')).toBeNull();
  });

  it('shows no limit that GET /rules does not give', async () => {
    await renderMandate(<TeamMandateContent />, {
      api: mockMandateApi({
        getRules: jest
          .fn()
          .mockResolvedValue(
            rules.filter(rule => rule.id !== 'ownership.two-pizza-team'),
          ),
      }),
      entity: teamEntity,
    });
    expect(await screen.findByTestId('team-size')).toHaveTextContent(
      /^3 members$/,
    );
    expect(screen.queryByRole('meter')).toBeNull();
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
