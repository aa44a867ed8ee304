import { defineRule } from '../defineRule';
import { evaluateOpenApiRule } from '../support';

export const standardHeadersRule = defineRule({
  id: 'api.standard-headers',
  tenet: 'externalizable-interfaces',
  level: 'gold',
  title: 'Requests carry a correlation id',
  description:
    'Every operation accepts the header `correlationHeader` (default `X-Request-ID`) as an operation- or path-level parameter (`$ref` allowed, name case-insensitive).',
  rationale:
    'Protocol headers standard across teams let requests be monitored, traced and scheduled end to end.',
  remediation: {
    text: 'Define the correlation header once and reference it from every path item.',
    snippet: `components:
  parameters:
    RequestId:
      name: X-Request-ID
      in: header
      required: true
      schema: { type: string }
paths:
  /orders:
    parameters:
      - $ref: '#/components/parameters/RequestId'
`,
    language: 'yaml',
  },
  options: {
    correlationHeader: {
      type: 'string',
      default: 'X-Request-ID',
      description: 'The correlation header every operation must accept.',
    },
  },
  evaluate(service, context) {
    return evaluateOpenApiRule('api.standard-headers', service, context, {
      correlationHeader: context.options.correlationHeader,
    });
  },
});
