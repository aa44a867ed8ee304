import type { ConfiguredCheck } from '../apis';
import type { MandateConfig } from '../config';
import { builtInRules } from '../rules/builtInRules';
import { isOpenApiRule } from '../rules/defineOpenApiRule';
import type { AnyMandateRule } from '../rules/MandateRule';
import { effectiveRuleOptions } from './effectiveRuleOptions';
import { isRuleEnabled } from './isRuleEnabled';

/**
 * The document checks an `ApiDefinitions` computes when it parses an OpenAPI definition: the
 * enabled built-in OpenAPI rules among `rules`, with the options config gives them. Built-in
 * ones only, so that the backend's worker threads (which import the built-in rules, not the
 * custom ones) compute the same analyses as the main thread.
 *
 * @public
 */
export function builtInOpenApiChecks(
  rules: readonly AnyMandateRule[],
  config: MandateConfig,
): ConfiguredCheck[] {
  return rules
    .filter(isOpenApiRule)
    .filter(rule => builtInRules.includes(rule) && isRuleEnabled(rule, config))
    .map(rule => ({
      check: rule,
      options: effectiveRuleOptions(rule, config),
    }));
}
