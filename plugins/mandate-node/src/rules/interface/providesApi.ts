import { defineRule } from '../defineRule';
import { fail, pass } from '../RuleOutcome';

export const providesApiRule = defineRule({
  id: 'interface.provides-api',
  tenet: 'interfaces',
  level: 'bronze',
  title: 'Exposes a service interface',
  description:
    '`spec.providesApis` is not empty and every API it names exists in the catalog as an API entity.',
  rationale:
    'A team exposes its data and functionality only through service interfaces; a service without a declared interface can only be reached through a back door.',
  remediation: {
    text: 'Declare the API the service provides, and register that API entity with its definition.',
    snippet: `spec:
  providesApis: [orders-api]
---
apiVersion: backstage.io/v1alpha1
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
  evaluate(service, { snapshot }) {
    if (service.providesApis.length === 0)
      return fail('spec.providesApis is empty');
    const evidence: string[] = [];
    const refs: string[] = [];
    for (const link of service.providesApis) {
      const target = snapshot.resolve(link);
      if (!link.ref)
        evidence.push(`${JSON.stringify(link.raw)} is not an entity ref`);
      else if (!target) evidence.push(`${link.ref} does not exist`);
      else if (target.kind !== 'api') {
        refs.push(target.ref);
        evidence.push(`${target.ref} is a ${target.entity.kind}, not an API`);
      }
    }
    if (evidence.length > 0) {
      return fail(
        `${evidence.length} provided API${
          evidence.length === 1 ? ' is' : 's are'
        } missing`,
        evidence,
        refs,
      );
    }
    return pass();
  },
});
