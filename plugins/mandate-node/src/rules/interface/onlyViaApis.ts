import { defineRule } from '../defineRule';
import { fail, pass } from '../RuleOutcome';

export const onlyViaApisRule = defineRule({
  id: 'interface.only-via-apis',
  tenet: 'interfaces',
  level: 'silver',
  title: "Other teams' services only through their APIs",
  description:
    'For every service it depends on (hard or soft) that another team owns, the service consumes at least one API that service provides.',
  rationale:
    "Teams communicate only through service interfaces: no linking another team's program, no shared memory, no back doors.",
  remediation: {
    text: "Consume the other team's published API instead of depending on its service directly.",
    snippet: `spec:
  dependsOn: [component:default/payments]
  consumesApis: [api:default/payments-api]
`,
    language: 'yaml',
  },
  evaluate(service, { snapshot, facts }) {
    const consumed = new Set(
      service.consumesApis
        .map(link => link.ref)
        .filter((ref): ref is string => !!ref),
    );
    const evidence: string[] = [];
    const refs: string[] = [];
    const seen = new Set<string>();
    for (const link of service.dependsOn) {
      if (!link.ref || seen.has(link.ref) || !facts.graph.has(link.ref))
        continue;
      seen.add(link.ref);
      const target = snapshot.get(link.ref)!;
      if (target.owner === service.owner) continue;
      const throughApi = target.providesApis.some(
        api =>
          api.ref &&
          consumed.has(api.ref) &&
          snapshot.get(api.ref)?.kind === 'api',
      );
      if (!throughApi) {
        refs.push(target.ref, ...(target.owner ? [target.owner] : []));
        evidence.push(
          `${target.ref} (owned by ${
            target.owner ?? 'nobody'
          }) is used without consuming any of its APIs`,
        );
      }
    }
    if (evidence.length > 0) {
      return fail(
        `depends on ${evidence.length} other team${
          evidence.length === 1 ? "'s service" : "s' services"
        } without going through an API`,
        evidence,
        refs,
      );
    }
    return pass();
  },
});
