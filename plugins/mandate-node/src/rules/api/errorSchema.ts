import { defineOpenApiRule } from '../defineOpenApiRule';
import { checkErrorSchema } from './checkErrorSchema';

export const errorSchemaRule = defineOpenApiRule({
  id: 'api.error-schema',
  tenet: 'externalizable-interfaces',
  level: 'gold',
  title: 'Errors have a standard shape',
  description:
    'Every 4XX/5XX/default response has a body that is `application/problem+json`, or has the properties `title` and `status` (RFC 9457), or is the component schema named `errorSchema` (default `Problem`).',
  rationale:
    'One error shape across teams lets every client and every dashboard handle failures the same way, whoever wrote the service.',
  remediation: {
    text: 'Return RFC 9457 problem details from every error response.',
    snippet: `responses:
  '400':
    description: Invalid request
    content:
      application/problem+json:
        schema: { $ref: '#/components/schemas/Problem' }
components:
  schemas:
    Problem:
      type: object
      properties:
        type: { type: string }
        title: { type: string }
        status: { type: integer }
        detail: { type: string }
`,
    language: 'yaml',
  },
  options: {
    errorSchema: {
      type: 'string',
      default: 'Problem',
      description:
        'The component schema whose use counts as the shared error shape.',
    },
  },
  checkDocument: (document, { errorSchema }) =>
    checkErrorSchema(document, errorSchema),
});
