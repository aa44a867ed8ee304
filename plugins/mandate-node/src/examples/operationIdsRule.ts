import {
  checkFromEvidence,
  defineOpenApiRule,
} from '@mandate-dev/plugin-mandate-node';

export const operationIdsRule = defineOpenApiRule({
  id: 'acme.operation-ids',
  tenet: 'externalizable-interfaces',
  level: 'silver',
  title: 'Operations have ids',
  description:
    'Every operation of an OpenAPI API has an `operationId` matching `pattern` (camelCase by default).',
  rationale:
    'Client generators name their methods after operation ids: without them, every client invents its own names.',
  remediation: {
    text: 'Give every operation an operationId.',
    snippet: `paths:
  /orders:
    get:
      operationId: listOrders
`,
    language: 'yaml',
  },
  options: {
    pattern: {
      type: 'string',
      default: '^[a-z][A-Za-z0-9]*$',
      description: 'The regular expression every operationId matches.',
    },
  },
  // Called once per distinct definition and options; `document` is parsed, `$ref`s resolved.
  checkDocument(document, { pattern }) {
    const wanted = new RegExp(pattern);
    const evidence = [...document.unresolvablePathItems];
    for (const { label, operation } of document.operations) {
      const id = operation.operationId;
      if (typeof id !== 'string') {
        evidence.push(`${label}: no operationId`);
      } else if (!wanted.test(id)) {
        evidence.push(
          `${label}: operationId "${id}" does not match ${pattern}`,
        );
      }
    }
    return checkFromEvidence(
      evidence,
      'operations without a proper operationId',
    );
  },
});
