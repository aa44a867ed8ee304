import { defineOpenApiRule } from '../defineOpenApiRule';
import { checkHttpStatusErrors } from './checkHttpStatusErrors';

export const httpStatusErrorsRule = defineOpenApiRule({
  id: 'api.http-status-errors',
  tenet: 'externalizable-interfaces',
  level: 'silver',
  title: 'Errors use real HTTP status codes',
  description:
    'Every operation documents a 4XX/5XX (or default) response, and no 2XX body schema has a top-level `error`, `errors`, `errorCode`, `errorMessage` or `err` property, or a boolean `success`/`ok`.',
  rationale:
    'An interface meant for the outside world reports failure with the status code every client, proxy and monitor understands; `200` with an error in the body hides outages.',
  remediation: {
    text: 'Document the error responses of every operation and keep success bodies free of error flags.',
    snippet: `paths:
  /orders/{id}:
    get:
      responses:
        '200':
          description: The order
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Order' }
        '404':
          description: No such order
          content:
            application/problem+json:
              schema: { $ref: '#/components/schemas/Problem' }
`,
    language: 'yaml',
  },
  checkDocument: document => checkHttpStatusErrors(document),
});
