import { api, resource, service } from '../../testUtils/entities';
import { runRule } from '../../testUtils/runRule';
import { endToEndRule } from './endToEnd';

const orders = 'component:default/orders';

describe('ownership.end-to-end', () => {
  it('passes when APIs and databases have the service owner', () => {
    const catalog = [
      service('orders', {
        providesApis: ['orders-api'],
        dependsOn: ['resource:orders-db'],
      }),
      api('orders-api'),
      resource('orders-db', 'database', { owner: 'group:default/team-a' }),
    ];
    expect(runRule(endToEndRule, catalog, orders).status).toBe('pass');
  });

  it('passes with nothing to check', () => {
    expect(runRule(endToEndRule, [service('orders')], orders).status).toBe(
      'pass',
    );
  });

  it('fails naming the API or database owned by someone else', () => {
    const catalog = [
      service('orders', {
        providesApis: ['orders-api'],
        dependsOn: ['resource:orders-db', 'resource:cache'],
      }),
      api('orders-api', { owner: 'team-b' }),
      resource('orders-db', 'database'),
      resource('cache', 'cache', { owner: 'team-b' }), // not a database: not judged
    ];
    const outcome = runRule(endToEndRule, catalog, orders);
    expect(outcome.status).toBe('fail');
    expect(outcome.evidence).toEqual([
      'api:default/orders-api is owned by group:default/team-b',
    ]);
  });

  it('ignores refs that do not resolve', () => {
    const catalog = [
      service('orders', {
        providesApis: ['ghost'],
        dependsOn: ['resource:ghost-db'],
      }),
    ];
    expect(runRule(endToEndRule, catalog, orders).status).toBe('pass');
  });
});
