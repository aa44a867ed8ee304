import { screen, waitFor } from '@testing-library/react';
import { mandateWaiverCreatePermission } from '@mandate-dev/plugin-mandate-common';
import { EntityMandateContent } from './EntityMandateContent';
import { mockMandateApi, ordersEntity } from '../../__testUtils__/fixtures';
import { renderMandate } from '../../__testUtils__/renderMandate';

// Its own file: usePermission caches decisions per permission for the life of the module.
describe('EntityMandateContent without permissions', () => {
  it('hides Waive and Re-evaluate from users who may not use them', async () => {
    await renderMandate(<EntityMandateContent />, {
      api: mockMandateApi(),
      entity: ordersEntity,
      allow: name =>
        name !== mandateWaiverCreatePermission.name &&
        name !== 'mandate.evaluate',
    });
    await screen.findByTestId('rule-ops.runbook');
    await waitFor(() =>
      expect(
        screen.queryByRole('button', { name: /^(Request|Grant) waiver of / }),
      ).not.toBeInTheDocument(),
    );
    expect(
      screen.queryByRole('button', { name: 'Re-evaluate now' }),
    ).not.toBeInTheDocument();
    // the rule itself, its evidence and remediation stay visible
    expect(
      screen.getByTestId('rule-data.no-foreign-database'),
    ).toHaveTextContent('depends on a database owned by another team');
  });

  it('does not evaluate on its own when the user may not', async () => {
    const api = mockMandateApi({
      getEntityReport: jest.fn().mockResolvedValue(undefined),
    });
    await renderMandate(<EntityMandateContent />, {
      api,
      entity: ordersEntity,
      allow: name =>
        name !== mandateWaiverCreatePermission.name &&
        name !== 'mandate.evaluate',
    });
    expect(await screen.findByText('Not evaluated yet')).toBeInTheDocument();
    expect(api.evaluate).not.toHaveBeenCalled();
  });
});
