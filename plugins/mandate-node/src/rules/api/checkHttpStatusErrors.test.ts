import { checkOpenApiText } from '../../testUtils/checkOpenApiText';
import { httpStatusErrorsRule } from './httpStatusErrors';

const check = (definition: string) =>
  checkOpenApiText(httpStatusErrorsRule, definition);

describe('api.http-status-errors', () => {
  it('passes when every operation documents an error status and 2XX bodies are clean', () => {
    expect(
      check(`
openapi: 3.0.3
info: { title: pets, version: 1.0.0 }
paths:
  /pets:
    get:
      responses:
        200:
          description: ok
          content:
            application/json:
              schema: { type: object, properties: { items: { type: array } } }
        404: { description: not found }
    post:
      responses:
        '201': { description: created }
        '5XX': { description: broken }
`).status,
    ).toBe('pass');
  });

  it('fails an operation without any 4XX/5XX or default response', () => {
    const result = check(`
openapi: 3.0.3
info: { title: pets, version: 1.0.0 }
paths:
  /pets:
    get:
      responses:
        '200': { description: ok }
        '302': { description: moved }
`);
    expect(result.status).toBe('fail');
    expect(result.evidence).toEqual([
      'GET /pets: no 4XX/5XX or default response',
    ]);
  });

  it('accepts lower-case wildcards and default, also in 2.0', () => {
    expect(
      check(`
openapi: 3.1.0
info: { title: pets, version: 1.0.0 }
paths:
  /a: { get: { responses: { '4xx': { description: client } } } }
  /b: { get: { responses: { default: { description: any } } } }
`).status,
    ).toBe('pass');
    expect(
      check(`
swagger: '2.0'
info: { title: pets, version: 1.0.0 }
paths:
  /a: { get: { responses: { '5xx': { description: server } } } }
  /b: { get: { responses: { '200': { description: ok } } } }
`).evidence,
    ).toEqual(['GET /b: no 4XX/5XX or default response']);
  });

  it('counts a 4XX response whose $ref is broken: it is documented', () => {
    expect(
      check(`
openapi: 3.0.3
info: { title: pets, version: 1.0.0 }
paths:
  /pets:
    get:
      responses:
        '404': { $ref: '#/components/responses/Missing' }
`).status,
    ).toBe('pass');
  });

  it('fails a 2XX body with an error property or a boolean success flag', () => {
    const result = check(`
openapi: 3.0.3
info: { title: orders, version: 1.0.0 }
paths:
  /orders:
    post:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  success: { type: boolean }
                  errorMessage: { type: string }
        '400': { description: bad }
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                properties:
                  ok: { type: [boolean, 'null'] }
                  Error: { type: string }
                  success: { type: string }
        '400': { description: bad }
`);
    expect(result.status).toBe('fail');
    expect(result.evidence).toEqual([
      'POST /orders: 200 response body has property "success" (boolean)',
      'POST /orders: 200 response body has property "errorMessage"',
      'GET /orders: 200 response body has property "ok" (boolean)',
    ]);
  });

  it('merges allOf through $refs, but does not look into oneOf', () => {
    const definition = (combinator: string) => `
openapi: 3.0.3
info: { title: orders, version: 1.0.0 }
paths:
  /orders:
    get:
      responses:
        '2XX': { $ref: '#/components/responses/Ok' }
        default: { description: error }
components:
  responses:
    Ok:
      description: ok
      content:
        application/json:
          schema:
            ${combinator}:
              - { $ref: '#/components/schemas/Order' }
              - { $ref: '#/components/schemas/Envelope' }
  schemas:
    Order: { properties: { id: { type: string } } }
    Envelope: { allOf: [ { $ref: '#/components/schemas/Base' } ] }
    Base: { properties: { error: { type: string } } }
`;
    expect(check(definition('allOf')).evidence).toEqual([
      'GET /orders: 2XX response body has property "error"',
    ]);
    expect(check(definition('oneOf')).status).toBe('pass');
    expect(check(definition('anyOf')).status).toBe('pass');
  });

  it('resolves a $ref to the schema of a success flag', () => {
    expect(
      check(`
swagger: '2.0'
info: { title: orders, version: 1.0.0 }
paths:
  /orders:
    get:
      responses:
        '200': { description: ok, schema: { $ref: '#/definitions/Result' } }
        '500': { description: error }
definitions:
  Result: { properties: { ok: { $ref: '#/definitions/Flag' } } }
  Flag: { type: boolean }
`).evidence,
    ).toEqual(['GET /orders: 200 response body has property "ok" (boolean)']);
  });

  it('fails an operation whose 2XX schema cannot be resolved, including allOf cycles', () => {
    const result = check(`
openapi: 3.0.3
info: { title: orders, version: 1.0.0 }
paths:
  /remote:
    get:
      responses:
        '200':
          description: ok
          content: { application/json: { schema: { $ref: 'http://evil.example/x.yaml#/Foo' } } }
        '400': { description: bad }
  /cycle:
    get:
      responses:
        '200':
          description: ok
          content: { application/json: { schema: { $ref: '#/components/schemas/A' } } }
        '400': { description: bad }
components:
  schemas:
    A: { allOf: [ { $ref: '#/components/schemas/B' } ] }
    B: { allOf: [ { $ref: '#/components/schemas/A' } ] }
`);
    expect(result.status).toBe('fail');
    expect(result.evidence).toEqual([
      'GET /remote: unresolvable $ref "http://evil.example/x.yaml#/Foo"',
      'GET /cycle: unresolvable $ref "#/components/schemas/A"',
    ]);
  });

  it('does not hang on $ref chains that loop', () => {
    const result = check(`
openapi: 3.0.3
info: { title: loop, version: 1.0.0 }
paths:
  /loop:
    get:
      responses:
        '200': { $ref: '#/components/responses/A' }
        '400': { description: bad }
components:
  responses:
    A: { $ref: '#/components/responses/B' }
    B: { $ref: '#/components/responses/A' }
`);
    expect(result.evidence).toEqual([
      'GET /loop: unresolvable $ref "#/components/responses/A"',
    ]);
  });

  it('ignores x- keys, webhooks and non-method keys', () => {
    expect(
      check(`
openapi: 3.1.0
info: { title: hooks, version: 1.0.0 }
paths:
  x-internal:
    get: { responses: { '200': { description: ok } } }
  /pets:
    x-audit: { responses: { '200': { description: ok } } }
    summary: pets
    GET: { responses: { '200': { description: ok } } }
    get: { responses: { '404': { description: nf } } }
webhooks:
  newPet:
    post: { responses: { '200': { description: ok } } }
`).status,
    ).toBe('pass');
  });

  it('passes a document without operations', () => {
    expect(
      check(
        `{"openapi": "3.1.0", "info": {"title": "empty", "version": "1.0"}}`,
      ).status,
    ).toBe('pass');
  });
});
