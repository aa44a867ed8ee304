import { runFixedRule } from '../../testUtils/runFixedRule';
import { service, team } from '../../testUtils/entities';
import { runRule } from '../../testUtils/runRule';
import { onCallRule } from './onCall';

const orders = 'component:default/orders';
const onCall = (value: string) => ({ 'mandate.dev/on-call': value });

describe('ownership.on-call', () => {
  it('passes when the on-call group is the owning team', () => {
    const catalog = [service('orders', {}, onCall('team-a')), team('team-a')];
    expect(runRule(onCallRule, catalog, orders).status).toBe('pass');
    const full = [
      service('orders', {}, onCall('Group:Default/Team-A')),
      team('team-a'),
    ];
    expect(runRule(onCallRule, full, orders).status).toBe('pass');
  });

  it.each([
    ['not set', [service('orders'), team('team-a')]],
    ['blank', [service('orders', {}, onCall('  ')), team('team-a')]],
    [
      'another team',
      [service('orders', {}, onCall('team-b')), team('team-a'), team('team-b')],
    ],
    [
      'a group that does not exist',
      [service('orders', {}, onCall('team-x')), team('team-a')],
    ],
    ['not a ref', [service('orders', {}, onCall('a:b:c')), team('team-a')]],
    [
      'set but the owner is not a team',
      [service('orders', {}, onCall('team-a'))],
    ],
  ])('fails when it is %s', (_, catalog) => {
    expect(runRule(onCallRule, catalog, orders).status).toBe('fail');
  });
});

describe('ownership.on-call fix', () => {
  it('names the owning team as the on-call group', () => {
    for (const value of [undefined, 'team-b', 'missing', 'a:b:c']) {
      const catalog = [
        service('orders', {}, value ? onCall(value) : {}),
        team('team-a'),
        team('team-b'),
      ];
      const { edit, after } = runFixedRule(onCallRule, catalog, orders);
      expect(edit).toEqual({
        metadata: {
          annotations: { 'mandate.dev/on-call': 'group:default/team-a' },
        },
      });
      expect(after.status).toBe('pass');
    }
  });

  it('makes the on-call team the owner when the owner is not a team', () => {
    const catalog = [
      service('orders', { owner: 'engineering' }, onCall('team-b')),
      team('engineering', ['a'], { type: 'department' }),
      team('team-b'),
    ];
    const { edit, after } = runFixedRule(onCallRule, catalog, orders);
    expect(edit).toEqual({ spec: { owner: 'group:default/team-b' } });
    expect(after.status).toBe('pass');
  });
});
