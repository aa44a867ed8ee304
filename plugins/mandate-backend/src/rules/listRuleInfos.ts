import { RuleInfo } from '@mandate-dev/plugin-mandate-common';
import {
  describeRule,
  effectiveRuleOptions,
  isRuleEnabled,
  MandateConfig,
  MandateRule,
} from '@mandate-dev/plugin-mandate-node';

/** The rules that run, as GET /rules and the actions describe them: with the options in force. */
export function listRuleInfos(
  rules: readonly MandateRule<any>[],
  config: MandateConfig,
): RuleInfo[] {
  return rules
    .filter(rule => isRuleEnabled(rule, config))
    .map(rule => {
      const { defaults: _defaults, ...description } = describeRule(rule);
      return { ...description, options: effectiveRuleOptions(rule, config) };
    });
}
