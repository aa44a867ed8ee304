import { screen } from '@testing-library/react';
import { EntityMandateContent } from './EntityMandateContent';
import { mockMandateApi, ordersEntity } from '../../__testUtils__/fixtures';
import { renderMandate } from '../../__testUtils__/renderMandate';

// Its own file: usePermission caches decisions per permission for the life of the module.
describe('EntityMandateContent under a policy scoped to the owning team', () => {
  it('asks for Mandate permissions on this service, so owners see Waive and Re-evaluate', async () => {
    const asked: (string | undefined)[] = [];
    await renderMandate(<EntityMandateContent />, {
      api: mockMandateApi(),
      entity: ordersEntity,
      // Like isEntityOwner: allowed on the user's own service only, never without a resource.
      allow: (name, resourceRef) => {
        if (!name.startsWith('mandate.')) return true;
        asked.push(resourceRef);
        return resourceRef === 'component:default/orders';
      },
    });
    await screen.findByTestId('rule-ops.runbook');
    expect(
      (
        await screen.findAllByRole('button', {
          name: /^(Request|Grant) waiver of /,
        })
      ).length,
    ).toBeGreaterThan(0);
    expect(
      await screen.findByRole('button', { name: 'Re-evaluate now' }),
    ).toBeInTheDocument();
    expect(new Set(asked)).toEqual(new Set(['component:default/orders']));
  });
});
