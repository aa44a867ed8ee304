import { resource, service } from '../../testUtils/entities';
import { runRule } from '../../testUtils/runRule';
import { noForeignDatabaseRule } from './noForeignDatabase';

const orders = 'component:default/orders';

describe('data.no-foreign-database', () => {
  it('passes with own databases only', () => {
    const catalog = [
      service('orders', { dependsOn: 'resource:orders-db' }),
      resource('orders-db', 'database'),
    ];
    expect(runRule(noForeignDatabaseRule, catalog, orders).status).toBe('pass');
  });

  it("fails on another team's database, and on one without an owner", () => {
    const catalog = [
      service('orders', {
        dependsOn: ['resource:billing-db', 'resource:orphan-db'],
      }),
      resource('billing-db', 'database', { owner: 'team-b' }),
      resource('orphan-db', 'database', { owner: undefined }),
    ];
    const outcome = runRule(noForeignDatabaseRule, catalog, orders);
    expect(outcome.status).toBe('fail');
    expect(outcome.evidence).toEqual([
      'resource:default/billing-db is owned by group:default/team-b',
      'resource:default/orphan-db is owned by nobody',
    ]);
    expect(outcome.refs).toEqual([
      'resource:default/billing-db',
      'group:default/team-b',
      'resource:default/orphan-db',
    ]);
  });

  it('ignores non-database resources and unresolved refs', () => {
    const catalog = [
      service('orders', { dependsOn: ['resource:queue', 'resource:ghost'] }),
      resource('queue', 'queue', { owner: 'team-b' }),
    ];
    expect(runRule(noForeignDatabaseRule, catalog, orders).status).toBe('pass');
  });
});
