import { checkOpenApiText } from '../../testUtils/checkOpenApiText';
import { securityRule } from './security';

const check = (definition: string) =>
  checkOpenApiText(securityRule, definition);

const oas3 = (global: string, operations: string, schemes = true) => `
openapi: 3.0.3
info: { title: pets, version: 1.0.0 }
${global}
paths:
  /pets:
${operations}
components:
  ${
    schemes
      ? 'securitySchemes: { oauth: { type: oauth2, flows: {} } }'
      : 'schemas: {}'
  }
`;

describe('api.security', () => {
  it('passes global security inherited by every operation', () => {
    expect(
      check(oas3('security: [{ oauth: [read] }]', '    get: { responses: {} }'))
        .status,
    ).toBe('pass');
  });

  it('fails operations whose own security is empty, or allows anonymous access', () => {
    const result = check(
      oas3(
        'security: [{ oauth: [read] }]',
        `    get: { security: [], responses: {} }
    post: { security: [{}, { oauth: [] }], responses: {} }
    put: { security: [{ oauth: [write] }], responses: {} }`,
      ),
    );
    expect(result.status).toBe('fail');
    expect(result.evidence).toEqual([
      'GET /pets: its own security is empty, which removes coverage',
      'POST /pets: a security requirement names no scheme (allows anonymous access)',
    ]);
  });

  it('fails operations without any requirement', () => {
    expect(check(oas3('', '    get: { responses: {} }')).evidence).toEqual([
      'GET /pets: no security requirement',
    ]);
  });

  it('fails a document that declares no scheme', () => {
    expect(
      check(
        oas3('security: [{ oauth: [] }]', '    get: { responses: {} }', false),
      ).evidence,
    ).toEqual(['no security scheme declared (components.securitySchemes)']);
  });

  it('reads 2.0 securityDefinitions', () => {
    const swagger = (definitions: string) => `
swagger: '2.0'
info: { title: pets, version: 1.0.0 }
${definitions}
paths:
  /pets: { get: { security: [{ key: [] }], responses: {} } }
`;
    expect(
      check(
        swagger(
          'securityDefinitions: { key: { type: apiKey, in: header, name: K } }',
        ),
      ).status,
    ).toBe('pass');
    expect(check(swagger('')).evidence).toEqual([
      'no security scheme declared (securityDefinitions)',
    ]);
  });
});
