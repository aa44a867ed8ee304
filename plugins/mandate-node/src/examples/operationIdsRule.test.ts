import fs from 'node:fs';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { CatalogSnapshot } from '../catalog';
import { readMandateConfig } from '../config';
import { evaluateCatalog } from '../engine';
import { MandateRuleRegistry } from '../extensions';
import { api, service } from '../testUtils/entities';
import { operationIdsRule } from './operationIdsRule';

const definition = (getId: string) => `
openapi: 3.0.3
info: { title: orders, version: 1.0.0 }
paths:
  /orders:
    get: { ${getId} responses: { '200': { description: ok } } }
    post: { operationId: createOrder, responses: { '201': { description: created } } }
`;

/** The acme.operation-ids result of every service, evaluated as the backend would. */
function results(
  entities: Parameters<typeof CatalogSnapshot.fromEntities>[0],
  mandate: object = {},
) {
  const registry = new MandateRuleRegistry();
  registry.addRules(operationIdsRule);
  const report = evaluateCatalog({
    snapshot: CatalogSnapshot.fromEntities(entities),
    config: readMandateConfig(new ConfigReader({ mandate }), registry.rules),
    now: new Date('2026-12-01T00:00:00Z'),
    rules: registry.rules,
  });
  return Object.fromEntries(
    report.entities.map(entity => [
      entity.entityRef,
      entity.results.find(result => result.ruleId === 'acme.operation-ids'),
    ]),
  );
}

describe('the README example rule acme.operation-ids', () => {
  it('is the code the README quotes', () => {
    const readme = fs.readFileSync(
      path.resolve(__dirname, '../../README.md'),
      'utf8',
    );
    const quoted = readme.split(
      '<!-- example: src/examples/operationIdsRule.ts -->\n\n```ts\n',
    )[1];
    expect(quoted).toBeDefined();
    expect(quoted.split('```\n')[0]).toBe(
      fs.readFileSync(path.resolve(__dirname, 'operationIdsRule.ts'), 'utf8'),
    );
  });

  it('fails operations without an operationId, naming the operation and the API', () => {
    expect(
      results([
        service('orders', { providesApis: ['orders-api'] }),
        api('orders-api', { definition: definition('') }),
      ])['component:default/orders'],
    ).toEqual({
      ruleId: 'acme.operation-ids',
      status: 'fail',
      message: '1 of 1 API fails: operations without a proper operationId',
      evidence: ['api:default/orders-api: GET /orders: no operationId'],
      refs: ['api:default/orders-api'],
    });
  });

  it('passes when every operation has one, and is not applicable without an OpenAPI API', () => {
    const verdicts = results([
      service('orders', { providesApis: ['orders-api'] }),
      api('orders-api', { definition: definition('operationId: listOrders,') }),
      service('events', { providesApis: ['events-api'] }),
      api('events-api', {
        type: 'asyncapi',
        definition: 'asyncapi: 2.6.0\nchannels: {a: {}}',
      }),
    ]);
    expect(verdicts['component:default/orders']).toEqual({
      ruleId: 'acme.operation-ids',
      status: 'pass',
    });
    expect(verdicts['component:default/events']).toMatchObject({
      status: 'not-applicable',
    });
  });

  it('reads its pattern from mandate.rules.acme.operation-ids', () => {
    const verdict = results(
      [
        service('orders', { providesApis: ['orders-api'] }),
        api('orders-api', {
          definition: definition('operationId: listOrders,'),
        }),
      ],
      { rules: { acme: { 'operation-ids': { pattern: '^[a-z]+$' } } } },
    )['component:default/orders'];
    expect(verdict).toMatchObject({
      status: 'fail',
      evidence: [
        'api:default/orders-api: GET /orders: operationId "listOrders" does not match ^[a-z]+$',
        'api:default/orders-api: POST /orders: operationId "createOrder" does not match ^[a-z]+$',
      ],
    });
  });

  it('is error for an API whose definition is not an OpenAPI document', () => {
    expect(
      results([
        service('orders', { providesApis: ['orders-api'] }),
        api('orders-api', { definition: 'swagger: 2\npaths: {}\n' }),
      ])['component:default/orders'],
    ).toMatchObject({
      status: 'error',
      message: 'api:default/orders-api could not be evaluated',
    });
  });
});
