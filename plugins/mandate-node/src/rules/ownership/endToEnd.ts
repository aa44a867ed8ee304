import { defineRule } from '../defineRule';
import { fail, pass } from '../RuleOutcome';
import { databasesOf, foreignPartsFix, providedApis } from '../support';

export const endToEndRule = defineRule({
  id: 'ownership.end-to-end',
  tenet: 'ownership',
  level: 'silver',
  title: 'Owned end to end',
  description:
    'Every API the service provides and every database it depends on has the same owner as the service.',
  rationale:
    'The team that owns a service owns it from the interface to the data; an interface or a database owned by someone else is a hand-off waiting to break.',
  remediation: {
    text: "Give the service's APIs and databases the service's owner (or move them to the service that really owns them).",
    snippet: `apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: orders-db
spec:
  type: database
  owner: group:default/checkout-team   # the same owner as the service
`,
    language: 'yaml',
  },
  evaluate(service, { snapshot }) {
    const isForeign = (part: { owner?: string }) =>
      part.owner !== service.owner;
    const apis = providedApis(service, snapshot).filter(isForeign);
    const databases = databasesOf(service, snapshot).filter(isForeign);
    const foreign = [...apis, ...databases];
    const evidence = foreign.map(
      part => `${part.ref} is owned by ${part.owner ?? 'nobody'}`,
    );
    if (evidence.length > 0) {
      const outcome = fail(
        `${evidence.length} of its APIs and databases ${
          evidence.length === 1 ? 'is' : 'are'
        } not owned by ${service.owner ?? 'its owner'}`,
        evidence,
        foreign.flatMap(part =>
          part.owner ? [part.ref, part.owner] : [part.ref],
        ),
      );
      return {
        ...outcome,
        fix: foreignPartsFix(service, { apis, databases }, snapshot),
      };
    }
    return pass();
  },
});
