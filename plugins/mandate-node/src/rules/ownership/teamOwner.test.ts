import { service, team, user } from '../../testUtils/entities';
import { runRule } from '../../testUtils/runRule';
import { teamOwnerRule } from './teamOwner';

const orders = 'component:default/orders';

describe('ownership.team-owner', () => {
  it('passes when the owner is a Group of type team', () => {
    expect(
      runRule(teamOwnerRule, [service('orders'), team('team-a')], orders)
        .status,
    ).toBe('pass');
  });

  it('resolves the owner in the service namespace with default kind group', () => {
    const catalog = [
      service('orders', { owner: 'Team-A' }, {}, 'shop'),
      { ...team('team-a'), metadata: { name: 'team-a', namespace: 'shop' } },
    ];
    expect(
      runRule(teamOwnerRule, catalog, 'component:shop/orders').status,
    ).toBe('pass');
  });

  it.each([
    ['missing owner', [service('orders', { owner: undefined })]],
    ['owner that does not exist', [service('orders')]],
    [
      'owner that is not a ref',
      [service('orders', { owner: 'a:b:c' }), team('team-a')],
    ],
    [
      'owner that is a user',
      [service('orders', { owner: 'user:alice' }), user('alice')],
    ],
    [
      'owner that is a department',
      [service('orders'), team('team-a', [], { type: 'department' })],
    ],
  ])('fails for an %s', (_, catalog) => {
    const outcome = runRule(teamOwnerRule, catalog, orders);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toBeTruthy();
  });
});
