import { resource, service } from '../../testUtils/entities';
import { runRule } from '../../testUtils/runRule';
import { keepaliveOrderRule } from './keepaliveOrder';

const orders = 'component:default/orders';
const ka = (seconds: string) => ({ 'mandate.dev/keepalive-timeout': seconds });

describe('layers.keepalive-order', () => {
  it('is not applicable without an edge where both ends declare a timeout', () => {
    const catalog = [
      service('orders', { dependsOn: ['resource:db'] }, ka('60')),
      resource('db', 'database'),
      service('gateway', { type: 'gateway', dependsOn: ['orders'] }),
    ];
    expect(runRule(keepaliveOrderRule, catalog, orders).status).toBe(
      'not-applicable',
    );
  });

  it('passes when callers time out strictly before callees, in and out', () => {
    const catalog = [
      resource(
        'lb',
        'load-balancer',
        { dependsOn: ['component:gateway'] },
        ka('30'),
      ),
      service('gateway', { type: 'gateway', dependsOn: ['orders'] }, ka('60')),
      service('orders', { dependsOn: ['payments'] }, ka('75')),
      service('payments', {}, ka('90.5')),
    ];
    expect(runRule(keepaliveOrderRule, catalog, orders).status).toBe('pass');
  });

  it('fails on equal timeouts, inverted ones and non-numeric values', () => {
    const catalog = [
      service('gateway', { type: 'gateway', dependsOn: ['orders'] }, ka('75')),
      service('orders', { dependsOn: ['payments', 'stock'] }, ka('75')),
      service('payments', {}, ka('60')),
      service('stock', {}, ka('a minute')),
    ];
    const outcome = runRule(keepaliveOrderRule, catalog, orders);
    expect(outcome.status).toBe('fail');
    expect(outcome.evidence).toHaveLength(3);
  });

  it('does not use consumed-API edges', () => {
    const catalog = [
      service('orders', { consumesApis: ['payments-api'] }, ka('90')),
      service('payments', { providesApis: ['payments-api'] }, ka('60')),
    ];
    expect(runRule(keepaliveOrderRule, catalog, orders).status).toBe(
      'not-applicable',
    );
  });
});
