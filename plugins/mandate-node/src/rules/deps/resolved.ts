import { RefLink } from '../../catalog';
import { defineRule } from '../defineRule';
import { fail, pass } from '../RuleOutcome';
import { ruleFix, specList } from '../support';

export const resolvedRule = defineRule({
  id: 'deps.resolved',
  tenet: 'dependencies',
  level: 'bronze',
  title: 'Dependencies resolve',
  description:
    'Every `dependsOn`, `consumesApis` and `providesApis` ref resolves to an entity in the catalog.',
  rationale:
    'A dependency the catalog does not know is invisible to everyone reasoning about blast radius, criticality and SLAs.',
  remediation: {
    text: 'Fix the ref (kind, namespace, name) or register the missing entity.',
    snippet: `spec:
  dependsOn: [resource:default/orders-db, component:default/payments]
  consumesApis: [api:default/payments-api]
`,
    language: 'yaml',
  },
  evaluate(service, { snapshot }) {
    const evidence: string[] = [];
    const missing = new Set<string>();
    const check = (field: string, links: RefLink[]) => {
      for (const link of links) {
        if (!link.ref) {
          evidence.push(
            `${field}: ${JSON.stringify(link.raw)} is not an entity ref`,
          );
        } else if (!snapshot.get(link.ref)) {
          missing.add(link.ref);
          evidence.push(`${field}: ${link.ref} does not exist`);
        }
      }
    };
    check('spec.dependsOn', service.dependsOn);
    check('spec.consumesApis', service.consumesApis);
    check('spec.providesApis', service.providesApis);
    if (evidence.length === 0) return pass();
    const spec: Record<string, unknown[]> = {};
    for (const field of [
      'dependsOn',
      'consumesApis',
      'providesApis',
    ] as const) {
      const kept = specList(service, field, {
        drop: missing,
        dropInvalid: true,
      });
      if (kept.length !== service[field].length) spec[field] = kept;
    }
    return {
      ...fail(
        `${evidence.length} ref${
          evidence.length === 1 ? ' does' : 's do'
        } not resolve`,
        evidence,
      ),
      fix: ruleFix(
        `Drop what the catalog does not know${
          missing.size > 0 ? ` (${[...missing].join(', ')})` : ''
        }, or register it if it still exists (then keep the ref as it is).`,
        { spec },
      ),
    };
  },
});
