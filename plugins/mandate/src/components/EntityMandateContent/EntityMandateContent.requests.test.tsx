import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EntityMandateContent } from './EntityMandateContent';
import {
  mockMandateApi,
  ordersEntity,
  ordersReport,
  waiverFixture,
} from '../../__testUtils__/fixtures';
import { renderMandate } from '../../__testUtils__/renderMandate';

// Its own file: usePermission caches decisions per permission for the life of the module.
describe('EntityMandateContent for a user who may request but not approve waivers', () => {
  it('requests a waiver when the user may not approve, and shows a pending request as such', async () => {
    const report = ordersReport();
    report.requests = [
      waiverFixture({
        id: 'w-9',
        state: 'requested',
        reason: 'rota being agreed',
        requestedBy: 'user:default/alice',
        grantedBy: '',
        decidedBy: null,
        decidedAt: null,
        expiresAt: '2999-01-01T00:00:00.000Z',
      }),
    ];
    const api = mockMandateApi({
      getEntityReport: jest.fn().mockResolvedValue(report),
    });
    await renderMandate(<EntityMandateContent />, {
      api,
      entity: ordersEntity,
      allow: name => name !== 'mandate.waiver.approve',
    });
    const pending = await screen.findByTestId('waiver-request-ops.runbook');
    expect(pending).toHaveTextContent(
      'Waiver requested by alice until 2999-01-01, awaiting approval: rota being agreed',
    );
    const runbook = screen.getByTestId('rule-ops.runbook');
    // One open request per rule: no second one, and nothing to grant.
    expect(
      within(runbook).queryByRole('button', { name: /waiver of ops.runbook/ }),
    ).not.toBeInTheDocument();
    expect(runbook).toHaveAttribute('data-status', 'fail');

    const other = report.results.find(
      r => r.status === 'fail' && r.ruleId !== 'ops.runbook',
    )!;
    await userEvent.click(
      screen.getByRole('button', {
        name: `Request waiver of ${other.ruleId}`,
      }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Reason/ }),
      'later',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Request waiver' }),
    );
    await waitFor(() =>
      expect(api.createWaiver).toHaveBeenCalledWith(
        expect.objectContaining({ ruleId: other.ruleId, mode: 'request' }),
      ),
    );
  });
});
