import type {
  ApiRuleId,
  DefinitionCheck,
  OpenApiRuleOptions,
} from '../../apis';
import { SnapshotEntity } from '../../catalog';
import { RuleContext } from '../MandateRule';
import { notApplicable, RuleOutcome } from '../RuleOutcome';
import { aggregateApiChecks } from './aggregateApiChecks';
import { providedApis } from './providedApis';

/** The analyzer needs both; each rule only configures its own, the other keeps its default. */
export const DEFAULT_OPENAPI_OPTIONS: OpenApiRuleOptions = {
  errorSchema: 'Problem',
  correlationHeader: 'X-Request-ID',
};

/**
 * A service passes an api.* rule when every OpenAPI API it provides passes it; with no
 * OpenAPI API the rule is not applicable. `override` lets a rule settle one API without
 * the definition (api.rate-limited by annotation).
 */
export function evaluateOpenApiRule(
  ruleId: ApiRuleId,
  service: SnapshotEntity,
  context: RuleContext,
  options: Partial<OpenApiRuleOptions> = {},
  override?: (api: SnapshotEntity) => DefinitionCheck | undefined,
): RuleOutcome {
  const apis = providedApis(service, context.snapshot).filter(api =>
    context.facts.definitions.isOpenApi(api),
  );
  if (apis.length === 0)
    return notApplicable('the service provides no OpenAPI API');
  const effective = { ...DEFAULT_OPENAPI_OPTIONS, ...options };
  return aggregateApiChecks(
    apis.map(api => ({
      api: api.ref,
      check:
        override?.(api) ??
        context.facts.definitions.openApiRule(api, ruleId, effective),
    })),
  );
}
