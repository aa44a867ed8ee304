import { parseAllDocuments } from 'yaml';
import { runFixedRule } from '../../testUtils/runFixedRule';
import { service, team, user } from '../../testUtils/entities';
import { runRule } from '../../testUtils/runRule';
import { twoPizzaTeamRule } from './twoPizzaTeam';

const orders = 'component:default/orders';
const people = (n: number) => Array.from({ length: n }, (_, i) => `user-${i}`);

describe('ownership.two-pizza-team', () => {
  it('passes with 1 to 16 members', () => {
    expect(
      runRule(
        twoPizzaTeamRule,
        [service('orders'), team('team-a', ['a'])],
        orders,
      ).status,
    ).toBe('pass');
    expect(
      runRule(
        twoPizzaTeamRule,
        [service('orders'), team('team-a', people(16))],
        orders,
      ).status,
    ).toBe('pass');
  });

  it('fails with more than maxMembers members, counting users who name the team', () => {
    const catalog = [
      service('orders'),
      team('team-a', people(15)),
      user('extra-1', ['team-a']),
      user('user-0', ['team-a']), // already listed: counted once
      user('extra-2', 'team-a'), // a scalar memberOf is a one-element list
    ];
    const outcome = runRule(twoPizzaTeamRule, catalog, orders);
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain('17 members');
    expect(outcome.refs).toEqual(['group:default/team-a']);
  });

  it('honours a configured maxMembers', () => {
    const catalog = [service('orders'), team('team-a', people(5))];
    expect(
      runRule(twoPizzaTeamRule, catalog, orders, { options: { maxMembers: 4 } })
        .status,
    ).toBe('fail');
  });

  it('fails for a team without members', () => {
    expect(
      runRule(twoPizzaTeamRule, [service('orders'), team('team-a', [])], orders)
        .status,
    ).toBe('fail');
  });

  it('does not count members of child groups', () => {
    const catalog = [
      service('orders'),
      team('team-a', []),
      team('child', ['bob'], { parent: 'team-a' }),
    ];
    expect(runRule(twoPizzaTeamRule, catalog, orders).status).toBe('fail');
  });

  it('fails (not not-applicable) when the owner is not an existing team', () => {
    expect(runRule(twoPizzaTeamRule, [service('orders')], orders).status).toBe(
      'fail',
    );
    const department = [
      service('orders'),
      team('team-a', ['a'], { type: 'department' }),
    ];
    expect(runRule(twoPizzaTeamRule, department, orders).status).toBe('fail');
  });
});

describe('ownership.two-pizza-team fix', () => {
  it('splits a large team into teams of at most maxMembers, naming who goes where', () => {
    const catalog = [
      service('orders'),
      team('team-a', people(5), { parent: 'engineering' }),
    ];
    const fix = runRule(twoPizzaTeamRule, catalog, orders, {
      options: { maxMembers: 2 },
    }).fix!;
    expect(fix.decision).toBe(true);
    expect(fix.entityRef).toBe('group:default/team-a');
    const docs = parseAllDocuments(fix.snippet).map(d => d.toJS());
    expect(docs).toEqual([
      { spec: { members: ['user-0', 'user-1'] } },
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name: 'team-a-2' },
        spec: {
          type: 'team',
          parent: 'engineering',
          children: [],
          members: ['user-2', 'user-3'],
        },
      },
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name: 'team-a-3' },
        spec: {
          type: 'team',
          parent: 'engineering',
          children: [],
          members: ['user-4'],
        },
      },
    ]);
    expect(fix.text).toContain('5 members is more than 2');
  });

  it('gives the service to its on-call team when the owner is not a team and that team is small enough', () => {
    const catalog = [
      service(
        'orders',
        { owner: 'engineering' },
        { 'mandate.dev/on-call': 'team-b' },
      ),
      team('engineering', [], { type: 'department' }),
      team('team-b', ['bob']),
    ];
    const { edit, after } = runFixedRule(twoPizzaTeamRule, catalog, orders);
    expect(edit).toEqual({ spec: { owner: 'group:default/team-b' } });
    expect(after.status).toBe('pass');
    const tooBig = [catalog[0], catalog[1], team('team-b', people(20))];
    expect(runRule(twoPizzaTeamRule, tooBig, orders).fix!.decision).toBe(true);
  });

  it('asks for the members of an empty team', () => {
    const fix = runRule(
      twoPizzaTeamRule,
      [service('orders'), team('team-a', [])],
      orders,
    ).fix!;
    expect(fix).toMatchObject({
      decision: true,
      entityRef: 'group:default/team-a',
    });
    expect(fix.text).toContain("group:default/team-a's spec.members");
  });
});
