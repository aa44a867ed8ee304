import { formatPercent } from '@mandate-dev/plugin-mandate-common';
import { MANDATE_ANNOTATIONS, readSlo } from '../../annotations';
import { defineRule } from '../defineRule';
import { fail, pass } from '../RuleOutcome';
import {
  annotationsEdit,
  decisionFix,
  FixOption,
  proposedSlo,
  ruleFix,
  softDependencyEdit,
} from '../support';

/** Relative tolerance of the floating-point comparison allowed by the rulebook. */
const TOLERANCE = 1e-9;

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
    const slo = (value: string) =>
      annotationsEdit({ [MANDATE_ANNOTATIONS.slo]: value });
    if (problems.length > 0) {
      const outcome = fail(
        own === undefined
          ? 'the service has no valid SLO'
          : `${reach.missingSlo.length} hard dependenc${
              reach.missingSlo.length === 1 ? 'y has' : 'ies have'
            } no valid SLO`,
        problems,
        [...(own === undefined ? [service.ref] : []), ...reach.missingSlo],
      );
      if (reach.missingSlo.length === 0) {
        const proposed = proposedSlo(service.ref, graph);
        return {
          ...outcome,
          fix: ruleFix(
            `Declare the availability target of ${
              service.ref
            }: its hard dependencies allow ${formatPercent(
              reach.compositeSlo,
            )} together, so ${formatPercent(Number(proposed))} at most.`,
            slo(proposed),
          ),
        };
      }
      // Each dependency without an SLO gets an equal share of what the target leaves.
      const target = own ?? Number(proposedSlo(service.ref, graph));
      const share = needed(target, reach.compositeSlo, reach.missingSlo.length);
      return {
        ...outcome,
        fix: decisionFix(
          `Decide with their owners the availability targets of ${reach.missingSlo.join(
            ', ',
          )}: ${
            share < 100
              ? `for ${formatPercent(target)} of ${
                  service.ref
                }, each needs at least ${formatPercent(share)}`
              : `no target below 100% fits ${formatPercent(target)} of ${
                  service.ref
                }: make some of them soft or lower the target`
          }.`,
          [
            ...(own === undefined
              ? [
                  {
                    comment: `in ${service.ref}: its target`,
                    edit: slo(String(target)),
                  },
                ]
              : []),
            ...(share < 100
              ? reach.missingSlo.map(ref => ({
                  comment: `in ${ref}: its target`,
                  edit: slo(String(share)),
                }))
              : []),
          ],
          own === undefined ? undefined : reach.missingSlo[0],
        ),
      };
    }
    if (reach.compositeSlo >= own! * (1 - TOLERANCE)) return pass();
    const weakest = reach.weakest!;
    const raised = needed(own!, reach.compositeSlo / (weakest.slo / 100), 1);
    const direct = graph
      .edgesFrom(service.ref)
      .some(edge => edge.to === weakest.ref && edge.hard);
    const options: FixOption[] = [
      {
        comment: `Option 1, in ${service.ref}: the target its dependencies allow`,
        edit: slo(proposedSlo(service.ref, graph)),
      },
    ];
    if (raised < 100) {
      options.push({
        comment: `Option ${options.length + 1}, in ${
          weakest.ref
        }: raise its target (alone, enough for ${formatPercent(own!)})`,
        edit: slo(String(raised)),
      });
    }
    if (direct) {
      options.push({
        comment: `Option ${options.length + 1}, in ${service.ref}: ${
          weakest.ref
        } is soft`,
        edit: softDependencyEdit(service, weakest.ref),
      });
    }
    return {
      ...fail(
        `dependencies allow at most ${formatPercent(
          reach.compositeSlo,
        )} against a target of ${formatPercent(own!)}`,
        [
          `composite SLO of ${reach.count} hard dependenc${
            reach.count === 1 ? 'y' : 'ies'
          }: ${formatPercent(reach.compositeSlo)}`,
          `${weakest.ref} (${formatPercent(weakest.slo)}) is the weakest link`,
        ],
        [weakest.ref],
      ),
      fix: decisionFix(
        `Decide: lower the target of ${service.ref} from ${formatPercent(
          own!,
        )} to ${formatPercent(Number(proposedSlo(service.ref, graph)))}${
          raised < 100
            ? `, raise the weakest link ${weakest.ref} from ${formatPercent(
                weakest.slo,
              )} to ${formatPercent(raised)}`
            : ''
        }${
          direct
            ? `, or make ${weakest.ref} a soft dependency (with a fallback)`
            : ''
        }.`,
        options,
      ),
    };
  },
});

/**
 * The SLO (percent, rounded up to two decimals) that each of `count` services must reach so
 * that, with the others' composite `rest`, the chain gives `target`.
 */
function needed(target: number, rest: number, count: number): number {
  const each = 100 * Math.pow(target / rest, 1 / count);
  // Rounding up keeps the product at or above the target; the epsilon keeps 99.95 from becoming 99.96.
  return Math.ceil(each * 100 - 1e-6) / 100;
}
