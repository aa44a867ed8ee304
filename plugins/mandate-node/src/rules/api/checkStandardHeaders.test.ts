import { checkOpenApiText } from '../../testUtils/checkOpenApiText';
import { standardHeadersRule } from './standardHeaders';

const check = (definition: string, correlationHeader = 'X-Request-ID') =>
  checkOpenApiText(standardHeadersRule, definition, { correlationHeader });

const definition = `
openapi: 3.0.3
info: { title: pets, version: 1.0.0 }
paths:
  /pets:
    parameters: [ { $ref: '#/components/parameters/RequestId' } ]
    get: { responses: {} }
  /pets/{id}:
    get:
      parameters:
        - { name: id, in: path, required: true }
        - { name: x-request-id, in: header }
      responses: {}
    put:
      parameters: [ { name: X-Request-ID, in: query } ]
      responses: {}
    delete:
      parameters: [ { $ref: '#/components/parameters/Missing' } ]
      responses: {}
components:
  parameters:
    RequestId: { name: X-Request-Id, in: header }
`;

describe('api.standard-headers', () => {
  it('accepts path-level, $ref and case-insensitive header parameters; fails the others', () => {
    const result = check(definition);
    expect(result.status).toBe('fail');
    expect(result.evidence).toEqual([
      'PUT /pets/{id}: does not accept the header X-Request-ID',
      'DELETE /pets/{id}: unresolvable $ref "#/components/parameters/Missing"',
    ]);
  });

  it('passes when every operation accepts the configured header (2.0)', () => {
    expect(
      check(
        `
swagger: '2.0'
info: { title: pets, version: 1.0.0 }
parameters:
  Trace: { name: traceparent, in: header, type: string }
paths:
  /pets:
    get: { parameters: [ { $ref: '#/parameters/Trace' } ], responses: {} }
`,
        'Traceparent',
      ).status,
    ).toBe('pass');
  });
});
