import { api, resource, service } from '../../testUtils/entities';
import { runRule } from '../../testUtils/runRule';
import { providesApiRule } from './providesApi';

const orders = 'component:default/orders';

describe('interface.provides-api', () => {
  it('passes when every provided API exists', () => {
    const catalog = [
      service('orders', { providesApis: 'orders-api' }),
      api('orders-api'),
    ];
    expect(runRule(providesApiRule, catalog, orders).status).toBe('pass');
  });

  it('fails when no API is provided', () => {
    expect(runRule(providesApiRule, [service('orders')], orders).status).toBe(
      'fail',
    );
    expect(
      runRule(
        providesApiRule,
        [service('orders', { providesApis: [] })],
        orders,
      ).status,
    ).toBe('fail');
  });

  it('fails naming missing APIs, non-refs and refs to non-API entities', () => {
    const catalog = [
      service('orders', {
        providesApis: [
          'orders-api',
          'ghost-api',
          'a:b:c',
          'resource:orders-db',
        ],
      }),
      api('orders-api'),
      resource('orders-db', 'database'),
    ];
    const outcome = runRule(providesApiRule, catalog, orders);
    expect(outcome.status).toBe('fail');
    expect(outcome.evidence).toEqual([
      'api:default/ghost-api does not exist',
      '"a:b:c" is not an entity ref',
      'resource:default/orders-db is a Resource, not an API',
    ]);
  });
});
