import {
  api,
  OPENAPI_200_ERROR,
  OPENAPI_OK,
  service,
} from '../../testUtils/entities';
import { runRule } from '../../testUtils/runRule';
import { errorSchemaRule } from './errorSchema';
import { httpStatusErrorsRule } from './httpStatusErrors';
import { rateLimitedRule } from './rateLimited';
import { securityRule } from './security';
import { standardHeadersRule } from './standardHeaders';
import { versionedRule } from './versioned';

const orders = 'component:default/orders';
const rules = [
  httpStatusErrorsRule,
  errorSchemaRule,
  securityRule,
  versionedRule,
  standardHeadersRule,
  rateLimitedRule,
];

const providing = (...apis: ReturnType<typeof api>[]) => [
  service('orders', { providesApis: apis.map(a => a.metadata.name) }),
  ...apis,
];

describe.each(rules.map(rule => [rule.id, rule] as const))('%s', (_, rule) => {
  it('passes for a well-designed OpenAPI definition', () => {
    expect(
      runRule(
        rule,
        providing(api('orders-api', { definition: OPENAPI_OK })),
        orders,
      ),
    ).toEqual({
      status: 'pass',
    });
  });

  it('is not applicable without an OpenAPI API', () => {
    const grpc = api('orders-grpc', {
      type: 'grpc',
      definition:
        'syntax = "proto3"; service Orders { rpc Get (Req) returns (Res); } message Req {} message Res {}',
    });
    expect(runRule(rule, providing(grpc), orders).status).toBe(
      'not-applicable',
    );
    expect(runRule(rule, [service('orders')], orders).status).toBe(
      'not-applicable',
    );
  });

  it('matches the API type case-insensitively', () => {
    const upper = api('orders-api', {
      type: 'OpenAPI',
      definition: OPENAPI_OK,
    });
    expect(runRule(rule, providing(upper), orders).status).toBe('pass');
  });

  it('is error when the definition could not be read or is not an OpenAPI document', () => {
    const unreadable = {
      entity: api('orders-api', { definition: '' }),
      definitionReadError: 'refusing to fetch https://example.com/spec.yaml',
    };
    const outcome = runRule(
      rule,
      [service('orders', { providesApis: ['orders-api'] }), unreadable],
      orders,
    );
    expect(outcome.status).toBe('error');
    expect(outcome.evidence!.join('\n')).toContain(
      'https://example.com/spec.yaml',
    );

    const notOpenApi = api('orders-api', {
      definition: 'swagger: 2\ninfo: {title: x, version: 1.0.0}\npaths: {}\n',
    });
    expect(runRule(rule, providing(notOpenApi), orders).status).toBe('error');
  });
});

describe('api rules on a failing definition', () => {
  const legacy = api('legacy-api', { definition: OPENAPI_200_ERROR });

  it('api.http-status-errors names the failing operation and the API', () => {
    const outcome = runRule(httpStatusErrorsRule, providing(legacy), orders);
    expect(outcome.status).toBe('fail');
    expect(outcome.evidence!.join('\n')).toContain('api:default/legacy-api');
    expect(outcome.evidence!.join('\n')).toContain('POST /legacy');
  });

  it('fails when any API fails, adding the reasons of erring APIs', () => {
    const unreadable = {
      entity: api('gone-api', { definition: '' }),
      definitionReadError: 'ENOENT gone.yaml',
    };
    const outcome = runRule(
      versionedRule,
      [
        service('orders', { providesApis: ['legacy-api', 'gone-api'] }),
        legacy,
        unreadable,
      ],
      orders,
    );
    expect(outcome.status).toBe('fail');
    expect(outcome.evidence!.join('\n')).toContain('gone.yaml');
  });
});

describe('api.rate-limited', () => {
  it('passes by annotation even when the definition cannot be read', () => {
    const unreadable = {
      entity: api(
        'orders-api',
        { definition: '' },
        { 'mandate.dev/rate-limit': '1000/min' },
      ),
      definitionReadError: 'ENOENT',
    };
    expect(
      runRule(
        rateLimitedRule,
        [service('orders', { providesApis: ['orders-api'] }), unreadable],
        orders,
      ).status,
    ).toBe('pass');
  });

  it('passes by annotation without 429 responses, and fails without either', () => {
    const annotated = api(
      'legacy-api',
      { definition: OPENAPI_200_ERROR },
      { 'mandate.dev/rate-limit': 'whatever' },
    );
    expect(runRule(rateLimitedRule, providing(annotated), orders).status).toBe(
      'pass',
    );
    const bare = api('legacy-api', { definition: OPENAPI_200_ERROR });
    expect(runRule(rateLimitedRule, providing(bare), orders).status).toBe(
      'fail',
    );
  });

  it('does not count a blank annotation', () => {
    const blank = api(
      'legacy-api',
      { definition: OPENAPI_200_ERROR },
      { 'mandate.dev/rate-limit': ' ' },
    );
    expect(runRule(rateLimitedRule, providing(blank), orders).status).toBe(
      'fail',
    );
  });
});

describe('configured thresholds', () => {
  it('api.standard-headers uses the configured correlation header', () => {
    const outcome = runRule(
      standardHeadersRule,
      providing(api('orders-api')),
      orders,
      {
        options: { correlationHeader: 'X-Correlation-ID' },
      },
    );
    expect(outcome.status).toBe('fail');
  });

  it('api.error-schema accepts the configured schema name', () => {
    const definition = OPENAPI_OK.replace(
      /application\/problem\+json/g,
      'application/json',
    )
      .replace(/Problem/g, 'ApiError')
      .replace(
        'properties: { title: { type: string }, status: { type: integer } }',
        'properties: { code: { type: string } }',
      );
    expect(
      runRule(
        errorSchemaRule,
        providing(api('orders-api', { definition })),
        orders,
      ).status,
    ).toBe('fail');
    expect(
      runRule(
        errorSchemaRule,
        providing(api('orders-api', { definition })),
        orders,
        {
          options: { errorSchema: 'ApiError' },
        },
      ).status,
    ).toBe('pass');
  });
});
