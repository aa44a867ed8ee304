import type { ConfiguredCheck } from '../apis/ApiDefinitions';
import { builtInRules } from '../rules/builtInRules';
import { isOpenApiRule } from '../rules/defineOpenApiRule';
import type { BuiltInRuleOptions } from './DefinitionAnalysisPool';

/**
 * The checks of an `ApiDefinitions` as plain data for a worker thread (functions do not cross
 * threads), or undefined when one is not a built-in rule: a worker only has the built-in ones.
 */
export function builtInRuleOptions(
  checks: readonly ConfiguredCheck[],
): BuiltInRuleOptions[] | undefined {
  const rules: BuiltInRuleOptions[] = [];
  for (const { check, options } of checks) {
    if (!(builtInRules as readonly unknown[]).includes(check)) return undefined;
    rules.push({
      ruleId: check.id,
      options: options as Record<string, unknown>,
    });
  }
  return rules;
}

/** In a worker thread, the checks that {@link builtInRuleOptions} describe. */
export function checksOfBuiltInRules(
  rules: readonly BuiltInRuleOptions[],
): ConfiguredCheck[] {
  const openApiRules = new Map(
    builtInRules.filter(isOpenApiRule).map(rule => [rule.id, rule]),
  );
  return rules.flatMap(({ ruleId, options }) => {
    const rule = openApiRules.get(ruleId);
    return rule ? [{ check: rule, options }] : [];
  });
}
