import { ApiDefinitions, DefinitionCheck, definitionOf } from '../../apis';
import { api, service } from '../../testUtils/entities';
import { runRule } from '../../testUtils/runRule';
import { specValidRule } from './specValid';

const orders = 'component:default/orders';

describe('interface.spec-valid', () => {
  it('passes when every provided API has a valid definition', () => {
    const catalog = [
      service('orders', { providesApis: ['orders-api', 'events'] }),
      api('orders-api'),
      api('events', {
        type: 'AsyncAPI',
        definition:
          'asyncapi: 2.6.0\ninfo: {title: e, version: 1.0.0}\nchannels:\n  orders: {}\n',
      }),
    ];
    expect(runRule(specValidRule, catalog, orders).status).toBe('pass');
  });

  it('passes with no provided API (nothing to check)', () => {
    expect(runRule(specValidRule, [service('orders')], orders).status).toBe(
      'pass',
    );
  });

  it('fails for an empty definition, an unknown type or a document of the wrong shape', () => {
    const catalog = [
      service('orders', { providesApis: ['empty', 'odd', 'wrong'] }),
      api('empty', { definition: '' }),
      api('odd', { type: 'soap' }),
      api('wrong', {
        definition:
          'openapi: 3.0.0\ninfo: {title: x, version: 1.0.0}\npaths: {}\n',
      }),
    ];
    const outcome = runRule(specValidRule, catalog, orders);
    expect(outcome.status).toBe('fail');
    const evidence = outcome.evidence!.join('\n');
    expect(evidence).toContain('api:default/empty');
    expect(evidence).toContain('api:default/odd');
    expect(evidence).toContain('api:default/wrong');
  });

  it('is error when a definition could not be read, and fail wins over error', () => {
    const unreadable = {
      entity: api('orders-api', { definition: undefined }),
      definitionReadError: 'ENOENT: ./missing.yaml',
    };
    const onlyUnreadable = runRule(
      specValidRule,
      [service('orders', { providesApis: ['orders-api'] }), unreadable],
      orders,
    );
    expect(onlyUnreadable.status).toBe('error');
    expect(onlyUnreadable.evidence!.join('\n')).toContain('missing.yaml');

    const both = runRule(
      specValidRule,
      [
        service('orders', { providesApis: ['orders-api', 'bad'] }),
        unreadable,
        api('bad', { definition: '' }),
      ],
      orders,
    );
    expect(both.status).toBe('fail');
    expect(both.evidence!.join('\n')).toContain('missing.yaml');
  });

  it('aggregates what the analyzer says per API', () => {
    const results: Record<string, DefinitionCheck> = {
      ok: { status: 'pass', evidence: [] },
      broken: { status: 'fail', message: 'no operation', evidence: [] },
    };
    const definitions = new ApiDefinitions();
    jest
      .spyOn(definitions, 'specValidity')
      .mockImplementation(entity => results[definitionOf(entity)]);
    const catalog = [
      service('orders', { providesApis: ['a', 'b'] }),
      api('a', { definition: 'ok' }),
      api('b', { definition: 'broken' }),
    ];
    const outcome = runRule(specValidRule, catalog, orders, { definitions });
    expect(outcome).toMatchObject({
      status: 'fail',
      evidence: ['api:default/b: no operation'],
    });
  });
});
