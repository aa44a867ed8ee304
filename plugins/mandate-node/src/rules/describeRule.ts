import {
  RuleDescription,
  RuleOptionSchemas,
} from '@mandate-dev/plugin-mandate-common';
import { optionDefaults } from '../config/RuleOptionSchema';
import { AnyMandateRule } from './MandateRule';

/**
 * What the UI and the REST API show about a rule: everything but `evaluate`, with the option
 * schemas and their defaults.
 *
 * @public
 */
export function describeRule(rule: AnyMandateRule): RuleDescription & {
  optionSchemas?: RuleOptionSchemas;
  defaults?: Record<string, unknown>;
} {
  const { evaluate: _evaluate, options, remediation, ...description } = rule;
  return {
    ...description,
    remediation: { ...remediation },
    ...(options
      ? {
          optionSchemas: structuredClone(options),
          defaults: optionDefaults(options),
        }
      : {}),
  };
}
