import { TIERS } from '@internal/plugin-mandate-common';
import { MANDATE_ANNOTATIONS, readTier } from '../../annotations';
import { defineRule } from '../defineRule';
import { fail, pass } from '../RuleOutcome';

export const tierDeclaredRule = defineRule({
  id: 'ops.tier-declared',
  tenet: 'operations',
  level: 'bronze',
  title: 'Tier declared',
  description:
    '`mandate.dev/tier` is one of `critical`, `high`, `medium`, `low` (exactly, lower case).',
  rationale:
    'Criticality decides what a service may depend on and how it is isolated; it must be declared, not guessed during an incident.',
  remediation: {
    text: 'Declare how critical the service is.',
    snippet: `metadata:
  annotations:
    mandate.dev/tier: high
`,
    language: 'yaml',
  },
  evaluate(service) {
    const value = service.annotations[MANDATE_ANNOTATIONS.tier];
    if (value === undefined)
      return fail(`${MANDATE_ANNOTATIONS.tier} is not set`);
    if (!readTier(service)) {
      return fail(`${JSON.stringify(value)} is not one of ${TIERS.join(', ')}`);
    }
    return pass();
  },
});
