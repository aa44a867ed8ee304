import { checkOpenApiText } from '../../testUtils/checkOpenApiText';
import { rateLimitedRule } from './rateLimited';

const check = (definition: string) =>
  checkOpenApiText(rateLimitedRule, definition);

describe('api.rate-limited', () => {
  it('passes when every operation documents 429 (as a number or a string key)', () => {
    expect(
      check(`
openapi: 3.0.3
info: { title: pets, version: 1.0.0 }
paths:
  /pets:
    get: { responses: { 429: { description: slow down } } }
    post: { responses: { '429': { $ref: '#/components/responses/Missing' } } }
`).status,
    ).toBe('pass');
  });

  it('fails operations without exactly 429', () => {
    const result = check(`
swagger: '2.0'
info: { title: pets, version: 1.0.0 }
paths:
  /pets:
    get: { responses: { 4XX: { description: client error } } }
    put: { responses: { '429': { description: slow } } }
`);
    expect(result.status).toBe('fail');
    expect(result.evidence).toEqual(['GET /pets: no 429 response']);
  });
});
