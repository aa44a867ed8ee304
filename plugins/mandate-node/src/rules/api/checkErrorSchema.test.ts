import { checkOpenApiText } from '../../testUtils/checkOpenApiText';
import { errorSchemaRule } from './errorSchema';

const check = (definition: string, errorSchema = 'Problem') =>
  checkOpenApiText(errorSchemaRule, definition, { errorSchema });

const oas3 = (responses: string, components = '') => `
openapi: 3.0.3
info: { title: pets, version: 1.0.0 }
paths:
  /pets:
    get:
      responses:
${responses}
components:
  schemas:
    Problem: { type: object, properties: { type: { type: string } } }
    ApiError: { $ref: '#/components/schemas/Problem' }
    Base: { properties: { title: { type: string } } }
${components}
`;

describe('api.error-schema', () => {
  it('passes application/problem+json, media type parameters ignored', () => {
    expect(
      check(
        oas3(`
        '404':
          description: nf
          content: { 'Application/Problem+JSON; charset=utf-8': {} }
        '200': { description: ok }`),
      ).status,
    ).toBe('pass');
  });

  it('passes a schema with title and status, allOf merged', () => {
    expect(
      check(
        oas3(`
        default:
          description: error
          content:
            application/json:
              schema:
                allOf:
                  - { $ref: '#/components/schemas/Base' }
                  - { properties: { status: { type: integer } } }`),
      ).status,
    ).toBe('pass');
  });

  it('passes the configured component schema, also through a $ref chain', () => {
    const definition = oas3(`
        '4XX':
          description: error
          content: { application/json: { schema: { $ref: '#/components/schemas/ApiError' } } }`);
    expect(check(definition).status).toBe('pass');
    expect(check(definition, 'Error').status).toBe('fail');
  });

  // Status keys come in numeric order (that is how JavaScript orders integer-like keys).
  it('fails an error response without a body or in another shape', () => {
    const result = check(
      oas3(`
        '400': { description: bad }
        '500':
          description: broken
          content: { application/json: { schema: { properties: { message: { type: string } } } } }
        '429':
          description: slow
          content: { text/plain: { schema: { $ref: './errors.yaml#/Problem' } } }`),
    );
    expect(result.status).toBe('fail');
    expect(result.evidence).toEqual([
      'GET /pets: 400 response has no body',
      'GET /pets: unresolvable $ref "./errors.yaml#/Problem"',
      'GET /pets: 500 response is neither application/problem+json, nor a schema with title and status, nor "Problem"',
    ]);
  });

  it('reads 2.0 produces (operation or global) and #/definitions', () => {
    const swagger = (produces: string) => `
swagger: '2.0'
info: { title: pets, version: 1.0.0 }
produces: [application/json]
paths:
  /pets:
    get:
      ${produces}
      responses:
        '404': { description: nf, schema: { type: object } }
        '200': { description: ok }
  /named:
    get:
      responses:
        '500': { description: err, schema: { $ref: '#/definitions/Problem' } }
definitions:
  Problem: { type: object }
`;
    expect(check(swagger('produces: [application/problem+json]')).status).toBe(
      'pass',
    );
    expect(check(swagger('')).evidence).toEqual([
      'GET /pets: 404 response is neither application/problem+json, nor a schema with title and status, nor "Problem"',
    ]);
  });

  it('passes operations without error responses', () => {
    expect(check(oas3(`        '200': { description: ok }`)).status).toBe(
      'pass',
    );
  });
});
