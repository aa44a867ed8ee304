import { MANDATE_ANNOTATIONS, readTier } from '../../annotations';
import { defineRule } from '../defineRule';
import { fail, notApplicable, pass } from '../RuleOutcome';
import { annotationsEdit, decisionFix, softDependencyEdit } from '../support';

export const noTierInversionRule = defineRule({
  id: 'deps.no-tier-inversion',
  tenet: 'dependencies',
  level: 'silver',
  title: 'No hard dependency on a less critical service',
  description:
    "No service reachable through hard edges has a less critical tier or no tier (whatever the service's own tier). Not applicable when the service has no valid tier.",
  rationale:
    'A non-critical service that a critical service depends on silently becomes critical, without the care a critical service gets.',
  remediation: {
    text: 'Raise the dependency to your tier, or make the dependency soft (with a fallback) and declare it so.',
    snippet: `metadata:
  annotations:
    mandate.dev/soft-dependencies: component:default/recommendations
spec:
  dependsOn: [component:default/recommendations]
`,
    language: 'yaml',
  },
  evaluate(service, { snapshot, facts: { graph } }) {
    const tier = readTier(service);
    if (!tier) return notApplicable('the service has no valid tier');
    const inversion = graph.tierInversion(service.ref);
    if (!inversion) return pass();
    const last = inversion.labels[inversion.labels.length - 1];
    const { path } = inversion;
    const [caller, callee] = [path[path.length - 2], path[path.length - 1]];
    const calleeTier = readTier(snapshot.get(callee)!);
    return {
      ...fail(
        `a ${tier} service depends hard on ${last}`,
        [inversion.labels.join(' -> ')],
        path,
      ),
      fix: decisionFix(
        `Decide: ${caller} makes ${callee} a soft dependency (it must then cope without it, with a fallback), or ${callee} becomes ${tier} (${
          calleeTier ? `from ${calleeTier}` : 'it has no tier'
        }) and is run like one.`,
        [
          {
            comment: `Option 1, in ${caller}: ${callee} is soft`,
            edit: softDependencyEdit(snapshot.get(caller)!, callee),
          },
          {
            comment: `Option 2, in ${callee}: it is ${tier}`,
            edit: annotationsEdit({ [MANDATE_ANNOTATIONS.tier]: tier }),
          },
        ],
        caller,
      ),
    };
  },
});
