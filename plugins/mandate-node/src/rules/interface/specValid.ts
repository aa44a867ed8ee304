import { defineRule } from '../defineRule';
import { aggregateApiChecks, providedApis, withApiFixes } from '../support';

export const specValidRule = defineRule({
  id: 'interface.spec-valid',
  tenet: 'interfaces',
  level: 'bronze',
  title: 'Interfaces have a machine-readable spec',
  description:
    'Every provided API has a non-empty definition that parses for its `spec.type`: OpenAPI 2.0/3.x with an operation, AsyncAPI with a channel, protobuf with a service, GraphQL SDL with a Query or Mutation type.',
  rationale:
    'An interface designed to be externalizable is described by a machine-readable contract that clients, gateways and linters can rely on, not by a wiki page.',
  remediation: {
    text: 'Give each API a definition of its declared type, e.g. an OpenAPI document read from a file next to the entity.',
    snippet: `apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: orders-api
spec:
  type: openapi
  lifecycle: production
  owner: group:default/checkout-team
  definition:
    $text: ./orders-api.yaml
`,
    language: 'yaml',
  },
  // The fix says what to correct in the definition (the line of a syntax error, a version to
  // quote) or in the API entity (its type, its definition's file); writing a missing document
  // or its operations is a decision.
  evaluate(service, { snapshot, facts: { definitions } }) {
    const checks = providedApis(service, snapshot).map(api => ({
      api,
      check: definitions.specValidity(api),
    }));
    return withApiFixes(
      aggregateApiChecks(
        checks.map(({ api, check }) => ({ api: api.ref, check })),
      ),
      checks,
      definitions,
    );
  },
});
