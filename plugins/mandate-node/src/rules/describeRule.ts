import { RuleDescription } from '@internal/plugin-mandate-common';
import { MandateRule } from './MandateRule';

/** What the UI and the REST API show about a rule: everything but `evaluate`. */
export function describeRule(rule: MandateRule<any>): RuleDescription & {
  defaults?: MandateRule['defaults'];
} {
  const {
    id,
    tenet,
    level,
    title,
    description,
    rationale,
    remediation,
    defaults,
  } = rule;
  return {
    id,
    tenet,
    level,
    title,
    description,
    rationale,
    remediation: { ...remediation },
    ...(defaults ? { defaults: { ...defaults } } : {}),
  };
}
