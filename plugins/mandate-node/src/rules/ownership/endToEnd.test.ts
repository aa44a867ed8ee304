import { runFixedRule } from '../../testUtils/runFixedRule';
import { runRule as run } from '../../testUtils/runRule';
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

describe('ownership.end-to-end fix', () => {
  it("reads another team's database through the APIs of that team's service using it", () => {
    const catalog = [
      service('reporting', {
        dependsOn: ['resource:orders-db', 'resource:reports-db'],
      }),
      resource('reports-db', 'database'),
      resource('orders-db', 'database', { owner: 'team-b' }),
      service('orders', {
        owner: 'team-b',
        dependsOn: ['resource:orders-db'],
        providesApis: ['orders-api', 'order-events'],
      }),
      api('orders-api', { owner: 'team-b' }),
      api('order-events', { owner: 'team-b' }),
    ];
    const { before, edit, after } = runFixedRule(
      endToEndRule,
      catalog,
      'component:default/reporting',
    );
    expect(before.fix!.text).toContain('resource:default/orders-db');
    expect(edit).toEqual({
      spec: {
        dependsOn: ['resource:reports-db'],
        consumesApis: ['api:default/orders-api', 'api:default/order-events'],
      },
    });
    expect(after.status).toBe('pass');
  });

  it('is a decision for an API another team owns: stop providing it, or the API becomes ours', () => {
    const catalog = [
      service('orders', { providesApis: ['orders-api', 'legacy-api'] }),
      api('orders-api'),
      api('legacy-api', { owner: 'team-b' }),
    ];
    const fix = run(endToEndRule, catalog, orders).fix!;
    expect(fix.decision).toBe(true);
    expect(fix.snippet).toContain('providesApis:\n    - orders-api\n');
    expect(fix.snippet).toContain(
      'in api:default/legacy-api: it becomes group:default/team-a',
    );
  });
});
