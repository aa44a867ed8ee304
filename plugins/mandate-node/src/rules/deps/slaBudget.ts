import { readSlo } from '../../annotations';
import { defineRule } from '../defineRule';
import { fail, pass } from '../RuleOutcome';

/** Relative tolerance of the floating-point comparison allowed by the rulebook. */
const TOLERANCE = 1e-9;

/** 99.85000000000001 -> "99.85" */
function percent(value: number): string {
  return String(Number(value.toPrecision(10)));
}

export const slaBudgetRule = defineRule({
  id: 'deps.sla-budget',
  tenet: 'dependencies',
  level: 'gold',
  title: 'Dependencies fit the SLO',
  description:
    'The product of the SLOs of all services reachable through hard edges (each once, itself excluded) is at least its own SLO; it fails when it or any of them has no valid SLO.',
  rationale:
    'The availability of a call chain is decided by its weakest link: a service cannot promise more than its hard dependencies deliver together.',
  remediation: {
    text: 'Lower the target to what the dependencies allow, raise the weakest link, or make it a soft dependency with a fallback.',
    snippet: `metadata:
  annotations:
    mandate.dev/slo: '99.5'
    mandate.dev/soft-dependencies: component:default/recommendations
`,
    language: 'yaml',
  },
  evaluate(service, { facts: { graph } }) {
    const own = readSlo(service);
    const reach = graph.hardReach(service.ref)!;
    const problems: string[] = [];
    if (own === undefined) problems.push(`${service.ref} has no valid SLO`);
    for (const ref of reach.missingSlo)
      problems.push(`${ref} has no valid SLO`);
    if (problems.length > 0) {
      return fail(
        own === undefined
          ? 'the service has no valid SLO'
          : `${reach.missingSlo.length} hard dependenc${
              reach.missingSlo.length === 1 ? 'y has' : 'ies have'
            } no valid SLO`,
        problems,
        [...(own === undefined ? [service.ref] : []), ...reach.missingSlo],
      );
    }
    if (reach.compositeSlo >= own! * (1 - TOLERANCE)) return pass();
    return fail(
      `dependencies allow at most ${percent(
        reach.compositeSlo,
      )}% against a target of ${percent(own!)}%`,
      [
        `composite SLO of ${reach.count} hard dependenc${
          reach.count === 1 ? 'y' : 'ies'
        }: ${percent(reach.compositeSlo)}%`,
        `${reach.weakest!.ref} (${percent(
          reach.weakest!.slo,
        )}%) is the weakest link`,
      ],
      [reach.weakest!.ref],
    );
  },
});
