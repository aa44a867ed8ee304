import { screen, waitFor, within } from '@testing-library/react';
import { RulePage } from './RulePage';
import { mockMandateApi } from '../../__testUtils__/fixtures';
import { renderMandate } from '../../__testUtils__/renderMandate';

describe('RulePage', () => {
  it('explains the rule and lists the services failing it', async () => {
    const api = mockMandateApi();
    await renderMandate(<RulePage />, {
      api,
      mountPath: '/mandate/rules/:ruleId',
      initialRouteEntries: ['/mandate/rules/ownership.two-pizza-team'],
    });
    expect(
      await screen.findByRole('heading', {
        name: 'Title of ownership.two-pizza-team',
      }),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('region', { name: 'What it checks' })).getByText(
        'Checks ownership.two-pizza-team.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Why' })).toHaveTextContent(
      'Because ownership.two-pizza-team matters.',
    );
    const fix = screen.getByRole('region', { name: 'How to fix it' });
    await waitFor(
      () =>
        expect(fix).toHaveTextContent('# snippet for ownership.two-pizza-team'),
      { timeout: 10_000 },
    );
    expect(screen.getByRole('region', { name: 'Options' })).toHaveTextContent(
      'maxMembers: 12',
    );
    expect(
      await screen.findByRole('link', { name: 'orders' }),
    ).toBeInTheDocument();
    expect(api.getReport).toHaveBeenCalledWith({
      ruleId: 'ownership.two-pizza-team',
      status: 'fail',
      offset: 0,
      limit: 20,
    });
  });

  it('says when the rule does not exist', async () => {
    await renderMandate(<RulePage />, {
      api: mockMandateApi(),
      mountPath: '/mandate/rules/:ruleId',
      initialRouteEntries: ['/mandate/rules/no.such-rule'],
    });
    expect(await screen.findByText('No rule no.such-rule')).toBeInTheDocument();
  });
});
