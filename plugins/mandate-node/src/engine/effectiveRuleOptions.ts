import type { MandateConfig } from '../config';
import { optionDefaults } from '../config/RuleOptionSchema';
import type { AnyMandateRule } from '../rules/MandateRule';

/** A rule's options as it reads them in `context.options`: its defaults, overridden by config. @public */
export function effectiveRuleOptions(
  rule: AnyMandateRule,
  config: MandateConfig,
): Record<string, unknown> {
  return {
    ...optionDefaults(rule.options),
    ...config.rules[rule.id]?.options,
  };
}
