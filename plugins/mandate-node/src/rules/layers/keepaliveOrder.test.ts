import { runFixedRule } from '../../testUtils/runFixedRule';
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

describe('layers.keepalive-order fix', () => {
  const timeout = (edit: any) =>
    edit.metadata.annotations['mandate.dev/keepalive-timeout'];

  it("moves the service's timeout above its callers' and below its callees'", () => {
    const catalog = [
      resource(
        'lb',
        'load-balancer',
        { dependsOn: ['component:orders'] },
        ka('75'),
      ),
      service('orders', { dependsOn: ['payments'] }, ka('60')),
      service('payments', {}, ka('90')),
    ];
    const { before, edit, after } = runFixedRule(
      keepaliveOrderRule,
      catalog,
      orders,
    );
    expect(timeout(edit)).toBe('82');
    expect(before.fix!.text).toContain(
      'from 60s to 82s: above its callers resource:default/lb (75s) and below its callees component:default/payments (90s)',
    );
    expect(after.status).toBe('pass');
    const onlyCallers = runFixedRule(
      keepaliveOrderRule,
      catalog.slice(0, 2).concat(service('payments')),
      orders,
    );
    expect(timeout(onlyCallers.edit)).toBe('80');
    const narrow = [catalog[0], catalog[1], service('payments', {}, ka('76'))];
    expect(timeout(runFixedRule(keepaliveOrderRule, narrow, orders).edit)).toBe(
      '75.5',
    );
  });

  it('is a decision when the neighbours leave no room or declare no number', () => {
    const noRoom = [
      resource(
        'lb',
        'load-balancer',
        { dependsOn: ['component:orders'] },
        ka('75'),
      ),
      service('orders', { dependsOn: ['payments'] }, ka('60')),
      service('payments', {}, ka('50')),
    ];
    const fix = runRule(keepaliveOrderRule, noRoom, orders).fix!;
    expect(fix.decision).toBe(true);
    expect(fix.snippet).toContain(
      'in resource:default/lb: 55s, below 60s of component:default/orders',
    );
    expect(fix.snippet).toContain(
      'in component:default/payments: 65s, above 60s',
    );
    const notANumber = [
      noRoom[0],
      noRoom[1],
      service('payments', {}, ka('soon')),
    ];
    expect(runRule(keepaliveOrderRule, notANumber, orders).fix!.text).toContain(
      'component:default/payments ("soon") must declare a number',
    );
  });
});
