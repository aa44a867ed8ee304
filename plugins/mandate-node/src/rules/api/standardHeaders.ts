import { MandateRule } from '../MandateRule';
import { evaluateOpenApiRule } from '../support';

export const standardHeadersRule: MandateRule<{ correlationHeader: string }> = {
  id: 'api.standard-headers',
  tenet: 'externalizable-interfaces',
  level: 'gold',
  scope: 'neighbourhood',
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
  defaults: { correlationHeader: 'X-Request-ID' },
  evaluate(service, context) {
    return evaluateOpenApiRule('api.standard-headers', service, context, {
      correlationHeader: context.options.correlationHeader,
    });
  },
};
