import { screen } from '@testing-library/react';
import { WaiversPage } from './WaiversPage';
import { mockMandateApi, waiverFixture } from '../../__testUtils__/fixtures';
import { renderMandate } from '../../__testUtils__/renderMandate';

// Its own file: usePermission caches decisions per permission for the life of the module.
describe('WaiversPage for a user who may neither approve nor revoke', () => {
  it('shows the waivers without Approve, Deny or Revoke, asking per service', async () => {
    const asked: { name: string; resourceRef?: string }[] = [];
    await renderMandate(<WaiversPage />, {
      api: mockMandateApi({
        listWaivers: jest.fn().mockResolvedValue([
          waiverFixture({
            id: 'w-req',
            state: 'requested',
            reason: 'rota being agreed',
          }),
          waiverFixture({
            id: 'w-act',
            ruleId: 'ops.dashboard',
            reason: 'dashboards move',
          }),
        ]),
      }),
      allow: (name, resourceRef) => {
        if (name.startsWith('mandate.')) asked.push({ name, resourceRef });
        return !name.startsWith('mandate.');
      },
      mountPath: '/mandate/waivers',
      initialRouteEntries: ['/mandate/waivers'],
    });
    await screen.findByText('rota being agreed');
    expect(screen.getByText('dashboards move')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Approve/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Deny/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Revoke/ })).toBeNull();
    expect(asked).toContainEqual({
      name: 'mandate.waiver.approve',
      resourceRef: 'component:default/orders',
    });
  });
});
