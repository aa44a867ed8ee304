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
