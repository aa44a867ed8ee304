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
