import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { WaiversPage } from './WaiversPage';
import { mockMandateApi, waiverFixture } from '../../__testUtils__/fixtures';
import { renderMandate } from '../../__testUtils__/renderMandate';

const requested = waiverFixture({
  id: 'w-req',
  ruleId: 'ops.runbook',
  reason: 'rota being agreed',
  state: 'requested',
  requestedBy: 'user:default/alice',
  grantedBy: '',
  decidedBy: null,
  decidedAt: null,
  expiresAt: '2999-01-01T23:59:59.000Z',
});
const active = waiverFixture({
  id: 'w-act',
  ruleId: 'ops.dashboard',
  reason: 'dashboards move to the new stack',
  state: 'active',
  requestedBy: 'user:default/alice',
  decidedBy: 'user:default/admin',
  decidedAt: '2026-11-27T10:00:00.000Z',
  expiresAt: '2999-02-01T23:59:59.000Z',
});

async function render(api = mockMandateApi(), url = '/mandate/waivers') {
  await renderMandate(<WaiversPage />, {
    api,
    mountPath: '/mandate/waivers',
    initialRouteEntries: [url],
  });
  return api;
}

describe('WaiversPage', () => {
  it('lists each waiver with its service, rule, reason, state, requester, decider and expiry', async () => {
    const api = mockMandateApi({
      listWaivers: jest.fn().mockResolvedValue([requested, active]),
    });
    await render(api);
    const rows = await screen.findAllByRole('row');
    const row = rows.find(r => r.textContent?.includes('rota being agreed'))!;
    expect(within(row).getByRole('link', { name: 'orders' })).toHaveAttribute(
      'href',
      '/catalog/default/component/orders',
    );
    expect(
      within(row).getByRole('link', { name: 'Title of ops.runbook' }),
    ).toHaveAttribute('href', '/mandate/rules/ops.runbook');
    expect(row).toHaveTextContent('Requested');
    expect(within(row).getByRole('link', { name: 'alice' })).toBeVisible();
    expect(row).toHaveTextContent('2999-01-01');
    const granted = rows.find(r => r.textContent?.includes('new stack'))!;
    expect(granted).toHaveTextContent('Active');
    expect(granted).toHaveTextContent('admin on 2026-11-27');
    expect(api.listWaivers).toHaveBeenCalledWith({
      state: undefined,
      owner: undefined,
      ruleId: undefined,
    });
  });

  it('filters by state, team and rule through the query string', async () => {
    const api = await render(
      mockMandateApi(),
      '/mandate/waivers?state=expiring&owner=group:default/checkout-team',
    );
    await waitFor(() =>
      expect(api.listWaivers).toHaveBeenCalledWith({
        state: 'expiring',
        owner: 'group:default/checkout-team',
        ruleId: undefined,
      }),
    );
    expect(
      await screen.findByText('No waiver matches these filters.'),
    ).toBeInTheDocument();

    const filters = screen.getByLabelText('Filters');
    await userEvent.click(within(filters).getAllByRole('button')[0]); // State
    await userEvent.click(
      await screen.findByRole('option', { name: 'Requested' }),
    );
    await waitFor(() =>
      expect(api.listWaivers).toHaveBeenLastCalledWith(
        expect.objectContaining({
          state: 'requested',
          owner: 'group:default/checkout-team',
        }),
      ),
    );
    await userEvent.click(within(filters).getAllByRole('button')[2]); // Rule
    await userEvent.click(
      await screen.findByRole('option', { name: 'Title of ops.runbook' }),
    );
    await waitFor(() =>
      expect(api.listWaivers).toHaveBeenLastCalledWith(
        expect.objectContaining({ ruleId: 'ops.runbook' }),
      ),
    );
  });

  it('approves a request with a comment and reloads the list', async () => {
    const api = mockMandateApi({
      listWaivers: jest.fn().mockResolvedValue([requested]),
    });
    await render(api);
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Approve waiver of ops.runbook of component:default/orders',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('rota being agreed');
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Comment/ }),
      'ok until January',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Approve request' }),
    );
    await waitFor(() =>
      expect(api.approveWaiver).toHaveBeenCalledWith(
        'w-req',
        'ok until January',
      ),
    );
    await waitFor(() => expect(api.listWaivers).toHaveBeenCalledTimes(2));
    expect(await screen.findByTestId('waiver-done')).toHaveTextContent(
      'Approved the waiver of ops.runbook for orders',
    );
  });

  it('denies a request, and shows why when the server refuses', async () => {
    const api = mockMandateApi({
      listWaivers: jest.fn().mockResolvedValue([requested]),
      denyWaiver: jest
        .fn()
        .mockRejectedValue(new Error('it is active, not requested')),
    });
    await render(api);
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Deny waiver of ops.runbook of component:default/orders',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Deny request' }),
    );
    expect(
      await within(dialog).findByText('it is active, not requested'),
    ).toBeInTheDocument();
    expect(api.denyWaiver).toHaveBeenCalledWith('w-req', undefined);
  });

  it('revokes an active waiver only after a confirmation', async () => {
    const api = mockMandateApi({
      listWaivers: jest.fn().mockResolvedValue([requested, active]),
    });
    await render(api);
    // A request is decided, not revoked.
    await screen.findByText('rota being agreed');
    expect(
      screen.queryByRole('button', {
        name: 'Revoke waiver of ops.runbook of component:default/orders',
      }),
    ).toBeNull();
    await userEvent.click(
      screen.getByRole('button', {
        name: 'Revoke waiver of ops.dashboard of component:default/orders',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Revoke this waiver?');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Cancel' }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.revokeWaiver).not.toHaveBeenCalled();

    await userEvent.click(
      screen.getByRole('button', {
        name: 'Revoke waiver of ops.dashboard of component:default/orders',
      }),
    );
    await userEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', {
        name: 'Revoke waiver',
      }),
    );
    await waitFor(() => expect(api.revokeWaiver).toHaveBeenCalledWith('w-act'));
    await waitFor(() => expect(api.listWaivers).toHaveBeenCalledTimes(2));
  });

  it('says so when there are no waivers yet', async () => {
    await render();
    expect(
      await screen.findByText(/No waiver has been requested yet/),
    ).toBeInTheDocument();
  });

  it('shows the error when the waivers cannot be loaded', async () => {
    await render(
      mockMandateApi({
        listWaivers: jest.fn().mockRejectedValue(new Error('backend down')),
      }),
    );
    expect(
      await screen.findByText('Mandate could not load this'),
    ).toBeInTheDocument();
  });
});
