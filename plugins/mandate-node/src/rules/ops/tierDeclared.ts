import { Tier, TIERS } from '@mandate-dev/plugin-mandate-common';
import { MANDATE_ANNOTATIONS, readTier, tierRank } from '../../annotations';
import { defineRule } from '../defineRule';
import { fail, pass } from '../RuleOutcome';
import { annotationsEdit, decisionFix, ruleFix } from '../support';

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
  evaluate(service, { snapshot, facts: { graph } }) {
    const value = service.annotations[MANDATE_ANNOTATIONS.tier];
    if (value !== undefined && readTier(service)) return pass();
    const outcome =
      value === undefined
        ? fail(`${MANDATE_ANNOTATIONS.tier} is not set`)
        : fail(`${JSON.stringify(value)} is not one of ${TIERS.join(', ')}`);
    const tier = (t: Tier) =>
      annotationsEdit({ [MANDATE_ANNOTATIONS.tier]: t });
    // "High" or " critical " meant a tier: only the spelling is wrong.
    const meant = TIERS.find(t => t === value?.trim().toLowerCase());
    if (meant) {
      return {
        ...outcome,
        fix: ruleFix(`Spell the tier in lower case: ${meant}.`, tier(meant)),
      };
    }
    // The most critical tier its hard dependencies allow without a tier inversion.
    const dependencies = graph
      .edgesFrom(service.ref)
      .filter(edge => edge.hard)
      .map(edge => readTier(snapshot.get(edge.to)!) ?? 'low');
    const allowed = dependencies.reduce<Tier>(
      (least, t) => (tierRank(t) > tierRank(least) ? t : least),
      'critical',
    );
    return {
      ...outcome,
      fix: decisionFix(
        `Decide how critical ${service.ref} is: ${TIERS.join(', ')}. ${
          dependencies.length > 0
            ? `Its hard dependencies allow at most ${allowed} without a tier inversion.`
            : 'It depends hard on no service, so nothing below limits it.'
        }`,
        [
          ...(allowed === 'low'
            ? []
            : [
                {
                  comment: `Option 1: ${allowed}, the most critical ${
                    dependencies.length > 0
                      ? 'its hard dependencies allow'
                      : 'tier'
                  }`,
                  edit: tier(allowed),
                },
              ]),
          {
            comment: `Option ${
              allowed === 'low' ? 1 : 2
            }: low, if no more critical service depends on it hard`,
            edit: tier('low'),
          },
        ],
      ),
    };
  },
});
