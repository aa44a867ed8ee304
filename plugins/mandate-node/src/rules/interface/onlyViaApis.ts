import { defineRule } from '../defineRule';
import { fail, pass } from '../RuleOutcome';
import { decisionFix, newApiEntity, ruleFix, specList } from '../support';

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
    const bypassed: { target: string; apis: string[] }[] = [];
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
        bypassed.push({
          target: target.ref,
          apis: target.providesApis.flatMap(api =>
            api.ref && snapshot.get(api.ref)?.kind === 'api' ? [api.ref] : [],
          ),
        });
        refs.push(target.ref, ...(target.owner ? [target.owner] : []));
        evidence.push(
          `${target.ref} (owned by ${
            target.owner ?? 'nobody'
          }) is used without consuming any of its APIs`,
        );
      }
    }
    if (evidence.length > 0) {
      const outcome = fail(
        `depends on ${evidence.length} other team${
          evidence.length === 1 ? "'s service" : "s' services"
        } without going through an API`,
        evidence,
        refs,
      );
      // The direct dependency goes; the APIs of those services take its place.
      const apis = bypassed.flatMap(b => b.apis);
      const edit = {
        spec: {
          dependsOn: specList(service, 'dependsOn', {
            drop: new Set(bypassed.map(b => b.target)),
          }),
          consumesApis: specList(service, 'consumesApis', { add: apis }),
        },
      };
      const through = bypassed
        .filter(b => b.apis.length > 0)
        .map(b => `${b.target} through ${b.apis.join(', ')}`);
      const closed = bypassed.filter(b => b.apis.length === 0);
      if (closed.length === 0) {
        return {
          ...outcome,
          fix: ruleFix(
            `Call ${through.join(
              '; ',
            )} instead of depending on the service directly (keep the APIs you call).`,
            edit,
          ),
        };
      }
      return {
        ...outcome,
        fix: decisionFix(
          `${closed.map(b => b.target).join(', ')} offer${
            closed.length === 1 ? 's' : ''
          } no API: decide with ${
            closed.length === 1 ? 'its team' : 'their teams'
          } what ${closed.length === 1 ? 'it' : 'they'} should publish for ${
            service.ref
          }, then consume it instead of the direct dependency.`,
          closed.flatMap(b => {
            const target = snapshot.get(b.target)!;
            const api = `api:${target.namespace}/${target.name}-api`;
            return [
              {
                comment: `in ${target.ref}: the API it publishes`,
                edit: {
                  spec: {
                    providesApis: specList(target, 'providesApis', {
                      add: [api],
                    }),
                  },
                },
              },
              {
                comment: `new entity ${api}`,
                edit: newApiEntity(api, target.owner),
              },
            ];
          }),
          closed[0].target,
        ),
      };
    }
    return pass();
  },
});
