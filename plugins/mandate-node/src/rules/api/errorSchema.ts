import { MandateRule } from '../MandateRule';
import { evaluateOpenApiRule } from '../support';

export const errorSchemaRule: MandateRule<{ errorSchema: string }> = {
  id: 'api.error-schema',
  tenet: 'externalizable-interfaces',
  level: 'gold',
  scope: 'neighbourhood',
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
  defaults: { errorSchema: 'Problem' },
  evaluate(service, context) {
    return evaluateOpenApiRule('api.error-schema', service, context, {
      errorSchema: context.options.errorSchema,
    });
  },
};
