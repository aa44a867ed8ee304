import { ApiDefinitionAnalyzer } from './ApiDefinitionAnalyzer';
import { OpenApiDocument } from './OpenApiDocument';
import { API_RULE_IDS, DEFAULT_OPENAPI_RULE_OPTIONS } from './openApiRules';

const options = DEFAULT_OPENAPI_RULE_OPTIONS;

describe('ApiDefinitionAnalyzer', () => {
  afterEach(() => jest.restoreAllMocks());

  it('answers error for every api.* rule when the definition is not an OpenAPI document', () => {
    const analyzer = new ApiDefinitionAnalyzer();
    for (const definition of [
      'openapi: 3\npaths: {}',
      'not: [valid',
      '',
      'asyncapi: 2.0.0',
    ]) {
      for (const ruleId of API_RULE_IDS) {
        const result = analyzer.checkOpenApiRule(ruleId, definition, options);
        expect(result.status).toBe('error');
        expect(result.message).toMatch(
          /not (an OpenAPI document|valid YAML or JSON)/,
        );
      }
    }
  });

  it('tells OpenAPI types apart case-insensitively', () => {
    const analyzer = new ApiDefinitionAnalyzer();
    expect(analyzer.isOpenApi('OpenAPI')).toBe(true);
    expect(analyzer.isOpenApi('grpc')).toBe(false);
  });

  it('parses each distinct definition once, and hands out copies', () => {
    const parse = jest.spyOn(OpenApiDocument, 'parse');
    const analyzer = new ApiDefinitionAnalyzer();
    const definition = `openapi: 3.0.0\ninfo: {version: '1.0'}\npaths: {/a: {get: {responses: {}}}}`;
    expect(analyzer.checkSpecValid('openapi', definition).status).toBe('pass');
    for (const ruleId of API_RULE_IDS) {
      analyzer.checkOpenApiRule(ruleId, definition, options);
    }
    // An equal string that is not the same object still hits the cache.
    const first = analyzer.checkOpenApiRule(
      'api.rate-limited',
      `${definition} `.trim(),
      options,
    );
    expect(parse).toHaveBeenCalledTimes(1);

    first.evidence.push('edited by a caller');
    expect(
      analyzer.checkOpenApiRule('api.rate-limited', definition, options)
        .evidence,
    ).toEqual(['GET /a: no 429 response']);
  });

  it('computes verdicts for other options when asked', () => {
    const analyzer = new ApiDefinitionAnalyzer();
    const definition = `
openapi: 3.0.0
info: {version: '1.0'}
paths: {/a: {get: {parameters: [{name: Traceparent, in: header}], responses: {}}}}`;
    expect(
      analyzer.checkOpenApiRule('api.standard-headers', definition, options)
        .status,
    ).toBe('fail');
    expect(
      analyzer.checkOpenApiRule('api.standard-headers', definition, {
        ...options,
        correlationHeader: 'traceparent',
      }).status,
    ).toBe('pass');
    expect(
      analyzer.checkOpenApiRule('api.standard-headers', definition, options)
        .status,
    ).toBe('fail');
  });

  it('forgets the least recently used definitions beyond its capacity', () => {
    const parse = jest.spyOn(OpenApiDocument, 'parse');
    const analyzer = new ApiDefinitionAnalyzer({ cacheSize: 2 });
    const definition = (n: number) =>
      `{"openapi": "3.0.0", "paths": {"/${n}": {"get": {}}}}`;
    [1, 2, 1, 3, 1, 2].forEach(n =>
      analyzer.checkSpecValid('openapi', definition(n)),
    );
    // 1, 2, 3 parsed; 1 stays (recently used); 2 was evicted by 3 and is parsed again.
    expect(parse).toHaveBeenCalledTimes(4);
  });

  it('keeps spec validity of different API types apart', () => {
    const analyzer = new ApiDefinitionAnalyzer();
    const definition = 'asyncapi: 2.6.0\nchannels: {a: {}}';
    expect(analyzer.checkSpecValid('asyncapi', definition).status).toBe('pass');
    expect(analyzer.checkSpecValid('openapi', definition).status).toBe('fail');
    expect(analyzer.checkSpecValid('graphql', definition).status).toBe('fail');
  });
});
