import { ApiDefinitions } from '../apis';
import type { MandateConfig } from '../config';
import type { AnyMandateRule } from '../rules/MandateRule';
import { builtInOpenApiChecks } from './builtInOpenApiChecks';

/**
 * The `ApiDefinitions` an evaluation with these rules and this config reads: the config's
 * definition limits, and the enabled built-in OpenAPI checks computed at parse time. The CLI
 * creates one per run, the backend one per plugin instance.
 *
 * @public
 */
export function createApiDefinitions(
  rules: readonly AnyMandateRule[],
  config: MandateConfig,
): ApiDefinitions {
  return new ApiDefinitions({
    limits: config.definitionLimits,
    checks: builtInOpenApiChecks(rules, config),
  });
}
