import { readTier } from '../../annotations';
import { defineRule } from '../defineRule';
import { fail, notApplicable, pass } from '../RuleOutcome';

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
  evaluate(service, { facts: { graph } }) {
    const tier = readTier(service);
    if (!tier) return notApplicable('the service has no valid tier');
    const inversion = graph.tierInversion(service.ref);
    if (!inversion) return pass();
    const last = inversion.labels[inversion.labels.length - 1];
    return fail(
      `a ${tier} service depends hard on ${last}`,
      [inversion.labels.join(' -> ')],
      inversion.path,
    );
  },
});
