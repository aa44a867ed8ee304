import { parseAllDocuments } from 'yaml';
import { api } from '../../testUtils/entities';
import { runFixedRule } from '../../testUtils/runFixedRule';
import { resource, service } from '../../testUtils/entities';
import { runRule } from '../../testUtils/runRule';
import { databasePerServiceRule } from './databasePerService';

const orders = 'component:default/orders';

describe('data.database-per-service', () => {
  it('passes when nobody else uses its database', () => {
    const catalog = [
      service('orders', { dependsOn: ['resource:orders-db'] }),
      resource('orders-db', 'database', { dependsOn: ['resource:cluster'] }),
      resource('cluster', 'database-cluster'),
    ];
    expect(runRule(databasePerServiceRule, catalog, orders).status).toBe(
      'pass',
    );
  });

  it('fails when another Component of any type uses the same database', () => {
    const catalog = [
      service('orders', { dependsOn: ['resource:orders-db'] }),
      service('reporting-job', {
        type: 'batch',
        dependsOn: ['resource:orders-db'],
      }),
      resource('orders-db', 'database'),
    ];
    const outcome = runRule(databasePerServiceRule, catalog, orders);
    expect(outcome.status).toBe('fail');
    expect(outcome.evidence).toEqual([
      'resource:default/orders-db is also used by component:default/reporting-job',
    ]);
  });
});

describe('data.database-per-service fix', () => {
  const shared = () => [
    service('orders', {
      dependsOn: ['resource:orders-db'],
      providesApis: ['orders-api'],
    }),
    api('orders-api'),
    service('reporting', {
      owner: 'team-b',
      dependsOn: ['resource:orders-db'],
    }),
    resource('orders-db', 'database'),
  ];

  it("has the other team's component read the owner's database through its API", () => {
    const { before, edit, after } = runFixedRule(
      databasePerServiceRule,
      shared(),
      orders,
    );
    expect(before.fix!.entityRef).toBe('component:default/reporting');
    expect(edit).toEqual({
      spec: { dependsOn: [], consumesApis: ['api:default/orders-api'] },
    });
    expect(after.status).toBe('pass');
  });

  it('has this service let go of a database another team owns', () => {
    const { before, after } = runFixedRule(
      databasePerServiceRule,
      shared(),
      'component:default/reporting',
    );
    expect(before.fix!.entityRef).toBeUndefined();
    expect(after.status).toBe('pass');
  });

  it('is a decision between two services of the same team: a database of its own, or one service', () => {
    const catalog = [
      service('orders', { dependsOn: ['resource:orders-db'] }),
      service('billing', { dependsOn: ['resource:orders-db'] }),
      resource('orders-db', 'database', { dependsOn: ['resource:cluster'] }),
      resource('cluster', 'database-cluster'),
    ];
    const fix = runRule(databasePerServiceRule, catalog, orders).fix!;
    expect(fix.decision).toBe(true);
    expect(parseAllDocuments(fix.snippet).map(d => d.toJS())).toEqual([
      { spec: { dependsOn: ['resource:default/orders-orders-db'] } },
      expect.objectContaining({
        kind: 'Resource',
        metadata: { name: 'orders-orders-db' },
        spec: {
          type: 'database',
          owner: 'group:default/team-a',
          dependsOn: ['resource:default/cluster'],
        },
      }),
    ]);
  });
});
