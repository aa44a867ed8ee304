import { RuleOptionValues } from '@mandate-dev/plugin-mandate-common';
import { ApiDefinitions, DefinitionCheck } from '../apis';
import { optionDefaults } from '../config/RuleOptionSchema';
import { OpenApiRule } from '../rules/defineOpenApiRule';

/**
 * One OpenAPI rule's verdict on one definition text, as `ApiDefinitions` computes it for an API
 * (parse, limits, memo), with the rule's default options unless given: check tests stay about
 * the check.
 */
export function checkOpenApiText<R extends OpenApiRule<any>>(
  rule: R,
  definition: string,
  options: Partial<RuleOptionValues<NonNullable<R['options']>>> = {},
  definitions = new ApiDefinitions(),
): DefinitionCheck {
  return definitions.openApiCheckOf(definition, rule, {
    ...optionDefaults(rule.options),
    ...options,
  });
}
