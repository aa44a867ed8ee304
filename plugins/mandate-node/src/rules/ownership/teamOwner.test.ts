import { parseAllDocuments } from 'yaml';
import { runFixedRule } from '../../testUtils/runFixedRule';
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

describe('ownership.team-owner fix', () => {
  it('gives the service to the team that carries its pager', () => {
    const catalog = [
      service(
        'orders',
        { owner: 'engineering' },
        { 'mandate.dev/on-call': 'team-b' },
      ),
      team('engineering', ['a'], { type: 'department' }),
      team('team-b'),
    ];
    const { before, after, edit } = runFixedRule(
      teamOwnerRule,
      catalog,
      orders,
    );
    expect(before.fix!.text).toContain(
      'group:default/team-b carries the pager',
    );
    expect(edit).toEqual({ spec: { owner: 'group:default/team-b' } });
    expect(after.status).toBe('pass');
  });

  it("is a decision without an on-call team: make the group a team, or give it to one of the group's children", () => {
    const catalog = [
      service('orders', { owner: 'engineering' }),
      team('engineering', ['a'], {
        type: 'department',
        children: ['web-team', 'data-team'],
      }),
    ];
    const fix = runRule(teamOwnerRule, catalog, orders).fix!;
    expect(fix.decision).toBe(true);
    expect(fix.entityRef).toBe('group:default/engineering');
    expect(parseAllDocuments(fix.snippet).map(d => d.toJS())).toEqual([
      { spec: { type: 'team' } },
      { spec: { owner: 'group:default/web-team' } },
    ]);
    expect(fix.snippet).toContain(
      'group:default/web-team, group:default/data-team',
    );
  });

  it("offers a user's teams, or registers a missing owner as a team", () => {
    const byUser = runRule(
      teamOwnerRule,
      [service('orders', { owner: 'user:alice' }), user('alice', ['team-a'])],
      orders,
    ).fix!;
    expect(byUser.decision).toBe(true);
    expect(byUser.snippet).toContain('owner: group:default/team-a');
    const missing = runRule(
      teamOwnerRule,
      [service('orders', { owner: 'ghosts' })],
      orders,
    ).fix!;
    expect(parseAllDocuments(missing.snippet)[0].toJS()).toMatchObject({
      kind: 'Group',
      metadata: { name: 'ghosts' },
      spec: { type: 'team' },
    });
    const none = runRule(
      teamOwnerRule,
      [service('orders', { owner: '' })],
      orders,
    ).fix!;
    expect(none.snippet).toContain('owner: group:default/orders-team');
  });
});
