import { optionDefaults } from '../config/RuleOptionSchema';
import { standardHeadersRule } from '../rules/api/standardHeaders';
import { builtInRules } from '../rules/builtInRules';
import { isOpenApiRule } from '../rules/defineOpenApiRule';
import { ApiDefinitions } from './ApiDefinitions';
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
});
