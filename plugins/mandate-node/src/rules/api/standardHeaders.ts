import { defineOpenApiRule } from '../defineOpenApiRule';
import { checkStandardHeaders } from './checkStandardHeaders';

export const standardHeadersRule = defineOpenApiRule({
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
  checkDocument: (document, { correlationHeader }) =>
    checkStandardHeaders(document, correlationHeader),
});
