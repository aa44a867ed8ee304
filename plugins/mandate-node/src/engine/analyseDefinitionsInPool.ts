import { ApiDefinitions, definitionOf } from '../apis';
import { CatalogSnapshot, SnapshotEntity } from '../catalog';
import { DEFAULT_MANDATE_CONFIG, MandateConfig } from '../config';
import { ServiceGraph } from '../graph';
import { builtInRules } from '../rules/builtInRules';
import { isOpenApiRule } from '../rules/defineOpenApiRule';
import { AnyMandateRule } from '../rules/MandateRule';
import { providedApis } from '../rules/support';
import {
  BuiltInRuleOptions,
  DefinitionAnalysisPool,
  DefinitionTask,
} from './DefinitionAnalysisPool';
import { effectiveRuleOptions } from './effectiveRuleOptions';

const ANALYSED_TYPES = new Set(['openapi', 'asyncapi', 'grpc', 'graphql']);

/**
 * Analyses, in the pool's worker threads, the distinct definitions an evaluation will read and
 * `definitions` has not analysed yet: spec validity, and the verdicts of the enabled built-in
 * OpenAPI rules among `rules` for the options config gives them. The results are adopted into
 * `definitions`, so the rules then only read memoised verdicts on the main thread. A custom
 * OpenAPI rule's check is not run in the workers (they only have the built-in rules): it runs
 * on the main thread the first time a definition meets it, parsing the document there.
 * Without `entityRefs`, every API of the snapshot. Returns the worker threads' ids per analysed
 * key (for logs and tests).
 */
export async function analyseDefinitionsInPool(options: {
  snapshot: CatalogSnapshot;
  config?: MandateConfig;
  entityRefs?: Iterable<string>;
  /** The rules of the evaluation (default: the built-in rules). */
  rules?: readonly AnyMandateRule[];
  definitions: ApiDefinitions;
  pool: DefinitionAnalysisPool;
}): Promise<Map<string, number>> {
  const { definitions, snapshot } = options;
  const config = options.config ?? DEFAULT_MANDATE_CONFIG;
  const checks = (options.rules ?? builtInRules)
    .filter(isOpenApiRule)
    .filter(
      rule =>
        builtInRules.includes(rule) && config.rules[rule.id]?.enabled !== false,
    )
    .map(rule => ({ check: rule, options: effectiveRuleOptions(rule, config) }));
  const rulesToRun: BuiltInRuleOptions[] = checks.map(({ check, options }) => ({
    ruleId: check.id,
    options,
  }));

  const tasks = new Map<string, DefinitionTask>();
  for (const api of apisToRead(snapshot, config, options.entityRefs)) {
    const apiType = (api.type ?? '').toLowerCase();
    if (api.definitionReadError || !ANALYSED_TYPES.has(apiType)) continue;
    const definition = definitionOf(api);
    if (definition.trim() === '') continue;
    const key = definitions.analysisKey(apiType, definition);
    if (
      !tasks.has(key) &&
      !definitions.isAnalysed(key, apiType === 'openapi' ? checks : [])
    ) {
      tasks.set(key, { key, apiType, definition });
    }
  }
  const threads = new Map<string, number>();
  if (tasks.size === 0) return threads;
  const analysed = await options.pool.analyse(
    [...tasks.values()],
    definitions.limits,
    rulesToRun,
  );
  for (const { key, analysis, threadId } of analysed) {
    definitions.adoptAnalysis(key, analysis);
    threads.set(key, threadId);
  }
  return threads;
}

function apisToRead(
  snapshot: CatalogSnapshot,
  config: MandateConfig,
  entityRefs: Iterable<string> | undefined,
): Iterable<SnapshotEntity> {
  if (!entityRefs) return snapshot.entities.filter(e => e.kind === 'api');
  const graph = ServiceGraph.of(snapshot, config.serviceTypes);
  const apis = new Set<SnapshotEntity>();
  for (const ref of entityRefs) {
    const service = graph.has(ref.toLowerCase())
      ? snapshot.get(ref.toLowerCase())
      : undefined;
    if (service)
      for (const api of providedApis(service, snapshot)) apis.add(api);
  }
  return apis;
}
