import { parse } from 'yaml';
import { deepMerge } from '../../testUtils/applyFix';
import { api, OPENAPI_OK, service } from '../../testUtils/entities';
import { runFixedRule } from '../../testUtils/runFixedRule';
import { runRule } from '../../testUtils/runRule';
import { specValidRule } from '../interface/specValid';
import { errorSchemaRule } from './errorSchema';
import { httpStatusErrorsRule } from './httpStatusErrors';
import { rateLimitedRule } from './rateLimited';
import { securityRule } from './security';
import { standardHeadersRule } from './standardHeaders';
import { versionedRule } from './versioned';

const orders = 'component:default/orders';
const ordersApi = 'api:default/orders-api';

/** The service and its API with this definition, read from `apis/orders.yaml` by `$text`. */
const catalog = (definition: string, verbatim = true) => [
  service('orders', { providesApis: ['orders-api'] }),
  {
    entity: api('orders-api', { definition }),
    definitionSource: { file: 'apis/orders.yaml', verbatim },
  },
];

const LEGACY = `openapi: 3.0.3
info: { title: Orders, version: v1 }
components:
  securitySchemes:
    oauth: { type: http, scheme: bearer }
security: [{ oauth: [] }]
paths:
  /orders/{id}:
    get:
      responses:
        '200': { description: ok }
  /orders:
    post:
      security: []
      responses:
        '201': { description: created }
        '400':
          description: bad
          content: { application/json: { schema: { properties: { code: { type: string } } } } }
`;

describe('the fixes of the api rules', () => {
  it('api.http-status-errors adds the exact error response, with the Problem schema, and points at the operation', () => {
    const { before, after, edit } = runFixedRule(
      httpStatusErrorsRule,
      catalog(LEGACY),
      orders,
    );
    expect(before.fix).toMatchObject({
      entityRef: ordersApi,
      target: 'definition',
      language: 'yaml',
    });
    expect(before.fix!.text).toBe(
      'api:default/orders-api (apis/orders.yaml): Report errors with HTTP status codes: add the 404 response to GET /orders/{id}; declare the schema Problem',
    );
    expect(edit.paths['/orders/{id}'].get.responses['404']).toEqual({
      description: 'Not found',
      content: {
        'application/problem+json': {
          schema: { $ref: '#/components/schemas/Problem' },
        },
      },
    });
    expect(Object.keys(edit.components.schemas.Problem.properties)).toEqual([
      'type',
      'title',
      'status',
      'detail',
    ]);
    expect(before.locations).toEqual([
      {
        entityRef: ordersApi,
        file: 'apis/orders.yaml',
        line: 9,
        pointer: '/paths/~1orders~1{id}/get',
      },
    ]);
    expect(after.status).toBe('pass');
  });

  it('gives no line when the text is not the file (a bundled $openapi)', () => {
    const outcome = runRule(
      httpStatusErrorsRule,
      catalog(LEGACY, false),
      orders,
    );
    expect(outcome.locations).toEqual([
      {
        entityRef: ordersApi,
        file: 'apis/orders.yaml',
        pointer: '/paths/~1orders~1{id}/get',
      },
    ]);
  });

  it('api.error-schema gives the failing responses the configured error schema', () => {
    const { before, after, edit } = runFixedRule(
      errorSchemaRule,
      catalog(LEGACY),
      orders,
      { options: { errorSchema: 'ApiError' } },
    );
    expect(edit.paths['/orders'].post.responses['400']).toEqual({
      content: {
        'application/problem+json': {
          schema: { $ref: '#/components/schemas/ApiError' },
        },
      },
    });
    expect(edit.components.schemas.ApiError).toBeDefined();
    expect(before.locations).toEqual([
      {
        entityRef: ordersApi,
        file: 'apis/orders.yaml',
        line: 17,
        pointer: '/paths/~1orders/post/responses/400',
      },
    ]);
    expect(after.status).toBe('pass');
  });

  it('api.error-schema changes a shared response where it is defined', () => {
    const definition = `swagger: '2.0'
info: { title: Orders, version: 1.0.0 }
responses:
  BadRequest: { description: bad, schema: { $ref: '#/definitions/Error' } }
definitions:
  Error: { properties: { code: { type: string } } }
paths:
  /orders:
    get:
      responses:
        '200': { description: ok }
        '400': { $ref: '#/responses/BadRequest' }
`;
    const { before, after, edit } = runFixedRule(
      errorSchemaRule,
      catalog(definition),
      orders,
    );
    expect(edit).toEqual({
      responses: {
        BadRequest: { schema: { $ref: '#/definitions/Problem' } },
      },
      definitions: { Problem: expect.any(Object) },
    });
    expect(before.fix!.text).toContain(
      'give the shared response /responses/BadRequest the body Problem',
    );
    expect(after.status).toBe('pass');
  });

  it('api.security requires the declared scheme where an operation dropped it', () => {
    const { before, after, edit } = runFixedRule(
      securityRule,
      catalog(LEGACY),
      orders,
    );
    expect(edit).toEqual({
      paths: { '/orders': { post: { security: [{ oauth: [] }] } } },
    });
    expect(before.locations?.map(l => l.pointer)).toEqual([
      '/paths/~1orders/post',
    ]);
    expect(after.status).toBe('pass');
  });

  it('api.security declares a scheme when the document has none, and requires it globally', () => {
    const definition = `openapi: 3.0.3
info: { title: Orders, version: 1.0.0 }
paths:
  /orders:
    get: { responses: { '200': { description: ok } } }
`;
    const { after, edit } = runFixedRule(
      securityRule,
      catalog(definition),
      orders,
    );
    expect(edit).toEqual({
      components: {
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } },
      },
      security: [{ bearerAuth: [] }],
    });
    expect(after.status).toBe('pass');
  });

  it('api.versioned sets a semantic info.version', () => {
    const { before, after, edit } = runFixedRule(
      versionedRule,
      catalog(LEGACY),
      orders,
    );
    expect(edit).toEqual({ info: { version: '1.0.0' } });
    expect(before.locations).toEqual([
      {
        entityRef: ordersApi,
        file: 'apis/orders.yaml',
        line: 2,
        pointer: '/info/version',
      },
    ]);
    expect(after.status).toBe('pass');
  });

  it('api.standard-headers declares the configured header once and adds it to each path item', () => {
    const { before, after, edit } = runFixedRule(
      standardHeadersRule,
      catalog(LEGACY),
      orders,
      { options: { correlationHeader: 'X-Correlation-ID' } },
    );
    expect(edit).toEqual({
      paths: {
        '/orders/{id}': {
          parameters: [{ $ref: '#/components/parameters/XCorrelationID' }],
        },
        '/orders': {
          parameters: [{ $ref: '#/components/parameters/XCorrelationID' }],
        },
      },
      components: {
        parameters: {
          XCorrelationID: {
            name: 'X-Correlation-ID',
            in: 'header',
            schema: { type: 'string' },
          },
        },
      },
    });
    expect(before.locations?.map(l => l.pointer)).toEqual([
      '/paths/~1orders~1{id}/get',
      '/paths/~1orders/post',
    ]);
    expect(after.status).toBe('pass');
  });

  it('api.standard-headers reuses a declared header parameter and keeps the path parameters', () => {
    const definition = OPENAPI_OK.replace(
      "parameters: [{ $ref: '#/components/parameters/RequestId' }]",
      'parameters: [{ name: id, in: query }]',
    );
    const { after, edit } = runFixedRule(
      standardHeadersRule,
      catalog(definition),
      orders,
    );
    expect(edit).toEqual({
      paths: {
        '/orders': {
          parameters: [
            { name: 'id', in: 'query' },
            { $ref: '#/components/parameters/RequestId' },
          ],
        },
      },
    });
    expect(after.status).toBe('pass');
  });

  it('api.rate-limited documents 429 with the shared error body, so api.error-schema keeps passing', () => {
    const definition = OPENAPI_OK.replace(/ {8}'429'.*\n/, '');
    const { before, after, edit } = runFixedRule(
      rateLimitedRule,
      catalog(definition),
      orders,
    );
    expect(before.fix!.text).toContain('mandate.dev/rate-limit');
    expect(edit.paths['/orders'].get.responses['429']).toMatchObject({
      content: {
        'application/problem+json': {
          schema: { $ref: '#/components/schemas/Problem' },
        },
      },
      headers: { 'Retry-After': { schema: { type: 'integer' } } },
    });
    expect(edit.components).toBeUndefined();
    expect(after.status).toBe('pass');
    const fixed = [
      service('orders', { providesApis: ['orders-api'] }),
      api('orders-api', {
        definition: JSON.stringify(deepMerge(parse(definition), edit)),
      }),
    ];
    expect(runRule(errorSchemaRule, fixed, orders).status).toBe('pass');
  });

  it('leaves a 200 with an error in the body to the owners', () => {
    const definition = `openapi: 3.0.3
info: { title: Orders, version: 1.0.0 }
paths:
  /orders:
    post:
      responses:
        '400': { description: bad }
        '200':
          description: ok
          content: { application/json: { schema: { properties: { errorMessage: { type: string } } } } }
`;
    const { fix, locations } = runRule(
      httpStatusErrorsRule,
      catalog(definition),
      orders,
    );
    expect(fix).toMatchObject({ decision: true, target: 'definition' });
    expect(fix!.text).toContain(
      'remove "errorMessage" from the 200 body of POST /orders',
    );
    expect(locations).toEqual([
      {
        entityRef: ordersApi,
        file: 'apis/orders.yaml',
        line: 8,
        pointer: '/paths/~1orders/post/responses/200',
      },
    ]);
  });

  it('an api rule that errs on a text that is not OpenAPI gives the spec validity fix', () => {
    const definition = 'title: Orders API\nstatus: to be written\n';
    const specValid = runRule(specValidRule, catalog(definition), orders);
    const erring = runRule(versionedRule, catalog(definition), orders);
    expect(erring.status).toBe('error');
    expect(erring.fix).toEqual(specValid.fix);
    expect(erring.fix).toMatchObject({ decision: true, target: 'definition' });
    expect(parse(erring.fix!.snippet)).toEqual({
      openapi: '3.0.3',
      info: { title: 'Orders API', version: '1.0.0' },
      paths: {},
    });
    expect(erring.locations).toEqual([
      { entityRef: ordersApi, file: 'apis/orders.yaml', line: 1, pointer: '' },
    ]);
  });

  it('an unreadable definition: point spec.definition at a file', () => {
    const outcome = runRule(
      securityRule,
      [
        service('orders', { providesApis: ['orders-api'] }),
        {
          entity: api('orders-api', { definition: '' }),
          definitionReadError: 'ENOENT ./gone.yaml',
        },
      ],
      orders,
    );
    expect(outcome.status).toBe('error');
    expect(outcome.fix).toMatchObject({ entityRef: ordersApi, decision: true });
    expect(outcome.fix!.target).toBeUndefined();
    expect(outcome.fix!.text).toContain('ENOENT ./gone.yaml');
    expect(parse(outcome.fix!.snippet)).toEqual({
      spec: { definition: { $text: './orders-api.yaml' } },
    });
  });
});

describe('the fixes of interface.spec-valid', () => {
  it('quotes a version that YAML read as a number', () => {
    const { before, after, edit } = runFixedRule(
      specValidRule,
      catalog(OPENAPI_OK.replace('openapi: 3.0.3', 'openapi: 3.1')),
      orders,
    );
    expect(edit).toEqual({ openapi: '3.1' });
    expect(before.locations).toEqual([
      {
        entityRef: ordersApi,
        file: 'apis/orders.yaml',
        line: 1,
        pointer: '/openapi',
      },
    ]);
    expect(after.status).toBe('pass');
  });

  it('names the line of a syntax error', () => {
    const outcome = runRule(
      specValidRule,
      catalog('openapi: 3.0.3\ninfo:\n  title: [unclosed\npaths: {}\n'),
      orders,
    );
    expect(outcome.fix).toMatchObject({ decision: true });
    expect(outcome.fix!.text).toMatch(
      /^api:default\/orders-api \(apis\/orders.yaml\): Correct the syntax at line \d+: /,
    );
    expect(outcome.fix!.snippet).toMatch(/^# /);
    expect(outcome.locations![0].line).toBeGreaterThanOrEqual(3);
  });

  it('sets the type an API definition has when spec.type is unknown', () => {
    const { before, after, edit } = runFixedRule(
      specValidRule,
      [
        service('orders', { providesApis: ['orders-api'] }),
        api('orders-api', { type: 'rest' }),
      ],
      orders,
    );
    expect(before.fix).toMatchObject({ entityRef: ordersApi });
    expect(before.fix!.target).toBeUndefined();
    expect(edit).toEqual({ spec: { type: 'openapi' } });
    expect(after.status).toBe('pass');
  });
});
