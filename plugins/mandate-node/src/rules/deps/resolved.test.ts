import { runFixedRule } from '../../testUtils/runFixedRule';
import { api, resource, service, team } from '../../testUtils/entities';
import { runRule } from '../../testUtils/runRule';
import { resolvedRule } from './resolved';

const orders = 'component:default/orders';

describe('deps.resolved', () => {
  it('passes when every ref resolves to any existing entity', () => {
    const catalog = [
      service('orders', {
        dependsOn: ['resource:db', 'group:team-a'],
        consumesApis: 'payments-api',
        providesApis: ['orders-api'],
      }),
      resource('db', 'database'),
      team('team-a'),
      api('payments-api'),
      api('orders-api'),
    ];
    expect(runRule(resolvedRule, catalog, orders).status).toBe('pass');
  });

  it('fails naming each ref that does not resolve or is not a ref', () => {
    const catalog = [
      service('orders', {
        dependsOn: ['payments', 'a:b:c'],
        consumesApis: ['ghost-api'],
        providesApis: ['orders-api'],
      }),
    ];
    const outcome = runRule(resolvedRule, catalog, orders);
    expect(outcome.status).toBe('fail');
    expect(outcome.evidence).toEqual([
      'spec.dependsOn: component:default/payments does not exist',
      'spec.dependsOn: "a:b:c" is not an entity ref',
      'spec.consumesApis: api:default/ghost-api does not exist',
      'spec.providesApis: api:default/orders-api does not exist',
    ]);
  });
});

describe('deps.resolved fix', () => {
  it('drops the refs that do not resolve from each list, keeping the others as written', () => {
    const catalog = [
      service('orders', {
        dependsOn: ['resource:db', 'component:gone', 'a:b:c'],
        consumesApis: 'missing-api',
        providesApis: ['orders-api'],
      }),
      resource('db', 'database'),
      api('orders-api'),
    ];
    const { before, edit, after } = runFixedRule(resolvedRule, catalog, orders);
    expect(before.fix!.text).toContain(
      'component:default/gone, api:default/missing-api',
    );
    expect(edit).toEqual({
      spec: { dependsOn: ['resource:db'], consumesApis: [] },
    });
    expect(after.status).toBe('pass');
  });
});
