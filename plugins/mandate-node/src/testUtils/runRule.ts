import { Entity } from '@backstage/catalog-model';
import { ApiDefinitionAnalyzer } from '../apis';
import { CatalogSnapshot, SnapshotInput } from '../catalog';
import { DEFAULT_MANDATE_CONFIG, MandateConfig } from '../config';
import { ServiceGraph } from '../graph';
import { MandateRule } from '../rules/MandateRule';
import { RuleOutcome } from '../rules/RuleOutcome';
import { ApiChecks, DefinitionAnalyzer } from '../rules/support';

const analyzer = new ApiDefinitionAnalyzer();

/**
 * Runs one rule on one service of a small catalog, the way the engine would (same context),
 * so that rule tests stay about the rule.
 */
export function runRule<T extends Record<string, any>>(
  rule: MandateRule<T>,
  catalog: (Entity | SnapshotInput)[],
  serviceRef: string,
  overrides: {
    options?: Partial<T>;
    config?: Partial<MandateConfig>;
    analyzer?: DefinitionAnalyzer;
  } = {},
): RuleOutcome {
  const snapshot = new CatalogSnapshot(
    catalog.map(item => ('entity' in item ? item : { entity: item })),
  );
  const config = { ...DEFAULT_MANDATE_CONFIG, ...overrides.config };
  const graph = ServiceGraph.of(snapshot, config.serviceTypes);
  const service = snapshot.get(serviceRef);
  if (!service) throw new Error(`no entity ${serviceRef} in the test catalog`);
  return rule.evaluate(service, {
    snapshot,
    graph,
    config,
    options: { ...rule.defaults, ...overrides.options } as T,
    apis: new ApiChecks(overrides.analyzer ?? analyzer),
  });
}
