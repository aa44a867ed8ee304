import { toSnapshotEntity } from '../catalog/SnapshotEntity';
import { optionDefaults } from '../config/RuleOptionSchema';
import { standardHeadersRule } from '../rules/api/standardHeaders';
import { builtInRules } from '../rules/builtInRules';
import { isOpenApiRule } from '../rules/defineOpenApiRule';
import { ApiDefinitions } from './ApiDefinitions';
import { checkFromEvidence } from './DefinitionCheck';
import { OpenApiDocument } from './OpenApiDocument';

const openApiRules = builtInRules.filter(isOpenApiRule);
const rateLimited = openApiRules.find(rule => rule.id === 'api.rate-limited')!;
const defaultsOf = (rule: (typeof openApiRules)[number]) =>
  optionDefaults(rule.options);

describe('ApiDefinitions', () => {
  afterEach(() => jest.restoreAllMocks());

  it('answers error for every api.* rule when the definition is not an OpenAPI document', () => {
    const definitions = new ApiDefinitions();
    expect(openApiRules).toHaveLength(6);
    for (const definition of [
      'openapi: 3\npaths: {}',
      'not: [valid',
      '',
      'asyncapi: 2.0.0',
    ]) {
      for (const rule of openApiRules) {
        const result = definitions.openApiCheckOf(
          definition,
          rule,
          defaultsOf(rule),
        );
        expect(result.status).toBe('error');
        expect(result.message).toMatch(
          /not (an OpenAPI document|valid YAML or JSON)/,
        );
      }
    }
  });

  it('tells OpenAPI types apart case-insensitively', () => {
    const definitions = new ApiDefinitions();
    expect(definitions.isOpenApi({ type: 'OpenAPI' })).toBe(true);
    expect(definitions.isOpenApi({ type: 'grpc' })).toBe(false);
  });

  it('parses each distinct definition once, and hands out copies', () => {
    const parse = jest.spyOn(OpenApiDocument, 'parse');
    const definitions = new ApiDefinitions();
    const definition = `openapi: 3.0.0\ninfo: {version: '1.0'}\npaths: {/a: {get: {responses: {}}}}`;
    expect(definitions.specValidityOf('openapi', definition).status).toBe(
      'pass',
    );
    for (const rule of openApiRules) {
      definitions.openApiCheckOf(definition, rule, defaultsOf(rule));
    }
    // An equal string that is not the same object still hits the cache.
    const first = definitions.openApiCheckOf(
      `${definition} `.trim(),
      rateLimited,
      defaultsOf(rateLimited),
    );
    expect(parse).toHaveBeenCalledTimes(1);

    first.evidence.push('edited by a caller');
    expect(
      definitions.openApiCheckOf(
        definition,
        rateLimited,
        defaultsOf(rateLimited),
      ).evidence,
    ).toEqual(['GET /a: no 429 response']);
  });

  it('computes verdicts for other options when asked', () => {
    const definitions = new ApiDefinitions();
    const definition = `
openapi: 3.0.0
info: {version: '1.0'}
paths: {/a: {get: {parameters: [{name: Traceparent, in: header}], responses: {}}}}`;
    const check = (correlationHeader: string) =>
      definitions.openApiCheckOf(definition, standardHeadersRule, {
        correlationHeader,
      }).status;
    expect(check('X-Request-ID')).toBe('fail');
    expect(check('traceparent')).toBe('pass');
    expect(check('X-Request-ID')).toBe('fail');
  });

  it('forgets the least recently used definitions beyond its capacity', () => {
    const parse = jest.spyOn(OpenApiDocument, 'parse');
    const definitions = new ApiDefinitions({ cacheSize: 2 });
    const definition = (n: number) =>
      `{"openapi": "3.0.0", "paths": {"/${n}": {"get": {}}}}`;
    [1, 2, 1, 3, 1, 2].forEach(n =>
      definitions.specValidityOf('openapi', definition(n)),
    );
    // 1, 2, 3 parsed; 1 stays (recently used); 2 was evicted by 3 and is parsed again.
    expect(parse).toHaveBeenCalledTimes(4);
  });

  it('keeps spec validity of different API types apart', () => {
    const definitions = new ApiDefinitions();
    const definition = 'asyncapi: 2.6.0\nchannels: {a: {}}';
    expect(definitions.specValidityOf('asyncapi', definition).status).toBe(
      'pass',
    );
    expect(definitions.specValidityOf('openapi', definition).status).toBe(
      'fail',
    );
    expect(definitions.specValidityOf('graphql', definition).status).toBe(
      'fail',
    );
  });

  const small = (n: number) =>
    `{"openapi": "3.0.0", "info": {"version": "1.0.0"}, "paths": {"/${n}": {"get": {"operationId": "op${n}", "responses": {}}}}}`;
  const operationIds = {
    id: 'acme.operation-ids',
    checkDocument: (document: OpenApiDocument) =>
      checkFromEvidence(
        document.operations
          .filter(({ operation }) => typeof operation.operationId !== 'string')
          .map(({ label }) => `${label}: no operationId`),
        'operations without an operationId',
      ),
  };

  it('runs a check once per distinct definition and options, and keeps only the last few parse trees', () => {
    const parse = jest.spyOn(OpenApiDocument, 'parse');
    const check = jest.spyOn(operationIds, 'checkDocument');
    const definitions = new ApiDefinitions();
    for (const n of [1, 2, 3, 4, 5, 1, 2]) {
      expect(definitions.openApiCheckOf(small(n), operationIds, {})).toEqual({
        status: 'pass',
        evidence: [],
      });
    }
    expect(parse).toHaveBeenCalledTimes(5);
    expect(check).toHaveBeenCalledTimes(5);
    // Other options are another verdict: the document of 5 is still kept, that of 1 is not.
    definitions.openApiCheckOf(small(5), operationIds, { other: true });
    expect(parse).toHaveBeenCalledTimes(5);
    definitions.openApiCheckOf(small(1), operationIds, { other: true });
    expect(parse).toHaveBeenCalledTimes(6);
    expect(definitions.openApi({ ...api(small(1)) }).document).toBeInstanceOf(
      OpenApiDocument,
    );
  });

  it("turns a check that throws or answers nonsense into that API's error", () => {
    const definitions = new ApiDefinitions();
    const throwing = {
      id: 'acme.broken',
      checkDocument: () => {
        throw new Error('boom');
      },
    };
    expect(definitions.openApiCheckOf(small(1), throwing, {})).toEqual({
      status: 'error',
      message: 'acme.broken could not check the document: boom',
      evidence: [],
    });
    const nonsense = { id: 'acme.nonsense', checkDocument: () => 'ok' as any };
    expect(definitions.openApiCheckOf(small(1), nonsense, {}).status).toBe(
      'error',
    );
    expect(definitions.specValidityOf('openapi', small(1)).status).toBe('pass');
  });

  it('bounds the checks given at construction and later ones by the same work budget', () => {
    const costly = {
      id: 'acme.costly',
      checkDocument: (document: OpenApiDocument) => {
        document.budget.spend(1_000_000);
        return { status: 'pass' as const, evidence: [] };
      },
    };
    const limits = { maxDefinitionBytes: 1024 * 1024, maxDefinitionWork: 1000 };

    // Run later, only the costly check is over the limit.
    const later = new ApiDefinitions({ limits });
    expect(later.openApiCheckOf(small(1), costly, {})).toMatchObject({
      status: 'error',
      message: expect.stringMatching(/^definition too complex/),
    });
    expect(later.openApiCheckOf(small(1), operationIds, {}).status).toBe(
      'pass',
    );
    expect(later.specValidityOf('openapi', small(1)).status).toBe('pass');

    // Computed with the parse, it makes the whole definition over the limit.
    const eager = new ApiDefinitions({
      limits,
      checks: [{ check: costly, options: {} }],
    });
    expect(eager.specValidityOf('openapi', small(1)).status).toBe('error');
    expect(eager.openApiCheckOf(small(1), operationIds, {}).status).toBe(
      'error',
    );
  });

  it('reads unreadable definitions as error without parsing', () => {
    const parse = jest.spyOn(OpenApiDocument, 'parse');
    const definitions = new ApiDefinitions();
    const unreadable = { ...api(small(1)), definitionReadError: 'ENOENT x' };
    const expected = {
      status: 'error',
      message: 'the definition could not be read: ENOENT x',
      evidence: [],
    };
    expect(definitions.specValidity(unreadable)).toEqual(expected);
    expect(definitions.openApiCheck(unreadable, operationIds, {})).toEqual(
      expected,
    );
    expect(definitions.openApi(unreadable)).toEqual({ problem: expected });
    expect(parse).not.toHaveBeenCalled();
  });
});

/** An API entity as the snapshot reads it. */
function api(definition: string) {
  return toSnapshotEntity({
    entity: {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'API',
      metadata: { name: 'orders-api' },
      spec: { type: 'openapi', definition },
    },
  })!;
}
