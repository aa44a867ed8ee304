import { parseAllDocuments } from 'yaml';
import { runFixedRule } from '../../testUtils/runFixedRule';
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

describe('interface.provides-api fix', () => {
  it('is a decision to design an API named after the service, owned by its team', () => {
    const fix = runRule(providesApiRule, [service('orders')], orders).fix!;
    expect(fix.decision).toBe(true);
    const [own, entity] = parseAllDocuments(fix.snippet).map(d => d.toJS());
    expect(own).toEqual({ spec: { providesApis: ['api:default/orders-api'] } });
    expect(entity).toMatchObject({
      kind: 'API',
      metadata: { name: 'orders-api' },
      spec: {
        owner: 'group:default/team-a',
        definition: { $text: './orders-api.yaml' },
      },
    });
  });

  it('drops refs that are not APIs when real ones remain', () => {
    const catalog = [
      service('orders', {
        providesApis: ['orders-api', 'resource:orders-db', 'a:b:c'],
      }),
      api('orders-api'),
      resource('orders-db', 'database'),
    ];
    const { edit, after } = runFixedRule(providesApiRule, catalog, orders);
    expect(edit).toEqual({ spec: { providesApis: ['orders-api'] } });
    expect(after.status).toBe('pass');
  });

  it('offers to register a missing API or drop it', () => {
    const catalog = [
      service('orders', { providesApis: ['orders-api', 'admin-api'] }),
      api('orders-api'),
    ];
    const fix = runRule(providesApiRule, catalog, orders).fix!;
    expect(fix.decision).toBe(true);
    expect(parseAllDocuments(fix.snippet).map(d => d.toJS())).toEqual([
      { spec: { providesApis: ['orders-api'] } },
      expect.objectContaining({ kind: 'API', metadata: { name: 'admin-api' } }),
    ]);
  });
});
