import {
  RuleOptionSchemas,
  RuleOptionValues,
} from '@mandate-dev/plugin-mandate-common';
import { Entity } from '@backstage/catalog-model';
import { ApiDefinitions } from '../apis';
import { CatalogSnapshot, SnapshotInput } from '../catalog';
import { DEFAULT_MANDATE_CONFIG, MandateConfig } from '../config';
import { optionDefaults } from '../config/RuleOptionSchema';
import { EvaluationFacts } from '../facts';
import { MandateRule } from '../rules/MandateRule';
import { RuleOutcome } from '../rules/RuleOutcome';

/**
 * Runs one rule on one service of a small catalog, the way the engine would (same context),
 * so that rule tests stay about the rule. API definitions are read by a new `ApiDefinitions`
 * unless the test gives one.
 */
export function runRule<T extends RuleOptionSchemas>(
  rule: MandateRule<T>,
  catalog: (Entity | SnapshotInput)[],
  serviceRef: string,
  overrides: {
    options?: Partial<RuleOptionValues<T>>;
    config?: Partial<MandateConfig>;
    definitions?: ApiDefinitions;
  } = {},
): RuleOutcome {
  const snapshot = new CatalogSnapshot(
    catalog.map(item => ('entity' in item ? item : { entity: item })),
  );
  const config = { ...DEFAULT_MANDATE_CONFIG, ...overrides.config };
  const service = snapshot.get(serviceRef);
  if (!service) throw new Error(`no entity ${serviceRef} in the test catalog`);
  return rule.evaluate(service, {
    snapshot,
    facts: new EvaluationFacts({
      snapshot,
      serviceTypes: config.serviceTypes,
      definitions:
        overrides.definitions ??
        new ApiDefinitions({ limits: config.definitionLimits }),
    }),
    config,
    options: {
      ...optionDefaults(rule.options),
      ...overrides.options,
    } as RuleOptionValues<T>,
  });
}
