import { api } from '../../testUtils/entities';
import { runFixedRule } from '../../testUtils/runFixedRule';
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

describe('data.no-foreign-database fix', () => {
  it("reads the other team's database through its service's API", () => {
    const catalog = [
      service('orders', {
        dependsOn: ['resource:orders-db', 'resource:stock-db'],
      }),
      resource('orders-db', 'database'),
      resource('stock-db', 'database', { owner: 'team-b' }),
      service('stock', {
        owner: 'team-b',
        dependsOn: ['resource:stock-db'],
        providesApis: ['stock-api'],
      }),
      api('stock-api', { owner: 'team-b' }),
    ];
    const { edit, after } = runFixedRule(
      noForeignDatabaseRule,
      catalog,
      orders,
    );
    expect(edit).toEqual({
      spec: {
        dependsOn: ['resource:orders-db'],
        consumesApis: ['api:default/stock-api'],
      },
    });
    expect(after.status).toBe('pass');
  });

  it('is a decision when no service of its owner offers the data: let go of it, or it becomes ours', () => {
    const catalog = [
      service('orders', { dependsOn: ['resource:stock-db'] }),
      resource('stock-db', 'database', { owner: 'team-b' }),
    ];
    const fix = runRule(noForeignDatabaseRule, catalog, orders).fix!;
    expect(fix.decision).toBe(true);
    expect(fix.text).toContain(
      'resource:default/stock-db (owned by group:default/team-b)',
    );
    expect(fix.snippet).toContain(
      "in resource:default/stock-db: it becomes group:default/team-a's",
    );
  });
});
