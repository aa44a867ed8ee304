import { defineRule } from '../defineRule';
import { fail, pass } from '../RuleOutcome';
import { databasesOf } from '../support';

export const databasePerServiceRule = defineRule({
  id: 'data.database-per-service',
  tenet: 'interfaces',
  level: 'silver',
  title: 'A database per service',
  description:
    'No database the service depends on is also a dependency of another Component (of any type).',
  rationale:
    'Each service has its own database; a shared one couples deployments, schemas and failures of everything that touches it.',
  remediation: {
    text: 'Give the service a database of its own; other components get the data through its API.',
    snippet: `apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: orders-db
spec:
  type: database
  owner: group:default/checkout-team
  dependsOn: [resource:default/main-cluster]
`,
    language: 'yaml',
  },
  evaluate(service, { snapshot }) {
    const evidence: string[] = [];
    const refs: string[] = [];
    for (const db of databasesOf(service, snapshot)) {
      const others = snapshot
        .dependentsOf(db.ref)
        .filter(user => user.kind === 'component' && user.ref !== service.ref)
        .map(user => user.ref);
      if (others.length > 0) {
        evidence.push(`${db.ref} is also used by ${others.join(', ')}`);
        refs.push(db.ref, ...others);
      }
    }
    return evidence.length > 0
      ? fail(
          `shares ${evidence.length} database${
            evidence.length === 1 ? '' : 's'
          }`,
          evidence,
          refs,
        )
      : pass();
  },
});
