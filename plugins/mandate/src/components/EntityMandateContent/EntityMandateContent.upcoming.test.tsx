import { screen, within } from '@testing-library/react';
import { EntityMandateContent } from './EntityMandateContent';
import {
  mockMandateApi,
  ordersEntity,
  ordersReport,
} from '../../__testUtils__/fixtures';
import { renderMandate } from '../../__testUtils__/renderMandate';

describe('EntityMandateContent with a rule a campaign announces', () => {
  it('shows the status as it is, marked "upcoming (enforced from <date>)"', async () => {
    const report = ordersReport();
    const results = report.results.map(result =>
      result.ruleId === 'ops.runbook'
        ? { ...result, upcoming: { enforcedFrom: '2027-01-15' } }
        : result,
    );
    await renderMandate(<EntityMandateContent />, {
      api: mockMandateApi({
        getEntityReport: jest.fn().mockResolvedValue({ ...report, results }),
      }),
      entity: ordersEntity,
    });
    const card = await screen.findByTestId('rule-ops.runbook');
    expect(within(card).getByTestId('upcoming')).toHaveTextContent(
      'upcoming (enforced from 2027-01-15)',
    );
    expect(
      within(await screen.findByTestId('rule-ops.dashboard')).queryByTestId(
        'upcoming',
      ),
    ).not.toBeInTheDocument();
  });
});
